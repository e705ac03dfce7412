import { createHash } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { createTwoFilesPatch } from 'diff'
import { errorMessage, isTransient, OpError } from '../errors.js'
import { St } from '../journal/state.js'
import { OPS } from '../ops/index.js'
import type { CheckResult, ResolvedOp } from '../ops/types.js'
import type { DeclaredOp } from '../plan/types.js'
import { opLabel, type OpReport, type Reason } from '../report/model.js'
import type { RunContext } from './context.js'

const DIFF_LIMIT = 16 * 1024

/** Distinct path strings name distinct files (case-sensitive, no normalisation): Linux. */
const ALIAS_FREE_PATHS = process.platform === 'linux'

/** The tries of one operation in this attempt; `started` when its start record is written. */
export interface Tries {
  count: number
  started: boolean
}

/** Fills an operation's report in place (not copied: a bulk run makes one per operation). */
export function settle(
  base: OpReport,
  tries: Tries,
  outcome: OpReport['outcome'],
  reason: Reason | null,
  extra?: Partial<OpReport>
): OpReport {
  base.outcome = outcome
  base.reason = reason
  base.attempts = tries.count
  return extra ? Object.assign(base, extra) : base
}

/**
 * Runs one concrete operation: check, classify, journal, apply, with in-attempt retries of
 * transient errors. A dry-run goes the same way over the overlay filesystem, with no journal.
 */
export async function execute(ctx: RunContext, op: ResolvedOp, base: OpReport): Promise<OpReport> {
  const tries: Tries = { count: ctx.state?.tries[op.seq] ?? 0, started: false }
  for (;;) {
    tries.started = false
    try {
      // One try: the check decides between skipping and applying (in this function, not in
      // one per step: a bulk run pays for every promise per operation).
      const check = reconciled(ctx, op, await OPS[op.kind].check(op, ctx.env))
      const verdict = decide(op.decl, check)
      if (verdict === 'satisfied' || verdict === 'conflict')
        return skipped(ctx, op, base, tries, check, verdict)
      if (ctx.dryRun) return await preview(ctx, op, base, tries, check, verdict === 'overwrite')
      await applyJournaled(ctx, op, check, verdict === 'overwrite', tries)
      return settle(base, tries, 'executed', null, check.detail ? { detail: check.detail } : undefined)
    } catch (err) {
      const r = await afterError(ctx, op, base, tries, err)
      if (r) return r
    }
  }
}

/** The check's verdict: a report when the operation is to be skipped, otherwise how to apply it. */
export type Checked = { skipped: OpReport } | { check: CheckResult; overwrite: boolean }

/** Checks an operation and records a skip (satisfied, or a conflict under on-conflict: skip). */
export async function checkStep(
  ctx: RunContext,
  op: ResolvedOp,
  base: OpReport,
  tries: Tries
): Promise<Checked> {
  const check = reconciled(ctx, op, await OPS[op.kind].check(op, ctx.env))
  const verdict = decide(op.decl, check)
  if (verdict === 'satisfied' || verdict === 'conflict')
    return { skipped: skipped(ctx, op, base, tries, check, verdict) }
  return { check, overwrite: verdict === 'overwrite' }
}

/** Records a skip (satisfied, or a conflict under on-conflict: skip) and settles the report. */
function skipped(
  ctx: RunContext,
  op: ResolvedOp,
  base: OpReport,
  tries: Tries,
  check: CheckResult,
  verdict: 'satisfied' | 'conflict'
): OpReport {
  ctx.journal?.record({ t: 'k', q: op.seq, a: ctx.attempt, r: verdict })
  const extra: Partial<OpReport> = {}
  if (check.detail) extra.detail = check.detail
  if (ctx.dryRun) extra.classification = verdict
  return settle(base, tries, 'skipped', verdict, extra)
}

