import type { FrozenExpansion } from '../journal/state.js'
import type { DeclaredOp } from '../plan/types.js'
import { reportWithLines } from '../report/lines.js'
import {
  exitCodeFor,
  opLabel,
  type CommandStats,
  type Counts,
  type Live,
  type OpReport,
  type Reason
} from '../report/model.js'
import type { RunContext } from './context.js'
import { LineTable } from './line-table.js'
import type { RunResult } from './options.js'

/**
 * Assembles the attempt's report as operations end: one line per concrete operation (one per
 * declared operation not yet expanded) kept in typed columns, the running counts, and a
 * progress call for each. An operation's OpReport lives only while it runs.
 */
export class ReportBuilder {
  readonly counts: Counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 }
  readonly lines = new LineTable()
  /** Kept up to date by the scheduler. */
  readonly live: Live = { inFlight: 0, known: 0 }
  private readonly commands: CommandStats[] = []
  /** In a shard: concrete operations of the fan-outs that belong to other shards. */
  others = 0
  /**
   * Lines placed whose operations have not ended yet (the few in flight), as parallel slots: a
   * Map here would allocate a new table on every delete, a million times in a bulk run.
   */
  private readonly open: (OpReport | null)[] = []
  private readonly openAt: number[] = []
  private openCount = 0

  constructor(private readonly onProgress?: (counts: Counts, report: OpReport, live: Live) => void) {}

  /** A line whose outcome is known now. */
  add(r: OpReport, decl: DeclaredOp, exp?: FrozenExpansion): void {
    this.lines.add(r, decl, exp)
    this.tally(r)
  }

  /** Reserves a line in seq order, before its operation ends (it is filled when counted). */
  place(r: OpReport, decl: DeclaredOp, exp: FrozenExpansion): void {
    const i = this.lines.add(r, decl, exp)
    this.open[this.openCount] = r
    this.openAt[this.openCount++] = i
  }

  /** Counts a line once its operation has ended, and reports progress. */
  count(r: OpReport): void {
    const k = this.open.indexOf(r)
    if (k < 0 || k >= this.openCount)
      throw new Error(`report line #${r.seq} was counted without being placed`)
    const last = --this.openCount
    const i = this.openAt[k]
    this.open[k] = this.open[last]
    this.openAt[k] = this.openAt[last]
    this.open[last] = null
    this.lines.set(i, r)
    this.tally(r)
  }

  private tally(r: OpReport): void {
    this.counts.total++
    this.counts[r.outcome]++
    this.onProgress?.(this.counts, r, this.live)
  }

  /** Notes a declared run operation's parallelism and throughput, counting its lines from `from`. */
  commandStats(decl: DeclaredOp, from: number, durationMs: number): void {
    let commands = 0
    for (let i = from; i < this.lines.length; i++) if (this.lines.outcome(i) === 'executed') commands++
    if (!commands) return
    const batch = decl.batch !== undefined ? { batch: decl.batch } : {}
    this.commands.push({
      op: opLabel(decl.index, decl.id),
      parallel: decl.policy.parallel,
      ...batch,
      commands,
      durationMs
    })
  }

  /** The report and exit code, once every operation has its line. */
  finish(ctx: RunContext): RunResult {
    const { counts } = this
    const report = reportWithLines(
      {
        version: 1,
        planId: ctx.o.plan.planId,
        attempt: ctx.attempt,
        complete: counts.pending === 0,
        resumedFrom: ctx.resumedFrom,
        dryRun: ctx.dryRun,
        stoppedBy: ctx.stopper.stoppedBy,
        startedAt: new Date(ctx.startedAt).toISOString(),
        durationMs: ctx.now() - ctx.startedAt,
        counts,
        attempts: ctx.state?.attempts ?? [],
        ...(this.commands.length ? { commands: this.commands } : {}),
        ...(ctx.o.shard ? { shard: { ...ctx.o.shard, others: this.others } } : {})
      },
      this.lines
    )
    return { report, exitCode: exitCodeFor(counts), journal: ctx.journal }
  }
}

/**
 * A concrete operation's report before its outcome is known; the execution fills it in place.
 * `label` is the declared operation's (one string shared by all its operations).
 */
export function baseReport(decl: DeclaredOp, seq: number, label = opLabel(decl.index, decl.id)): OpReport {
  return {
    seq,
    op: label,
    kind: decl.kind,
    from: null,
    to: null,
    outcome: 'pending',
    reason: null,
    attempts: 0,
    error: null
  }
}

/** The line of a declared operation that was never expanded (the run stopped before it). */
export function unexpanded(decl: DeclaredOp, why: Reason): OpReport {
  return {
    ...baseReport(decl, 0),
    seq: null,
    from: decl.each ?? decl.subject ?? null,
    to: decl.to ?? null,
    reason: why
  }
}
