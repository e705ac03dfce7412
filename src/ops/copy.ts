import { dirname } from 'node:path'
import { OpError } from '../errors.js'
import { isInside, toRel } from '../plan/paths.js'
import { describeType, sameContent } from './compare.js'
import type { OpKind } from './types.js'

/** copy: done when the target holds the same bytes (or tree, or link) as the source. */
export const copyOp: OpKind = {
  async check(op, env) {
    const src = await env.sandbox.resolve(op.src!)
    const dst = await env.sandbox.resolve(op.dst!)
    const ss = await env.fs.lstat(src)
    if (!ss) throw new OpError(`source '${op.src}' does not exist`)
    if (ss.type === 'other') throw new OpError(`source '${op.src}' is not a file, directory or symlink`)
    if (src === dst) return { state: 'satisfied', detail: 'source and target are the same path' }
    if (isInside(src, dst)) throw new OpError(`cannot copy '${op.src}' into itself ('${op.dst}')`)
    const ds = await env.fs.lstat(dst)
    if (!ds) return { state: 'todo' }
    if (await sameContent(env.fs, src, dst, ss, ds))
      return { state: 'satisfied', detail: 'target already identical' }
    return {
      state: 'conflict',
      detail: `target '${op.dst}' exists (${describeType(ds)}) and differs from the source`
    }
  },
  async apply(op, env, _check, overwrite) {
    const src = await env.sandbox.resolve(op.src!)
    const dst = await env.sandbox.resolve(op.dst!)
    const ss = await env.fs.lstat(src)
    const created = await env.fs.mkdirp(dirname(dst))
    if (overwrite) await env.fs.rm(dst)
    try {
      await env.fs.copy(src, dst)
    } catch (err) {
      const e = err as NodeJS.ErrnoException
      if (e.code === 'ESPECIAL' && e.path) {
        throw new OpError(
          `cannot copy '${toRel(env.sandbox.root, e.path)}': not a file, directory or symlink`
        )
      }
      throw err
    }
    return {
      createdDirs: created.map(d => toRel(env.sandbox.root, d)),
      invalidatesPaths: ss?.type !== 'file'
    }
  }
}
