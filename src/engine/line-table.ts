import { errorMessage } from '../errors.js'
import type { FrozenExpansion } from '../journal/state.js'
import type { ResolvedOp } from '../ops/types.js'
import { resolveOp } from '../plan/expand.js'
import type { DeclaredOp, Kind } from '../plan/types.js'
import type { OpLines } from '../report/lines.js'
import { opLabel, type Classification, type OpReport, type Outcome, type Reason } from '../report/model.js'

/** The i-th concrete operation of an expansion: its paths, and what to run or why it cannot. */
export interface Resolved {
  from: string | null
  to: string | null
  op?: ResolvedOp
  error?: string
}

/**
 * Renders the i-th concrete operation of `decl` from its frozen expansion. The scheduler runs
 * what this gives, and the report's lines take their paths from it again when they are shown,
 * so both always agree.
 */
export function resolveConcrete(decl: DeclaredOp, exp: FrozenExpansion, i: number): Resolved {
  if (exp.error !== undefined) return { from: decl.each ?? decl.subject ?? null, to: null, error: exp.error }
  const match = exp.matches.get(i)
  try {
    const op = resolveOp(decl, match, exp.base, exp.seq0 + i)
    return { from: op.src ?? null, to: op.dst ?? null, op }
  } catch (err) {
    return { from: match || null, to: null, error: errorMessage(err) }
  }
}

// Records, so that a new outcome or reason cannot be added without its code.
const OUTCOME_CODE: Record<Outcome, number> = { pending: 0, executed: 1, skipped: 2, failed: 3 }
const REASON_CODE: Record<Reason, number> = {
  'done-earlier': 1,
  satisfied: 2,
  conflict: 3,
  'dry-run': 4,
  'gave-up': 5,
  'time-budget': 6,
  signal: 7,
  'fail-fast': 8
}
const OUTCOMES = decoder(OUTCOME_CODE)
const REASONS = decoder(REASON_CODE)

function decoder<T extends string>(codes: Record<T, number>): (T | null)[] {
  const out: (T | null)[] = [null]
  for (const [k, v] of Object.entries(codes) as [T, number][]) out[v] = k
  return out
}

const CLASS_CODE: Record<Classification, number> = {
  'would-execute': 1,
  satisfied: 2,
  conflict: 3,
  'cannot-preview': 4,
  'would-fail': 5
}
const CLASSIFICATIONS = decoder(CLASS_CODE)

/** Sets or clears entry `i` of a sparse column. */
function sparse(m: Map<number, string>, i: number, v: string | undefined): void {
  if (v === undefined) m.delete(i)
  else m.set(i, v)
}

function grown<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(
  a: T,
  n: number,
  make: (n: number) => T
): T {
  if (n <= a.length) return a
  const b = make(Math.max(n, a.length * 2))
  b.set(a)
  return b
}

/**
 * The attempt's report lines in typed columns, about 12 bytes per concrete operation: its
 * declared operation, seq, outcome, reason and tries; errors, details and diffs on the side for
 * the few that have them. Paths are not kept: a line's `from` and `to` are rendered again from
 * its frozen expansion when the line is built (for a summary's lists or the report file).
 */
export class LineTable implements OpLines {
  length = 0
  private decl = new Uint32Array(1024)
  private seqs = new Int32Array(1024)
  private outcomes = new Uint8Array(1024)
  private reasons = new Uint8Array(1024)
  private tries = new Uint16Array(1024)
  /** Errors and dry-run diffs of the few lines that have them. */
  private readonly errors = new Map<number, string>()
  private readonly diffs = new Map<number, string>()
  /** Details (mostly a handful of texts, such as 'already absent') by number, once one is set. */
  private detailIds: Uint32Array | undefined
  private readonly detailText: string[] = ['']
  private readonly detailNo = new Map<string, number>()
  /** Dry-run classifications, once one is set. */
  private classes: Uint8Array | undefined
  private readonly decls: DeclaredOp[] = []
  private readonly exps: (FrozenExpansion | undefined)[] = []
  private readonly labels: string[] = []

