import { St } from '../journal/state.js'
import type { ResolvedOp } from '../ops/types.js'
import type { DeclaredOp } from '../plan/types.js'
import type { OpReport } from '../report/model.js'
import type { RunContext } from './context.js'
import { stillSatisfied } from './execute.js'

/** False when earlier attempts surely settled nothing for `seq` (`settledEarlier` would say null). */
export function mayBeSettled(ctx: RunContext, seq: number): boolean {
  const { state } = ctx
  return !!state && (state.isDone(seq) || state.status[seq] === St.Failed)
}

/**
 * What earlier attempts settled for one concrete operation: done (skipped, done-earlier) or
 * given up after max-attempts (failed, gave-up). Null when the operation is still to run.
 * Under resume-scope ref a done operation counts only when its check still holds.
 */
export async function settledEarlier(
  ctx: RunContext,
  decl: DeclaredOp,
  base: OpReport,
  op: ResolvedOp | undefined,
  lastError: string | null
): Promise<OpReport | null> {
  const { state } = ctx
  if (!state) return null
  const seq = base.seq!
  if (state.isDone(seq) && !(ctx.o.reverifyDone && op && !(await stillSatisfied(ctx, op)))) {
    return Object.assign(base, { outcome: 'skipped', reason: 'done-earlier', attempts: state.tries[seq] })
  }
  if (state.status[seq] === St.Failed && state.tries[seq] >= decl.policy.maxAttempts) {
    return Object.assign(base, {
      outcome: 'failed',
      reason: 'gave-up',
      attempts: state.tries[seq],
      error: state.errors.get(seq) ?? lastError
    })
  }
  return null
}
