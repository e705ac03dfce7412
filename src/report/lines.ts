import type { Kind } from '../plan/types.js'
import type { Classification, OpReport, Outcome, Reason, Report } from './model.js'

/**
 * The operation lines of a report, read field by field without building them. A bulk run keeps
 * them in typed columns (engine/line-table.ts) and a line becomes an OpReport object only when
 * it is shown or written; a report built as an array (from the journal, in tests) is read the
 * same way.
 */
export interface OpLines {
  readonly length: number
  seq(i: number): number | null
  op(i: number): string
  kind(i: number): Kind
  outcome(i: number): Outcome
  reason(i: number): Reason | null
  classification(i: number): Classification | undefined
  hasDiff(i: number): boolean
  /** Line `i` as a new object. */
  line(i: number): OpReport
}

/** Some of a report's lines, each built when it is read. */
export interface LineList extends Iterable<OpReport> {
  readonly length: number
}

class ArrayLines implements OpLines {
  constructor(private readonly a: readonly OpReport[]) {}
  get length(): number {
    return this.a.length
  }
  seq(i: number): number | null {
    return this.a[i].seq
  }
  op(i: number): string {
    return this.a[i].op
  }
  kind(i: number): Kind {
    return this.a[i].kind
  }
  outcome(i: number): Outcome {
    return this.a[i].outcome
  }
  reason(i: number): Reason | null {
    return this.a[i].reason
  }
  classification(i: number): Classification | undefined {
    return this.a[i].classification
  }
  hasDiff(i: number): boolean {
    return !!this.a[i].diff
  }
  line(i: number): OpReport {
    return this.a[i]
  }
}

interface Attached {
  lines: OpLines
  /** Set once something read `operations`: from then on that array is the truth. */
  array?: OpReport[]
}

const attached = new WeakMap<Report, Attached>()

/**
 * A report whose `operations` are `lines`: the array is built only if something reads it (and
 * kept then, so edits to it are seen), while summaries and the report file read the lines.
 */
export function reportWithLines(head: Omit<Report, 'operations'>, lines: OpLines): Report {
  const report = head as Report
  const a: Attached = { lines }
  Object.defineProperty(report, 'operations', {
    enumerable: true,
    configurable: true,
    get: () => (a.array ??= Array.from({ length: lines.length }, (_, i) => lines.line(i))),
    set: (v: OpReport[]) => void (a.array = v)
  })
  attached.set(report, a)
  return report
}

/** The lines of a report, without building its `operations` array when it has not been built. */
export function linesOf(report: Report): OpLines {
  const a = attached.get(report)
  if (a && !a.array) return a.lines
  return new ArrayLines(report.operations)
}

/** A growing list of line numbers, read as the lines they name. */
export class Picked implements LineList {
  /** Allocated on the first push: a plan of 100,000 declared operations has 400,000 lists, most empty. */
  private idx: Int32Array | undefined
  length = 0

  constructor(private readonly lines: OpLines) {}

  push(i: number): void {
    if (!this.idx || this.length === this.idx.length) {
      const b = new Int32Array(this.idx ? this.idx.length * 2 : 4)
      if (this.idx) b.set(this.idx)
      this.idx = b
    }
    this.idx[this.length++] = i
  }

  *[Symbol.iterator](): Iterator<OpReport> {
    for (let k = 0; k < this.length; k++) yield this.lines.line(this.idx![k])
  }
}

/** The lines for which `keep` holds, in order. */
export function pick(lines: OpLines, keep: (i: number) => boolean): Picked {
  const out = new Picked(lines)
  for (let i = 0; i < lines.length; i++) if (keep(i)) out.push(i)
  return out
}

/** The first `n` items. */
export function take<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = []
  if (n <= 0) return out
  for (const t of items) {
    out.push(t)
    if (out.length >= n) break
  }
  return out
}
