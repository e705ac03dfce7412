import { OpError } from '../errors.js'
import type { DeclaredOp } from '../plan/types.js'
import type { OpKind } from './types.js'

/**
 * replace: done when the pattern no longer matches (nothing to change). Literal patterns work on
 * bytes, so any file is safe; regex patterns need valid UTF-8 text. `$1`-style references apply
 * only in regex mode; a literal `with` is inserted as written.
 */
export const replaceOp: OpKind = {
  async check(op, env) {
    const abs = await env.sandbox.resolve(op.src!)
    const s = await env.fs.lstat(abs)
    if (!s) throw new OpError(`'${op.src}' does not exist`)
    if (s.type !== 'file') throw new OpError(`'${op.src}' is not a regular file`)
    const before = await env.fs.readFile(abs)
    const after = transform(op.decl, before, op.src!)
    if (after.equals(before)) return { state: 'satisfied', detail: 'no match' }
    return { state: 'todo', prepared: { before, after } }
  },
  async apply(op, env, check) {
    const abs = await env.sandbox.resolve(op.src!)
    const s = await env.fs.lstat(abs)
    const current = await env.fs.readFile(abs)
    if (!check.prepared?.before?.equals(current))
      throw new OpError(`'${op.src}' changed between check and apply`, { transient: true })
    await env.fs.writeFile(abs, check.prepared.after!, s!.mode)
    return {}
  }
}

/** The new bytes of a file after one replace operation. */
export function transform(decl: DeclaredOp, before: Buffer, path: string): Buffer {
  if (!decl.regex)
    return replaceBytes(before, Buffer.from(decl.find!, 'utf8'), Buffer.from(decl.with!, 'utf8'))
  const text = before.toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(before)) {
    throw new OpError(`'${path}' is not valid UTF-8 text; regex replace edits text files only`)
  }
  const re = new RegExp(decl.find!, 'g' + (decl.flags ?? ''))
  return Buffer.from(text.replace(re, decl.with!), 'utf8')
}

function replaceBytes(buf: Buffer, find: Buffer, withBytes: Buffer): Buffer {
  let at = buf.indexOf(find)
  if (at < 0) return buf
  const parts: Buffer[] = []
  let from = 0
  while (at >= 0) {
    parts.push(buf.subarray(from, at), withBytes)
    from = at + find.length
    at = buf.indexOf(find, from)
  }
  parts.push(buf.subarray(from))
  return Buffer.concat(parts)
}
