import { youngGenerationChecked } from '../heap.js'
import type { FrozenExpansion } from '../journal/state.js'
import type { ResolvedOp } from '../ops/types.js'
import type { DeclaredOp } from '../plan/types.js'
import { opLabel, type OpReport } from '../report/model.js'
import { checkpoint, type RunContext } from './context.js'
import { execute, failWithout } from './execute.js'
import { admitToBatch, batchFormFor, executeBatch, type BatchForm, type Member } from './batch.js'
import { concreteCount, Expansions } from './expansion.js'
import { InFlight } from './in-flight.js'
import { resolveConcrete } from './line-table.js'
import { baseReport, unexpanded, type ReportBuilder } from './report.js'
import { mayBeSettled, settledEarlier } from './resume.js'
import type { StopReason } from './stopper.js'

/** One concrete operation as the scheduler sees it: its report, and what to run or why it cannot. */
interface Concrete {
  decl: DeclaredOp
  base: OpReport
  op?: ResolvedOp
  error?: string
}

/**
 * Decides what runs next and when: declared operations in order, each expanded when reached;
 * its concrete operations in seq order; earlier attempts' outcomes honoured; dispatch stopped
 * by a signal, the time budget or a failure under continue-on-error: false (the rest is
 * pending); and a checkpoint taken between operations every checkpointEveryMs.
 */
export class Scheduler {
  private readonly expansions: Expansions
  private lastCheckpoint: number
  private lastYield = Date.now()
  private readonly serial = new InFlight(1)

  constructor(
    private readonly ctx: RunContext,
    private readonly report: ReportBuilder
  ) {
    this.expansions = new Expansions(ctx)
    this.lastCheckpoint = ctx.now()
  }

  async run(): Promise<void> {
    for (const decl of this.ctx.o.plan.ops) await this.runDeclared(decl)
  }

  /**
   * One declared operation: expanded when reached, its concrete operations dispatched in seq
   * order, up to its `parallel` at once (alone or in batches); the next declared operation
   * waits until all have ended.
   */
  private async runDeclared(decl: DeclaredOp): Promise<void> {
    let exp = this.expansions.frozen(decl)
    if (!exp) {
      const stop = this.ctx.stopper.check()
      if (stop) return this.report.add(unexpanded(decl, stop), decl)
      exp = this.expansions.freezeLiteral(decl) ?? (await this.expansions.freeze(decl))
      // A glob walk runs synchronously: the young generation may have grown meanwhile.
      youngGenerationChecked()
    }
    const count = concreteCount(exp)
    if (exp.others) this.report.others += exp.others.length
    this.report.live.known = exp.seq0 + count
    // One at a time nothing is tracked: every such declared operation shares one.
    const lanes = decl.policy.parallel === 1 ? this.serial : new InFlight(decl.policy.parallel)
    const batched = decl.batch !== undefined && !this.ctx.dryRun
    const from = this.report.lines.length
    const t0 = this.ctx.now()
    let form: BatchForm | undefined
    const label = opLabel(decl.index, decl.id)
    for (let i = 0; i < count; i++) {
      const c = this.concrete(decl, exp, i, label)
      // Report lines keep seq order whatever order operations end in.
      this.report.place(c.base, decl, exp)
      if (batched) form = await this.toBatch(c, form, lanes)
      else if (lanes.limit === 1) await this.dispatch(c)
      else await this.launch([c.op?.src ?? c.base.from ?? ''], () => this.dispatch(c), lanes)
      if (this.due()) await this.between(lanes)
      if ((i & 4095) === 4095) youngGenerationChecked()
    }
    if (form?.size) await this.launchBatch(form.take(), lanes)
    if (lanes !== this.serial) await lanes.idle()
    if (decl.kind === 'run') this.report.commandStats(decl, from, this.ctx.now() - t0)
  }

  /** Starts an operation or a batch once it has room: at once when one at a time. */
  private async launch(paths: string[], start: () => Promise<void>, lanes: InFlight): Promise<void> {
    if (lanes.limit === 1) return start()
    // Once the run is stopping, the rest only turn pending: they need no room.
    if (!this.ctx.stopper.check()) await lanes.admit(paths)
    lanes.track(paths, start())
  }

  /** Runs one concrete operation and counts its outcome. */
  private async dispatch(c: Concrete): Promise<void> {
    const { live } = this.report
    live.inFlight++
    let r: OpReport
    try {
      r = await this.runConcrete(c)
    } finally {
      live.inFlight--
    }
    this.ended(c.decl, r)
  }

