import { createHash } from 'node:crypto'
import type { DeclaredOp, Plan } from './types.js'

/**
 * Fingerprint of what a plan does: the operations' kinds, fields and conflict/no-match policies.
 * Comments, key order, and the execution policy (max-attempts, continue-on-error) do not count,
 * so a re-run with other retry settings still resumes.
 */
export function fingerprint(ops: DeclaredOp[]): string {
  return fingerprintOps(ops).id
}

/** Up to this many characters of canonical text are kept for the plan's saved copy. */
const KEEP_TEXT = 32 * 1024 * 1024

/**
 * The fingerprint, and the canonical text it hashed (the operations' meanings joined by `,`,
 * without the brackets) in pieces of about 64 KiB, or null when that text is too large to keep:
 * the journal's saved plan is the same text, so it need not be made twice.
 */
export function fingerprintOps(ops: DeclaredOp[]): { id: string; pieces: string[] | null } {
  // The hash of canonical(ops.map(meaningOf)), fed piece by piece: no plan-sized string.
  const hash = createHash('sha256').update('[')
  let pieces: string[] | null = []
  let kept = 0
  for (const piece of meaningPieces(ops)) {
    hash.update(piece)
    kept += piece.length
    if (pieces && kept <= KEEP_TEXT) pieces.push(piece)
    else pieces = null
  }
  const id = hash.update(']').digest('hex').slice(0, 16)
  return { id, pieces }
}

/** The operations' canonical meanings joined by `,`, in pieces of about 64 KiB. */
function* meaningPieces(ops: readonly DeclaredOp[]): Generator<string> {
  let piece = ''
  for (let i = 0; i < ops.length; i++) {
    piece += (i ? ',' : '') + canonicalMeaning(ops[i])
    if (piece.length >= 1 << 16) {
      yield piece
      piece = ''
    }
  }
  yield piece
}

/** Canonical text kept from a plan's fingerprint, until the journal takes it. */
const keptText = new WeakMap<Plan, string[]>()

/** Keeps the canonical text `fingerprintOps` made for `plan`, for `canonicalOpsText`. */
export function keepCanonicalText(plan: Plan, pieces: string[] | null): void {
  if (pieces) keptText.set(plan, pieces)
}

/**
 * The operations' canonical meanings joined by `,`, in pieces: the text the fingerprint hashed,
 * taken from the fingerprint when it was kept (once: it is let go), else made again.
 */
export function* canonicalOpsText(plan: Plan): Generator<string> {
  const kept = keptText.get(plan)
  keptText.delete(plan)
  yield* kept ?? meaningPieces(plan.ops)
}

/** Lets go of the text kept for `plan` (its saved copy exists already). */
export function forgetCanonicalText(plan: Plan): void {
  keptText.delete(plan)
}

/**
 * The parts of an operation that determine its effect, each read by one function: `meaningOf`
 * builds the object, `canonicalMeaning` writes the same fields' text without building it.
 */
const MEANING: Record<string, (op: DeclaredOp) => unknown> = {
  kind: op => op.kind,
  id: op => op.id,
  each: op => op.each,
  subject: op => op.subject,
  to: op => op.to,
  content: op => op.content,
  mode: op => op.mode,
  find: op => op.find,
  with: op => op.with,
  regex: op => op.regex,
  flags: op => op.flags,
  command: op => op.command,
  shell: op => op.shell,
  creates: op => op.creates,
  removes: op => op.removes,
  timeoutMs: op => op.timeoutMs,
  env: op => op.env,
  shardBy: op => op.shardBy,
  onConflict: op => op.policy.onConflict,
  ifNoMatch: op => op.policy.ifNoMatch
}
const MEANING_ENTRIES = Object.entries(MEANING)

/** The fields of `meaningOf` in the order `canonical` sorts them, each with its quoted key. */
const SORTED_MEANING = MEANING_ENTRIES.map(([k, get]) => ({
  key: k,
  quoted: `${JSON.stringify(k)}:`,
  get
})).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))

/** The fields of SORTED_MEANING an operation of each kind can have (the others are undefined). */
const KIND_FIELDS: Record<string, string[]> = {
  mkdir: [],
  delete: [],
  move: ['to'],
  rename: ['to'],
  copy: ['to'],
  write: ['content', 'mode'],
  replace: ['find', 'with', 'regex', 'flags'],
  run: ['command', 'shell', 'creates', 'removes', 'timeoutMs', 'env']
}
const ANY_KIND = ['kind', 'id', 'each', 'subject', 'shardBy', 'onConflict', 'ifNoMatch']
const MEANING_OF_KIND = new Map(
  Object.entries(KIND_FIELDS).map(([kind, own]) => [
    kind,
    SORTED_MEANING.filter(f => ANY_KIND.includes(f.key) || own.includes(f.key))
  ])
)

/**
 * canonical(meaningOf(op)), field by field: no object per operation, only the fields its kind
 * can have, and a string (most fields) goes straight to JSON.stringify.
 */
export function canonicalMeaning(op: DeclaredOp): string {
  let out = '{'
  for (const f of MEANING_OF_KIND.get(op.kind) ?? SORTED_MEANING) {
    const v = f.get(op)
    if (v === undefined) continue
    out += (out.length > 1 ? ',' : '') + f.quoted + (typeof v === 'string' ? JSON.stringify(v) : canonical(v))
  }
  return out + '}'
}

/** The parts of an operation that determine its effect, used for the fingerprint and for diffs. */
export function meaningOf(op: DeclaredOp): Record<string, unknown> {
  const m: Record<string, unknown> = {}
  for (const [k, get] of MEANING_ENTRIES) m[k] = get(op)
  return m
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
