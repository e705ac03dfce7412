import { dirname } from 'node:path'
import { toRel } from '../plan/paths.js'
import { describeType } from './compare.js'
import type { OpKind } from './types.js'

/** write: done when the file holds exactly the content (and mode, when one is given). */
export const writeOp: OpKind = {
  async check(op, env) {
    const abs = await env.sandbox.resolve(op.dst!)
    const after = Buffer.from(op.decl.content ?? '', 'utf8')
    const s = await env.fs.lstat(abs)
    if (!s) return { state: 'todo', prepared: { after } }
    if (s.type !== 'file')
      return { state: 'conflict', detail: `'${op.dst}' exists and is ${describeType(s)}` }
    const before = await env.fs.readFile(abs)
    if (!before.equals(after)) {
      return {
        state: 'conflict',
        detail: `'${op.dst}' exists with other content`,
        prepared: { before, after }
      }
    }
    if (op.decl.mode !== undefined && s.mode !== op.decl.mode)
      return { state: 'todo', prepared: { before, after } }
    return { state: 'satisfied', detail: 'content already identical' }
  },
  async apply(op, env, check) {
    const abs = await env.sandbox.resolve(op.dst!)
    const s = await env.fs.lstat(abs)
    const created = await env.fs.mkdirp(dirname(abs))
    if (s && s.type !== 'file') await env.fs.rm(abs)
    const mode = op.decl.mode ?? (s?.type === 'file' ? s.mode : 0o644)
    await env.fs.writeFile(abs, check.prepared?.after ?? Buffer.from(op.decl.content ?? '', 'utf8'), mode)
    return {
      createdDirs: created.map(d => toRel(env.sandbox.root, d)),
      invalidatesPaths: !!s && s.type !== 'file'
    }
  }
}
