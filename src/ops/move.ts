import { dirname } from 'node:path'
import { OpError } from '../errors.js'
import { isInside, toRel } from '../plan/paths.js'
import { describeType, sameContent } from './compare.js'
import type { OpKind } from './types.js'

const NONE: readonly string[] = []

/**
 * move (and rename): done when the source is gone and the target exists. A target that
 * already holds the source's content is not a conflict: applying removes the source.
 */
export const moveOp: OpKind = {
  async check(op, env) {
    // Known paths (the parent's verdict cached) are resolved without a promise: the bulk case.
    const src = env.sandbox.resolveKnown(op.src!) ?? (await env.sandbox.resolve(op.src!))
    const dst = env.sandbox.resolveKnown(op.dst!) ?? (await env.sandbox.resolve(op.dst!))
    if (src === dst) return { state: 'satisfied', detail: 'source and target are the same path' }
    const ss = await env.fs.lstat(src)
    const ds = await env.fs.lstat(dst)
    if (!ss && ds) return { state: 'satisfied', detail: 'already moved' }
    if (!ss) throw new OpError(`source '${op.src}' does not exist`)
    if (isInside(src, dst)) throw new OpError(`cannot move '${op.src}' into itself ('${op.dst}')`)
    if (!ds) return { state: 'todo', prepared: { srcType: ss.type } }
    if (await sameContent(env.fs, src, dst, ss, ds)) return { state: 'todo', prepared: { dedupe: true } }
    return {
      state: 'conflict',
      detail: `target '${op.dst}' exists (${describeType(ds)}) and differs from the source`
    }
  },
  async apply(op, env, check, overwrite) {
    const src = env.sandbox.resolveKnown(op.src!) ?? (await env.sandbox.resolve(op.src!))
    const dst = env.sandbox.resolveKnown(op.dst!) ?? (await env.sandbox.resolve(op.dst!))
    const ss = check.prepared?.srcType ? { type: check.prepared.srcType } : await env.fs.lstat(src)
    if (check.prepared?.dedupe) {
      await env.fs.rm(src)
      return { invalidatesPaths: ss?.type !== 'file' }
    }
    // A rename stays in its directory, which exists: no mkdirp.
    const created = dirname(dst) === dirname(src) ? NONE : await env.fs.mkdirp(dirname(dst))
    if (overwrite) await env.fs.rm(dst)
    await env.fs.rename(src, dst)
    const invalidatesPaths = ss?.type !== 'file'
    return created.length
      ? { createdDirs: created.map(d => toRel(env.sandbox.root, d)), invalidatesPaths }
      : { invalidatesPaths }
  }
}