/** A dry-run's apply, over the overlay: what would be executed, and its diff. */
async function preview(
  ctx: RunContext,
  op: ResolvedOp,
  base: OpReport,
  tries: Tries,
  check: CheckResult,
  overwrite: boolean
): Promise<OpReport> {
  if (op.kind === 'run') {
    return settle(base, tries, 'skipped', 'dry-run', {
      classification: 'cannot-preview',
      detail: 'commands are not run in a dry-run'
    })
  }
  const diff = previewDiff(op, check)
  await OPS[op.kind].apply(op, ctx.env, check, overwrite)
  return settle(base, tries, 'skipped', 'dry-run', {
    classification: 'would-execute',
    ...(diff ? { diff } : {})
  })
}

/** The check's result, knowing that a replace started but not recorded as finished may have landed. */
function reconciled(ctx: RunContext, op: ResolvedOp, check: CheckResult): CheckResult {
  if (check.state !== 'todo' || !check.prepared?.before || ctx.state?.status[op.seq] !== St.Started)
    return check
  // Its post-image tells whether it landed.
  const h = ctx.state.startedHash.get(op.seq)
  return h && hashOf(check.prepared.before) === h
    ? { state: 'satisfied', detail: 'completed before the interruption' }
    : check
}

/** What on-conflict makes of a check: skip (satisfied, conflict), apply, or fail. */
function decide(decl: DeclaredOp, check: CheckResult): 'satisfied' | 'conflict' | 'apply' | 'overwrite' {
  if (check.state === 'satisfied') return 'satisfied'
  if (check.state !== 'conflict') return 'apply'
  if (decl.policy.onConflict === 'skip') return 'conflict'
  if (decl.policy.onConflict === 'overwrite') return 'overwrite'
  throw new OpError(`conflict: ${check.detail} (on-conflict: fail; set on-conflict to skip or overwrite)`)
}

/** Applies with the journal around it: the start record before, the completion after. */
async function applyJournaled(
  ctx: RunContext,
  op: ResolvedOp,
  check: CheckResult,
  overwrite: boolean,
  tries: Tries
): Promise<void> {
  const journal = ctx.journal!
  const { seq } = op
  // Records are built whole, not spread from parts: a bulk run makes two per operation.
  journal.record(
    op.kind === 'replace' && check.prepared?.after
      ? { t: 's', q: seq, a: ctx.attempt, h: hashOf(check.prepared.after) }
      : { t: 's', q: seq, a: ctx.attempt }
  )
  tries.started = true
  op.attempt = ++tries.count
  // A killed process must never leave a completed operation unrecorded behind a later one
  // whose effects could make the earlier one's check() misjudge it on resume: the journal
  // flushes first unless this operation is independent of every unflushed one. A command's
  // effects are unknown, a replace's start record carries the hash resume relies on, and a
  // path through a symlink (or on a case-insensitive system) may alias another: those
  // always flush.
  const paths =
    op.src === undefined
      ? op.dst === undefined
        ? []
        : [op.dst]
      : op.dst === undefined
        ? [op.src]
        : [op.src, op.dst]
  const independent =
    op.kind !== 'run' && op.kind !== 'replace' && ALIAS_FREE_PATHS && !ctx.sandbox.throughSymlink
  journal.beforeChange(independent ? paths : null)
  const result = await OPS[op.kind].apply(op, ctx.env, check, overwrite)
  if (result.invalidatesPaths) ctx.sandbox.invalidate()
  journal.record(
    result.createdDirs?.length
      ? { t: 'x', q: seq, a: ctx.attempt, dirs: result.createdDirs }
      : { t: 'x', q: seq, a: ctx.attempt }
  )
  // A command is not idempotent: its completion is recorded at once, so it is not run again.
  // Moving a directory or a symlink changes what other paths lead to: recorded at once too.
  if (op.kind === 'run' || result.invalidatesPaths) journal.barrier()
  else journal.afterChange(paths)
}

/** Records a failed try; returns the report, or null when the error is transient and another try is due. */
async function afterError(
  ctx: RunContext,
  op: ResolvedOp,
  base: OpReport,
  tries: Tries,
  err: unknown
): Promise<OpReport | null> {
  const message = errorMessage(err)
  if ((err as OpError).code === 'EINTERRUPTED') return interrupted(ctx, op, base, tries)
  if (ctx.dryRun) return settle(base, tries, 'failed', null, { classification: 'would-fail', error: message })
  if (failedTry(ctx, op, tries, message, isTransient(err))) {
    await backoff(ctx, op, tries, message)
    return null
  }
  ctx.logger.error(`#${op.seq} ${opLabel(op.decl.index, op.decl.id)} (${op.kind}) failed: ${message}`)
  return gaveUpOrFailed(op.decl, base, tries, message)
}