  /** Adds a line for `decl` (with its expansion, unless it was not expanded); returns its number. */
  add(r: OpReport, decl: DeclaredOp, exp: FrozenExpansion | undefined): number {
    const i = this.length++
    if (i === this.decl.length) {
      const n = i * 2
      this.decl = grown(this.decl, n, k => new Uint32Array(k))
      this.seqs = grown(this.seqs, n, k => new Int32Array(k))
      this.outcomes = grown(this.outcomes, n, k => new Uint8Array(k))
      this.reasons = grown(this.reasons, n, k => new Uint8Array(k))
      this.tries = grown(this.tries, n, k => new Uint16Array(k))
    }
    this.decls[decl.index] = decl
    if (exp) this.exps[decl.index] = exp
    this.labels[decl.index] ??= r.op
    this.decl[i] = decl.index
    this.seqs[i] = r.seq ?? -1
    this.set(i, r)
    return i
  }

  /** Takes line `i`'s outcome from `r` (once its operation has ended). */
  set(i: number, r: OpReport): void {
    this.outcomes[i] = OUTCOME_CODE[r.outcome]
    this.reasons[i] = r.reason === null ? 0 : REASON_CODE[r.reason]
    this.tries[i] = Math.min(r.attempts, 0xffff)
    sparse(this.errors, i, r.error ?? undefined)
    sparse(this.diffs, i, r.diff)
    if (r.detail !== undefined || this.detailIds) {
      this.detailIds = grown(this.detailIds ?? new Uint32Array(0), this.decl.length, k => new Uint32Array(k))
      this.detailIds[i] = r.detail === undefined ? 0 : this.detailNumber(r.detail)
    }
    if (r.classification !== undefined || this.classes) {
      this.classes = grown(this.classes ?? new Uint8Array(0), this.decl.length, k => new Uint8Array(k))
      this.classes[i] = r.classification === undefined ? 0 : CLASS_CODE[r.classification]
    }
  }

  private detailNumber(text: string): number {
    let n = this.detailNo.get(text)
    if (n === undefined) {
      n = this.detailText.push(text) - 1
      this.detailNo.set(text, n)
    }
    return n
  }

  seq(i: number): number | null {
    const s = this.seqs[i]
    return s < 0 ? null : s
  }
  op(i: number): string {
    return this.labels[this.decl[i]]
  }
  kind(i: number): Kind {
    return this.decls[this.decl[i]].kind
  }
  outcome(i: number): Outcome {
    return OUTCOMES[this.outcomes[i]]!
  }
  reason(i: number): Reason | null {
    return REASONS[this.reasons[i]]
  }
  classification(i: number): Classification | undefined {
    return this.classes ? (CLASSIFICATIONS[this.classes[i]] ?? undefined) : undefined
  }
  hasDiff(i: number): boolean {
    return !!this.diffs.get(i)
  }
  private detail(i: number): string | undefined {
    const n = this.detailIds?.[i]
    return n ? this.detailText[n] : undefined
  }

  line(i: number): OpReport {
    const decl = this.decls[this.decl[i]]
    const seq = this.seq(i)
    const exp = this.exps[decl.index]
    const { from, to } =
      seq === null || !exp
        ? { from: decl.each ?? decl.subject ?? null, to: decl.to ?? null }
        : resolveConcrete(decl, exp, seq - exp.seq0)
    const r: OpReport = {
      seq,
      op: this.labels[decl.index] ?? opLabel(decl.index, decl.id),
      kind: decl.kind,
      from,
      to,
      outcome: this.outcome(i),
      reason: this.reason(i),
      attempts: this.tries[i],
      error: this.errors.get(i) ?? null
    }
    const detail = this.detail(i)
    const classification = this.classification(i)
    const diff = this.diffs.get(i)
    if (detail !== undefined) r.detail = detail
    if (classification !== undefined) r.classification = classification
    if (diff !== undefined) r.diff = diff
    return r
  }
}
