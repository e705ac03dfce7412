import { errorMessage } from '../errors.js'
import type { FrozenExpansion } from '../journal/state.js'
import type { ResolvedOp } from '../ops/types.js'
import { resolveOp } from '../plan/expand.js'
import type { DeclaredOp } from '../plan/types.js'
import type { OpReport } from '../report/model.js'
import { checkpoint, type RunContext } from './context.js'
import { execute, failWithout } from './execute.js'
import { concreteCount, Expansions } from './expansion.js'
import { InFlight } from './in-flight.js'
import { baseReport, unexpanded, type ReportBuilder } from './report.js'
import { settledEarlier } from './resume.js'

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
   * order, up to its `parallel` at once; the next declared operation waits until all have ended.
   */
  private async runDeclared(decl: DeclaredOp): Promise<void> {
    let exp = this.expansions.frozen(decl)
    if (!exp) {
      const stop = this.ctx.stopper.check()
      if (stop) return this.report.add(unexpanded(decl, stop))
      exp = await this.expansions.freeze(decl)
    }
    this.report.live.known = exp.seq0 + concreteCount(exp)
    const lanes = new InFlight(decl.policy.parallel)
    const count = concreteCount(exp)
    const [from, t0] = [this.report.operations.length, this.ctx.now()]
    for (let i = 0; i < count; i++) {
      const c = this.concrete(decl, exp, i)
      // Report lines keep seq order whatever order operations end in.
      this.report.place(c.base)
      if (lanes.limit === 1) await this.dispatch(c)
      else {
        const path = c.op?.src ?? c.base.from ?? ''
        // Once the run is stopping, the rest only turn pending: they need no room.
        if (!this.ctx.stopper.check()) await lanes.admit(path)
        lanes.track(path, this.dispatch(c))
      }
      await this.between(lanes)
    }
    await lanes.idle()
    if (decl.kind === 'run') this.report.commandStats(decl, from, this.ctx.now() - t0)
  }

  /** Runs one concrete operation and counts its outcome; a failure under continue-on-error: false stops the run. */
  private async dispatch(c: Concrete): Promise<void> {
    const { live } = this.report
    live.inFlight++
    const r = await this.runConcrete(c).finally(() => live.inFlight--)
    this.report.count(r)
    if (r.outcome === 'failed' && !c.decl.policy.continueOnError) this.ctx.stopper.stop('fail-fast')
  }

  /** The i-th concrete operation of an expansion, with its templates rendered. */
  private concrete(decl: DeclaredOp, exp: FrozenExpansion, i: number): Concrete {
    const base = baseReport(decl, exp.seq0 + i)
    if (exp.error !== undefined) {
      base.from = decl.each ?? decl.subject ?? null
      return { decl, base, error: exp.error }
    }
    try {
      const op = resolveOp(decl, exp.matches[i], exp.base, base.seq!)
      base.from = op.src ?? null
      base.to = op.dst ?? null
      return { decl, base, op }
    } catch (err) {
      base.from = exp.matches[i] || null
      return { decl, base, error: errorMessage(err) }
    }
  }

  /** Settled earlier, pending (the run is stopping), failed without running, or executed now. */
  private async runConcrete(c: Concrete): Promise<OpReport> {
    const { ctx } = this
    const earlier = await settledEarlier(ctx, c.decl, c.base, c.op, c.error ?? null)
    if (earlier) return earlier
    const stop = ctx.stopper.check()
    if (stop)
      return Object.assign(c.base, {
        outcome: 'pending',
        reason: stop,
        attempts: ctx.state?.tries[c.base.seq!] ?? 0
      })
    if (c.error !== undefined) return failWithout(ctx, c.decl, c.base, c.error)
    return execute(ctx, c.op!, c.base)
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
