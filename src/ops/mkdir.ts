import { OpError } from '../errors.js'
import { describeType } from './compare.js'
import { toRel } from '../plan/paths.js'
import type { OpKind } from './types.js'

/** mkdir: done when the directory exists; a file in the way is a conflict. */
export const mkdirOp: OpKind = {
  async check(op, env) {
    const s = await env.fs.lstat(await env.sandbox.resolve(op.dst!))
    if (!s) return { state: 'todo' }
    if (s.type === 'dir') return { state: 'satisfied', detail: 'directory exists' }
    return { state: 'conflict', detail: `'${op.dst}' exists and is ${describeType(s)}` }
  },
  async apply(op, env, _check, overwrite) {
    const abs = await env.sandbox.resolve(op.dst!)
    if (overwrite) await env.fs.rm(abs)
    const created = await env.fs.mkdirp(abs)
    if (created.length === 0) throw new OpError(`'${op.dst}' could not be created`)
    return { createdDirs: created.map(d => toRel(env.sandbox.root, d)) }
  }
}