/** Records that a stop interrupted the operation: it is pending, and runs again on resume. */
export function interrupted(ctx: RunContext, op: ResolvedOp, base: OpReport, tries: Tries): OpReport {
  ctx.journal?.record({ t: 'i', q: op.seq, a: ctx.attempt })
  ctx.journal?.barrier()
  const why = ctx.stopper.stoppedBy ?? 'signal'
  return settle(base, tries, 'pending', why, { attempts: Math.max(0, tries.count - 1) })
}

/** Records a failed try in the journal; true when another try is due (a transient error, tries left). */
export function failedTry(
  ctx: RunContext,
  op: ResolvedOp,
  tries: Tries,
  message: string,
  transient: boolean
): boolean {
  const journal = ctx.journal!
  if (!tries.started) {
    journal.record({ t: 's', q: op.seq, a: ctx.attempt })
    tries.count++
  }
  ctx.sandbox.invalidate()
  journal.record({ t: 'f', q: op.seq, a: ctx.attempt, e: message })
  return transient && tries.count < op.decl.policy.maxAttempts && !ctx.stopper.signal.aborted
}

/** Waits before the next try (exponential in the tries so far; a stop cuts it short). */
export async function backoff(ctx: RunContext, op: ResolvedOp, tries: Tries, message: string): Promise<void> {
  const { decl } = op
  ctx.logger.warning(
    `#${op.seq} ${opLabel(decl.index, decl.id)}: ${message}; retrying (try ${tries.count + 1} of ${decl.policy.maxAttempts})`
  )
  const delay = (ctx.o.retryBaseMs ?? 200) * 2 ** (tries.count - 1)
  await sleep(delay, undefined, { signal: ctx.stopper.signal }).catch(() => {})
}

/** The report of a failed try that is not retried now. */
export function gaveUpOrFailed(decl: DeclaredOp, base: OpReport, tries: Tries, message: string): OpReport {
  const reason = tries.count >= decl.policy.maxAttempts ? 'gave-up' : null
  return settle(base, tries, 'failed', reason, { error: message })
}

/**
 * Fails an operation that cannot run at all (its expansion failed, its templates do not
 * render): a start and a failure in the journal, as for a try that failed; a dry-run says it
 * would fail.
 */
export function failWithout(ctx: RunContext, decl: DeclaredOp, base: OpReport, message: string): OpReport {
  const seq = base.seq!
  ctx.journal?.record({ t: 's', q: seq, a: ctx.attempt })
  ctx.journal?.record({ t: 'f', q: seq, a: ctx.attempt, e: message })
  const r = gaveUpOrFailed(decl, base, { count: ctx.state?.tries[seq] ?? 1, started: true }, message)
  return ctx.dryRun ? Object.assign(r, { classification: 'would-fail' as const }) : r
}

/** resume-scope ref on another commit: a done operation counts only if its check still holds. */
export async function stillSatisfied(ctx: RunContext, op: ResolvedOp): Promise<boolean> {
  try {
    return (await OPS[op.kind].check(op, ctx.env)).state === 'satisfied'
  } catch {
    return false
  }
}

function hashOf(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex').slice(0, 32)
}

function previewDiff(op: ResolvedOp, check: CheckResult): string | undefined {
  if (op.kind !== 'write' && op.kind !== 'replace') return undefined
  const before = check.prepared?.before?.toString('utf8') ?? ''
  const after = check.prepared?.after?.toString('utf8') ?? ''
  const path = (op.kind === 'write' ? op.dst : op.src)!
  const diff = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3
  })
  return diff.length > DIFF_LIMIT ? `${diff.slice(0, DIFF_LIMIT)}\n… (diff truncated)` : diff
}
