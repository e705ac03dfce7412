import { dirname } from 'node:path'
import { OpError } from '../errors.js'
import { isUnfinishedFile, UNFINISHED_MODE } from '../fs/types.js'
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
    // A creation of ours that a kill interrupted: finished now, never taken for done or for a conflict.
    if (isUnfinishedFile(s, after.length) && op.decl.mode !== UNFINISHED_MODE)
      return { state: 'todo', detail: 'finishing a write that was interrupted', prepared: { after } }
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
    const data = check.prepared?.after ?? Buffer.from(op.decl.content ?? '', 'utf8')
    const unfinished = !!s && isUnfinishedFile(s, data.length)
    const mode = op.decl.mode ?? (s?.type === 'file' && !unfinished ? s.mode : 0o644)
    if (!s && mode !== UNFINISHED_MODE) {
      // Nothing to replace: created in place, exclusively (no scratch file, no rename).
      try {
        await env.fs.createFile(abs, data, mode)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
        throw new OpError(`'${op.dst}' appeared between check and apply`, { transient: true })
      }
    } else {
      if (s && s.type !== 'file') await env.fs.rm(abs)
      await env.fs.writeFile(abs, data, mode)
    }
    return {
      createdDirs: created.map(d => toRel(env.sandbox.root, d)),
      invalidatesPaths: !!s && s.type !== 'file'
    }
  }
}