  /** Counts an ended operation; a failure under continue-on-error: false stops the run. */
  private ended(decl: DeclaredOp, r: OpReport): void {
    this.report.count(r)
    if (r.outcome === 'failed' && !decl.policy.continueOnError) this.ctx.stopper.stop('fail-fast')
  }

  /**
   * Adds a concrete operation of a batched run to the batch being formed, once earlier attempts
   * and its guard say it is to run; a full batch (or one it cannot join) is launched.
   */
  private async toBatch(
    c: Concrete,
    form: BatchForm | undefined,
    lanes: InFlight
  ): Promise<BatchForm | undefined> {
    const early = await this.settledWithoutRunning(c)
    if (early) return (this.ended(c.decl, early), form)
    const m = await admitToBatch(this.ctx, c.op!, c.base)
    if (!('tries' in m)) return (this.ended(c.decl, m), form)
    form ??= batchFormFor(c.op!)
    if (!form.accepts(m)) await this.launchBatch(form.take(), lanes)
    form.add(m)
    if (form.size >= c.decl.batch!) await this.launchBatch(form.take(), lanes)
    return form
  }

  private launchBatch(members: Member[], lanes: InFlight): Promise<void> {
    return this.launch(
      members.map(m => m.op.src ?? ''),
      () => this.dispatchBatch(members),
      lanes
    )
  }

  /** Runs a batch (pending when the run is stopping by now) and counts each member's outcome. */
  private async dispatchBatch(members: Member[]): Promise<void> {
    const { decl } = members[0].op
    const stop = this.ctx.stopper.check()
    if (stop) {
      for (const m of members) this.ended(decl, this.pending(m.base, stop))
      return
    }
    const { live } = this.report
    live.inFlight += members.length
    const reports = await executeBatch(this.ctx, members).finally(() => (live.inFlight -= members.length))
    for (const r of reports) this.ended(decl, r)
  }

  /** The i-th concrete operation of an expansion, with its templates rendered. */
  private concrete(decl: DeclaredOp, exp: FrozenExpansion, i: number, label: string): Concrete {
    const base = baseReport(decl, exp.seq0 + i, label)
    const { from, to, op, error } = resolveConcrete(decl, exp, i)
    base.from = from
    base.to = to
    return op ? { decl, base, op } : { decl, base, error }
  }

  /** Settled earlier, pending (the run is stopping), failed without running, or executed now. */
  private runConcrete(c: Concrete): Promise<OpReport> {
    // Most operations of a fresh run: nothing earlier, not stopping, rendered. No detour (and
    // no promise of its own around execute's).
    if (c.error === undefined && !mayBeSettled(this.ctx, c.base.seq!) && !this.ctx.stopper.check())
      return execute(this.ctx, c.op!, c.base)
    return this.settledWithoutRunning(c).then(r => r ?? execute(this.ctx, c.op!, c.base))
  }

  /** The outcome of an operation that is not to run now; null when it is to run. */
  private async settledWithoutRunning(c: Concrete): Promise<OpReport | null> {
    const { ctx } = this
    const earlier = await settledEarlier(ctx, c.decl, c.base, c.op, c.error ?? null)
    if (earlier) return earlier
    const stop = ctx.stopper.check()
    if (stop) return this.pending(c.base, stop)
    if (c.error !== undefined) return failWithout(ctx, c.decl, c.base, c.error)
    return null
  }

  private pending(base: OpReport, reason: StopReason): OpReport {
    const attempts = this.ctx.state?.tries[base.seq!] ?? 0
    return Object.assign(base, { outcome: 'pending' as const, reason, attempts })
  }

  /** Whether the event loop's turn or a checkpoint is due (most dispatches need neither). */
  private due(): boolean {
    const { ctx } = this
    const every = ctx.o.checkpointEveryMs
    return (
      Date.now() - this.lastYield >= 20 ||
      (!!ctx.journal && every !== undefined && ctx.now() - this.lastCheckpoint >= every)
    )
  }

  /**
   * Between two dispatches: let signals, timers and I/O callbacks run now and then, and take a
   * checkpoint when due, as a consistent cut: dispatch pauses, the operations in flight end.
   */
  private async between(lanes: InFlight): Promise<void> {
    // Filesystem calls are synchronous, so the event loop gets a turn only here.
    if (Date.now() - this.lastYield >= 20) {
      await new Promise(res => setImmediate(res))
      this.lastYield = Date.now()
    }
    const { ctx } = this
    const every = ctx.o.checkpointEveryMs
    if (ctx.journal && every !== undefined && ctx.now() - this.lastCheckpoint >= every) {
      await lanes.idle()
      await checkpoint(ctx)
      this.lastCheckpoint = ctx.now()
    }
  }
}
