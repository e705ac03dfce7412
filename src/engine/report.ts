import type { DeclaredOp } from '../plan/types.js'
import {
  exitCodeFor,
  opLabel,
  type CommandStats,
  type Counts,
  type Live,
  type OpReport,
  type Reason,
  type Report
} from '../report/model.js'
import type { RunContext } from './context.js'
import type { RunResult } from './options.js'

/**
 * Assembles the attempt's report as operations end: one line per concrete operation (one per
 * declared operation not yet expanded), the running counts, and a progress call for each.
 */
export class ReportBuilder {
  readonly counts: Counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 }
  readonly operations: OpReport[] = []
  /** Kept up to date by the scheduler. */
  readonly live: Live = { inFlight: 0, known: 0 }
  private readonly commands: CommandStats[] = []
  /** In a shard: concrete operations of the fan-outs that belong to other shards. */
  others = 0

  constructor(private readonly onProgress?: (counts: Counts, report: OpReport, live: Live) => void) {}

  /** A line whose outcome is known now. */
  add(r: OpReport): void {
    this.place(r)
    this.count(r)
  }

  /** Reserves a line in seq order, before its operation ends (the line is filled in place). */
  place(r: OpReport): void {
    this.operations.push(r)
  }

  /** Counts a line once its operation has ended, and reports progress. */
  count(r: OpReport): void {
    this.counts.total++
    this.counts[r.outcome]++
    this.onProgress?.(this.counts, r, this.live)
  }

  /** Notes a declared run operation's parallelism and throughput, counting its lines from `from`. */
  commandStats(decl: DeclaredOp, from: number, durationMs: number): void {
    let commands = 0
    for (let i = from; i < this.operations.length; i++)
      if (this.operations[i].outcome === 'executed') commands++
    if (!commands) return
    const batch = decl.batch !== undefined ? { batch: decl.batch } : {}
    this.commands.push({ op: labelOf(decl), parallel: decl.policy.parallel, ...batch, commands, durationMs })
  }

  /** The report and exit code, once every operation has its line. */
  finish(ctx: RunContext): RunResult {
    const { counts, operations } = this
    const report: Report = {
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
      ...(ctx.o.shard ? { shard: { ...ctx.o.shard, others: this.others } } : {}),
      operations
    }
    return { report, exitCode: exitCodeFor(counts), journal: ctx.journal }
  }
}

const labels = new WeakMap<DeclaredOp, string>()

/** One label string per declared operation, shared by all its reports. */
function labelOf(decl: DeclaredOp): string {
  let l = labels.get(decl)
  if (l === undefined) labels.set(decl, (l = opLabel(decl.index, decl.id)))
  return l
}

/** A concrete operation's report before its outcome is known; the execution fills it in place. */
export function baseReport(decl: DeclaredOp, seq: number): OpReport {
  return {
    seq,
    op: labelOf(decl),
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
