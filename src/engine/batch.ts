import { errorMessage, isTransient, type OpError } from '../errors.js'
import { runBatch } from '../ops/run.js'
import type { ResolvedOp } from '../ops/types.js'
import { PATHS_ITEM } from '../plan/template.js'
import { opLabel, type OpReport } from '../report/model.js'
import type { RunContext } from './context.js'
import { backoff, checkStep, failedTry, gaveUpOrFailed, interrupted, settle, type Tries } from './execute.js'
import { nested } from './in-flight.js'

/** A batch stays under this much argv (Linux takes 2 MiB with the environment; tools may take less). */
export const BATCH_ARGV_BYTES = 256 * 1024

/** One concrete operation of a batch: what it runs for, its report, its tries. */
export interface Member {
  op: ResolvedOp
  base: OpReport
  tries: Tries
}

/**
 * The guard of one path, checked before it may join a batch: a satisfied guard records the
 * skip and leaves the batch; a check that throws fails that operation alone.
 */
export async function admitToBatch(
  ctx: RunContext,
  op: ResolvedOp,
  base: OpReport
): Promise<Member | OpReport> {
  const tries: Tries = { count: ctx.state?.tries[op.seq] ?? 0, started: false }
  try {
    const checked = await checkStep(ctx, op, base, tries)
    return 'skipped' in checked ? checked.skipped : { op, base, tries }
  } catch (err) {
    failedTry(ctx, op, tries, errorMessage(err), false)
    return gaveUpOrFailed(op.decl, base, tries, errorMessage(err))
  }
}

/**
 * Collects the members of the next batch in seq order: at most `limit`, argv under
 * BATCH_ARGV_BYTES, and no two on the same path or one inside the other (they are in flight
 * together).
 */
export class BatchForm {
  private members: Member[] = []
  private bytes: number

  constructor(
    private readonly limit: number,
    private readonly fixed: number,
    private readonly argvPaths: boolean
  ) {
    this.bytes = fixed
  }

  get size(): number {
    return this.members.length
  }

  /** True when `m` may join the batch being formed. */
  accepts(m: Member): boolean {
    if (this.members.length === 0) return true
    if (this.members.length >= this.limit) return false
    if (this.argvPaths && this.bytes + argBytes(m.op.src ?? '') > BATCH_ARGV_BYTES) return false
    const p = m.op.src ?? ''
    return !this.members.some(o => nested(o.op.src ?? '', p))
  }

  add(m: Member): void {
    this.members.push(m)
    this.bytes += argBytes(m.op.src ?? '')
  }

  /** The batch formed so far; the form starts empty again. */
  take(): Member[] {
    const out = this.members
    this.members = []
    this.bytes = this.fixed
    return out
  }
}

/** A batch form for a batched run operation: its limit, and the argv bytes its fixed items take. */
export function batchFormFor(op: ResolvedOp): BatchForm {
  const argv = op.decl.shell === undefined ? (op.argv ?? []) : []
  const fixed = argv.filter(a => a !== PATHS_ITEM).reduce((n, a) => n + argBytes(a), 0)
  return new BatchForm(op.decl.batch!, fixed, op.decl.shell === undefined)
}

function argBytes(s: string): number {
  return Buffer.byteLength(s) + 1
}

/**
 * Runs a batch as one invocation, with the journal around it: a start record for each member,
 * then the completion of each (they share the outcome). A failed invocation fails each member
 * with its exit code and last stderr lines; retries are per member: those with tries left
 * after a transient error go again together.
 */
export async function executeBatch(ctx: RunContext, members: Member[]): Promise<OpReport[]> {
  const journal = ctx.journal!
  const done: OpReport[] = []
  let live = members
  while (live.length) {
    for (const m of live) {
      journal.record({ t: 's', q: m.op.seq, a: ctx.attempt })
      m.tries.started = true
      m.op.attempt = ++m.tries.count
    }
    journal.barrier()
    try {
      await runBatch(
        live.map(m => m.op),
        ctx.env
      )
      ctx.sandbox.invalidate()
      for (const m of live) {
        journal.record({ t: 'x', q: m.op.seq, a: ctx.attempt })
        done.push(settle(m.base, m.tries, 'executed', null))
      }
      journal.barrier()
      return done
    } catch (err) {
      live = await afterBatchError(ctx, live, err, done)
    }
  }
  return done
}

/** Settles the members a failed invocation does not retry; returns those to try again. */
async function afterBatchError(
  ctx: RunContext,
  live: Member[],
  err: unknown,
  done: OpReport[]
): Promise<Member[]> {
  if ((err as OpError).code === 'EINTERRUPTED') {
    for (const m of live) done.push(interrupted(ctx, m.op, m.base, m.tries))
    return []
  }
  const message = errorMessage(err)
  const again: Member[] = []
  for (const m of live) {
    if (failedTry(ctx, m.op, m.tries, message, isTransient(err))) again.push(m)
    else done.push(gaveUpOrFailed(m.op.decl, m.base, m.tries, message))
  }
  const { decl, seq } = live[0].op
  const lastSeq = live[live.length - 1].op.seq
  ctx.logger.error(
    `#${seq}–#${lastSeq} ${opLabel(decl.index, decl.id)} (run, batch of ${live.length}) failed: ${message}`
  )
  if (again.length) await backoff(ctx, again[0].op, again[0].tries, message)
  return again
}
