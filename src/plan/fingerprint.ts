import { createHash } from 'node:crypto'
import type { DeclaredOp } from './types.js'

/**
 * Fingerprint of what a plan does: the operations' kinds, fields and conflict/no-match policies.
 * Comments, key order, and the execution policy (max-attempts, continue-on-error) do not count,
 * so a re-run with other retry settings still resumes.
 */
export function fingerprint(ops: DeclaredOp[]): string {
  // The hash of canonical(ops.map(meaningOf)), fed one operation at a time: no plan-sized string.
  const hash = createHash('sha256')
  let text = '['
  for (let i = 0; i < ops.length; i++) {
    text += (i > 0 ? ',' : '') + canonicalMeaning(ops[i])
    if (text.length >= 1 << 16) {
      hash.update(text)
      text = ''
    }
  }
  return hash
    .update(text + ']')
    .digest('hex')
    .slice(0, 16)
}

/** The fields of `meaningOf`, in the order `canonical` sorts them. */
const MEANING_KEYS = Object.keys(meaningOf({ kind: 'mkdir', index: 0, policy: {} } as DeclaredOp)).sort()
const QUOTED_KEYS = MEANING_KEYS.map(k => JSON.stringify(k) + ':')

/** canonical(meaningOf(op)), with the keys sorted once for all operations. */
function canonicalMeaning(op: DeclaredOp): string {
  const m = meaningOf(op)
  let out = '{'
  for (let i = 0; i < MEANING_KEYS.length; i++) {
    const v = m[MEANING_KEYS[i]]
    if (v === undefined) continue
    out += (out.length > 1 ? ',' : '') + QUOTED_KEYS[i] + canonical(v)
  }
  return out + '}'
}

/** The parts of an operation that determine its effect, used for the fingerprint and for diffs. */
export function meaningOf(op: DeclaredOp): Record<string, unknown> {
  return {
    kind: op.kind,
    id: op.id,
    each: op.each,
    subject: op.subject,
    to: op.to,
    content: op.content,
    mode: op.mode,
    find: op.find,
    with: op.with,
    regex: op.regex,
    flags: op.flags,
    command: op.command,
    shell: op.shell,
    creates: op.creates,
    removes: op.removes,
    timeoutMs: op.timeoutMs,
    env: op.env,
    shardBy: op.shardBy,
    onConflict: op.policy.onConflict,
    ifNoMatch: op.policy.ifNoMatch
  }
}

/** JSON with sorted keys and undefined dropped: equal meaning gives equal text. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter(k => obj[k] !== undefined)
    .sort()
  return `{${keys.map(k => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`
}
