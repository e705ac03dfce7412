import type { OpKind } from './types.js'

/** delete: done when the path is gone. Directories go recursively; a symlink is removed, never its target. */
export const deleteOp: OpKind = {
  async check(op, env) {
    const s = await env.fs.lstat(await env.sandbox.resolve(op.src!))
    return s ? { state: 'todo' } : { state: 'satisfied', detail: 'already absent' }
  },
  async apply(op, env) {
    const abs = await env.sandbox.resolve(op.src!)
    const s = await env.fs.lstat(abs)
    await env.fs.rm(abs)
    return { invalidatesPaths: s?.type !== 'file' }
  }
}
