import { createHash } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { createTwoFilesPatch } from 'diff'
import { errorMessage, isTransient, OpError } from './errors.js'
import { OverlayFs } from './fs/overlay-fs.js'
import { RealFs } from './fs/real-fs.js'
import type { Fs } from './fs/types.js'
import { Journal } from './journal/journal.js'
import { St, type FrozenExpansion } from './journal/state.js'
import { silentLogger, type Logger } from './logger.js'
import { OPS } from './ops/index.js'
import type { CheckResult, OpEnv, ResolvedOp } from './ops/types.js'
import { expand, resolveOp } from './plan/expand.js'
import { Sandbox } from './plan/paths.js'
import type { DeclaredOp, Plan } from './plan/types.js'
import { exitCodeFor, opLabel, type Counts, type OpReport, type Reason, type Report } from './report/model.js'

export interface RunOptions {
  plan: Plan
  /** Directory the plan's paths are rooted in. */
  workspace: string
  /** Where the journal lives; required unless dryRun. */
  stateDir?: string
  dryRun?: boolean
  /** This attempt's number; defaults to one more than the journal's last. */
  attempt?: number
  /** Stop dispatching after this long (ms); the rest is pending. */
  timeBudgetMs?: number
  /** Stop dispatching when aborted (SIGINT/SIGTERM); a running command gets a grace period. */
  signal?: AbortSignal
  logger?: Logger
  /** Discard a saved state of another plan instead of refusing. */
  fresh?: boolean
  /** Take a checkpoint (snapshot + hook) at most this often, between operations. */
  checkpointEveryMs?: number
  /** Called after each checkpoint's snapshot, with no operation half done. */
  onCheckpoint?: (journal: Journal) => Promise<void>
  /** Called after every operation with the running counts (progress lines). */
  onProgress?: (counts: Counts, report: OpReport) => void
  /**
   * Re-check operations the journal marks done (a checkpoint from another commit, whose changes
   * were not applied): satisfied ones are done-earlier, the others run again.
   */
  reverifyDone?: boolean
  /** The filesystem operations act on (tests inject faults here); the disk by default. */
  fs?: Fs
  /** Time source, for tests. */
  now?: () => number
  /** Base delay of in-attempt retries of transient errors. */
  retryBaseMs?: number
}

export interface RunResult {
  report: Report
  exitCode: 0 | 1 | 3
  journal?: Journal
}

const DIFF_LIMIT = 16 * 1024

/** Distinct path strings name distinct files (case-sensitive, no normalisation): Linux. */
const ALIAS_FREE_PATHS = process.platform === 'linux'

/**
 * The resumable loop: expands each declared operation when it is reached (frozen in the
 * journal the first time), runs its concrete operations in seq order, records `started`
 * before and the outcome after each, and stops cleanly on a signal, the time budget or a
 * failure under continue-on-error: false. Per operation the journal does O(1) work.
 */
export async function runPlan(o: RunOptions): Promise<RunResult> {
  const now = o.now ?? Date.now
  const logger = o.logger ?? silentLogger
  const started = now()
  const dryRun = !!o.dryRun
  const disk = o.fs ?? new RealFs(o.workspace)
  const fs: Fs = dryRun ? new OverlayFs(disk) : disk
  const sandbox = new Sandbox(o.workspace, dryRun ? fs : undefined)
  await sandbox.init()
  if (!dryRun && !o.stateDir) throw new Error('stateDir is required unless dryRun')
  const journal = dryRun ? undefined : Journal.open(o.stateDir!, o.plan, { fresh: o.fresh, logger })
  const state = journal?.state
  const attempt = o.attempt ?? (state?.lastAttempt ?? 0) + 1
  const hadState = !!state && state.total > 0
  const resumedFrom = hadState ? (state.firstUndone() ?? state.total) : null
  if (journal && journal.loadInfo.source !== 'fresh') {
    logger.info(
      `resuming from ${journal.loadInfo.source} in ${o.stateDir} (${state!.total} operations known, first not done: ${resumedFrom === null ? 'none' : `#${resumedFrom}`})`
    )
  }
  journal?.record({ t: 'begin', a: attempt, at: started, plan: o.plan.planId })

  const controller = new AbortController()
  const stopOn = o.signal
  const onStop = (): void => controller.abort()
  stopOn?.addEventListener('abort', onStop, { once: true })
  if (stopOn?.aborted) controller.abort()
  const env: OpEnv = { fs, sandbox, logger, signal: controller.signal }

  const counts: Counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 }
  const operations: OpReport[] = []
  let stoppedBy: Report['stoppedBy'] = null
  let lastCheckpoint = now()
  let lastYield = Date.now()
  const dryExpansions: FrozenExpansion[] = []
  let drySeq = 0

  const stopReason = (): Report['stoppedBy'] => {
    if (stoppedBy) return stoppedBy
    if (controller.signal.aborted) return 'signal'
    if (o.timeBudgetMs !== undefined && now() - started >= o.timeBudgetMs) return 'time-budget'
    return null
  }
  const push = (r: OpReport): void => {
    operations.push(r)
    counts.total++
    counts[r.outcome]++
    o.onProgress?.(counts, r)
  }

  for (const decl of o.plan.ops) {
    stoppedBy = stopReason()
    let exp = dryRun ? dryExpansions[decl.index] : state!.expansions[decl.index]
    if (!exp) {
      if (stoppedBy) {
        push(unexpanded(decl, stoppedBy))
        continue
      }
      exp = await expandNow(decl, sandbox, fs, logger)
      if (dryRun) {
        exp.seq0 = drySeq
        drySeq += exp.error !== undefined ? 1 : exp.matches.length
        dryExpansions[decl.index] = exp
      } else {
        journal!.record({
          t: 'exp',
          d: decl.index,
          b: exp.base,
          m: exp.matches,
          ...(exp.error !== undefined ? { n: exp.error } : {})
        })
        exp = state!.expansions[decl.index]!
      }
    }
    const count = exp.error !== undefined ? 1 : exp.matches.length
    for (let i = 0; i < count; i++) {
      const seq = exp.seq0 + i
      const base = baseReport(decl, seq)
      if (exp.error !== undefined) {
        base.from = decl.each ?? decl.subject ?? null
        if (state?.isDone(seq)) {
          push({ ...base, outcome: 'skipped', reason: 'done-earlier', attempts: state.tries[seq] })
          continue
        }
        if (state && state.status[seq] === St.Failed && state.tries[seq] >= decl.policy.maxAttempts) {
          push({
            ...base,
            outcome: 'failed',
            reason: 'gave-up',
            attempts: state.tries[seq],
            error: state.errors.get(seq) ?? exp.error
          })
          continue
        }
        stoppedBy = stopReason()
        if (stoppedBy) {
          push({
            ...base,
            outcome: 'pending',
            reason: stoppedBy,
            attempts: state?.tries[seq] ?? 0
          })
          continue
        }
        journal?.record({ t: 's', q: seq, a: attempt })
        journal?.record({ t: 'f', q: seq, a: attempt, e: exp.error })
        push({
          ...base,
          outcome: 'failed',
          reason: (state?.tries[seq] ?? 1) >= decl.policy.maxAttempts ? 'gave-up' : null,
          attempts: state?.tries[seq] ?? 1,
          error: exp.error
        })
        if (!decl.policy.continueOnError) stoppedBy = 'fail-fast'
        continue
      }
      let resolved: ResolvedOp | undefined
      let resolveError: string | undefined
      try {
        resolved = resolveOp(decl, exp.matches[i], exp.base, seq)
        base.from = resolved.src ?? null
        base.to = resolved.dst ?? null
      } catch (err) {
        resolveError = errorMessage(err)
        base.from = exp.matches[i] || null
      }
      if (state?.isDone(seq) && !(o.reverifyDone && resolved && !(await stillSatisfied(resolved)))) {
        push({ ...base, outcome: 'skipped', reason: 'done-earlier', attempts: state.tries[seq] })
        continue
      }
      stoppedBy = stopReason()
      if (stoppedBy) {
        push({ ...base, outcome: 'pending', reason: stoppedBy, attempts: state?.tries[seq] ?? 0 })
        continue
      }
      if (state && state.status[seq] === St.Failed && state.tries[seq] >= decl.policy.maxAttempts) {
        push({
          ...base,
          outcome: 'failed',
          reason: 'gave-up',
          attempts: state.tries[seq],
          error: state.errors.get(seq) ?? null
        })
        continue
      }
      const r =
        resolveError !== undefined
          ? await failResolve(base, seq, resolveError)
          : await runOne(resolved!, base)
      push(r)
      if (r.outcome === 'failed' && !decl.policy.continueOnError) stoppedBy = 'fail-fast'
      // Filesystem calls are synchronous: let signals, timers and I/O callbacks run now and then.
      if (Date.now() - lastYield >= 20) {
        await new Promise(res => setImmediate(res))
        lastYield = Date.now()
      }
      if (journal && o.checkpointEveryMs !== undefined && now() - lastCheckpoint >= o.checkpointEveryMs) {
        await checkpoint()
        lastCheckpoint = now()
      }
    }
  }

  /** A snapshot only speeds up loading: when it cannot be written (disk full), the journal still has every record. */
  function snapshotSafely(): boolean {
    try {
      journal!.snapshot()
      return true
    } catch (err) {
      logger.warning(
        `state snapshot not written (${errorMessage(err)}); the journal still holds every record`
      )
      return false
    }
  }

  /** resume-scope ref on another commit: a done operation counts only if its check still holds. */
  async function stillSatisfied(op: ResolvedOp): Promise<boolean> {
    try {
      return (await OPS[op.kind].check(op, env)).state === 'satisfied'
    } catch {
      return false
    }
  }

  async function failResolve(base: OpReport, seq: number, message: string): Promise<OpReport> {
    journal?.record({ t: 's', q: seq, a: attempt })
    journal?.record({ t: 'f', q: seq, a: attempt, e: message })
    return { ...base, outcome: 'failed', reason: null, attempts: state?.tries[seq] ?? 1, error: message }
  }

  async function checkpoint(): Promise<void> {
    if (!snapshotSafely()) return
    if (o.onCheckpoint) {
      try {
        await o.onCheckpoint(journal!)
      } catch (err) {
        logger.warning(`checkpoint hook failed: ${errorMessage(err)}`)
      }
    }
  }

  /** Runs one concrete operation: check, classify, apply, with in-attempt retries of transient errors. */
  async function runOne(op: ResolvedOp, base: OpReport): Promise<OpReport> {
    const { seq, decl } = op
    const kind = OPS[op.kind]
    const reconciling = state?.status[seq] === St.Started
    let tries = state?.tries[seq] ?? 0
    // `base` is this operation's own report: filled in place, not copied.
    const done = (
      outcome: OpReport['outcome'],
      reason: Reason | null,
      extra?: Partial<OpReport>
    ): OpReport => {
      base.outcome = outcome
      base.reason = reason
      base.attempts = tries
      return extra ? Object.assign(base, extra) : base
    }
    for (;;) {
      let startedNow = false
      try {
        let check = await kind.check(op, env)
        if (reconciling && check.state === 'todo' && check.prepared?.before) {
          // A replace that was started but not recorded as finished: its post-image tells whether it landed.
          const h = state!.startedHash.get(seq)
          if (h && hashOf(check.prepared.before) === h)
            check = { state: 'satisfied', detail: 'completed before the interruption' }
        }
        const detail = check.detail ? { detail: check.detail } : {}
        if (check.state === 'satisfied') {
          journal?.record({ t: 'k', q: seq, a: attempt, r: 'satisfied' })
          return done('skipped', 'satisfied', {
            ...detail,
            ...(dryRun ? { classification: 'satisfied' as const } : {})
          })
        }
        let overwrite = false
        if (check.state === 'conflict') {
          if (decl.policy.onConflict === 'skip') {
            journal?.record({ t: 'k', q: seq, a: attempt, r: 'conflict' })
            return done('skipped', 'conflict', {
              ...detail,
              ...(dryRun ? { classification: 'conflict' as const } : {})
            })
          }
          if (decl.policy.onConflict === 'fail') {
            throw new OpError(
              `conflict: ${check.detail} (on-conflict: fail; set on-conflict to skip or overwrite)`
            )
          }
          overwrite = true
        }
        if (dryRun) {
          if (op.kind === 'run') {
            return done('skipped', 'dry-run', {
              classification: 'cannot-preview',
              detail: 'commands are not run in a dry-run'
            })
          }
          const diff = previewDiff(op, check)
          await kind.apply(op, env, check, overwrite)
          return done('skipped', 'dry-run', { classification: 'would-execute', ...(diff ? { diff } : {}) })
        }
        const h = op.kind === 'replace' && check.prepared?.after ? { h: hashOf(check.prepared.after) } : {}
        journal!.record({ t: 's', q: seq, a: attempt, ...h })
        startedNow = true
        tries++
        // A killed process must never leave a completed operation unrecorded behind a later one
        // whose effects could make the earlier one's check() misjudge it on resume: the journal
        // flushes first unless this operation is independent of every unflushed one. A command's
        // effects are unknown, a replace's start record carries the hash resume relies on, and a
        // path through a symlink (or on a case-insensitive system) may alias another: those
        // always flush.
        const paths = [op.src, op.dst].filter(p => p !== undefined)
        const independent =
          op.kind !== 'run' && op.kind !== 'replace' && ALIAS_FREE_PATHS && !sandbox.throughSymlink
        journal!.beforeChange(independent ? paths : null)
        const result = await kind.apply(op, env, check, overwrite)
        if (result.invalidatesPaths) sandbox.invalidate()
        journal!.record({
          t: 'x',
          q: seq,
          a: attempt,
          ...(result.createdDirs?.length ? { dirs: result.createdDirs } : {})
        })
        // A command is not idempotent: its completion is recorded at once, so it is not run again.
        // Moving a directory or a symlink changes what other paths lead to: recorded at once too.
        if (op.kind === 'run' || result.invalidatesPaths) journal!.barrier()
        else journal!.afterChange(paths)
        return done('executed', null, detail)
      } catch (err) {
        const message = errorMessage(err)
        if ((err as OpError).code === 'EINTERRUPTED') {
          journal?.record({ t: 'i', q: seq, a: attempt })
          journal?.barrier()
          return done('pending', 'signal', { attempts: Math.max(0, tries - 1) })
        }
        if (dryRun) return done('failed', null, { classification: 'would-fail', error: message })
        if (!startedNow) {
          journal!.record({ t: 's', q: seq, a: attempt })
          tries++
        }
        sandbox.invalidate()
        journal!.record({ t: 'f', q: seq, a: attempt, e: message })
        if (isTransient(err) && tries < decl.policy.maxAttempts && !controller.signal.aborted) {
          logger.warning(
            `#${seq} ${opLabel(decl.index, decl.id)}: ${message}; retrying (try ${tries + 1} of ${decl.policy.maxAttempts})`
          )
          await sleep((o.retryBaseMs ?? 200) * 2 ** (tries - 1), undefined, {
            signal: controller.signal
          }).catch(() => {})
          continue
        }
        logger.error(`#${seq} ${opLabel(decl.index, decl.id)} (${op.kind}) failed: ${message}`)
        return done('failed', tries >= decl.policy.maxAttempts ? 'gave-up' : null, { error: message })
      }
    }
  }

  stopOn?.removeEventListener('abort', onStop)
  const complete = counts.pending === 0
  const how = stoppedBy ?? (counts.failed > 0 ? 'failed' : 'complete')
  journal?.record({
    t: 'end',
    a: attempt,
    at: now(),
    how,
    ex: counts.executed,
    sk: counts.skipped,
    fl: counts.failed,
    pe: counts.pending
  })
  if (journal) {
    // The caller takes the final checkpoint (with its stores) once the report is known.
    snapshotSafely()
    journal.close()
  }
  const report: Report = {
    version: 1,
    planId: o.plan.planId,
    attempt,
    complete,
    resumedFrom,
    dryRun,
    stoppedBy,
    startedAt: new Date(started).toISOString(),
    durationMs: now() - started,
    counts,
    attempts: state?.attempts ?? [],
    operations
  }
  return { report, exitCode: exitCodeFor(counts), journal }
}

function hashOf(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex').slice(0, 32)
}

const labels = new WeakMap<DeclaredOp, string>()

/** One label string per declared operation, shared by all its reports. */
function labelOf(decl: DeclaredOp): string {
  let l = labels.get(decl)
  if (l === undefined) labels.set(decl, (l = opLabel(decl.index, decl.id)))
  return l
}

function baseReport(decl: DeclaredOp, seq: number): OpReport {
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

function unexpanded(decl: DeclaredOp, why: Reason): OpReport {
  return {
    seq: null,
    op: opLabel(decl.index, decl.id),
    kind: decl.kind,
    from: decl.each ?? decl.subject ?? null,
    to: decl.to ?? null,
    outcome: 'pending',
    reason: why,
    attempts: 0,
    error: null
  }
}

async function expandNow(
  decl: DeclaredOp,
  sandbox: Sandbox,
  fs: Fs,
  logger: Logger
): Promise<FrozenExpansion> {
  const what = decl.each !== undefined ? `each: ${decl.each}` : `${decl.subject}`
  try {
    const e = await expand(decl, sandbox, fs)
    for (const w of e.warnings ?? []) logger.warning(`${opLabel(decl.index, decl.id)} (${decl.kind}): ${w}`)
    if (e.noMatch)
      return {
        seq0: 0,
        base: e.base,
        matches: [],
        error: `glob '${what}' matched nothing (if-no-match: error)`
      }
    if (e.matches.length === 0 && decl.policy.ifNoMatch === 'warn') {
      logger.warning(`${opLabel(decl.index, decl.id)} (${decl.kind}): glob '${what}' matched nothing`)
    }
    return { seq0: 0, base: e.base, matches: e.matches }
  } catch (err) {
    return { seq0: 0, base: '.', matches: [], error: `cannot expand '${what}': ${errorMessage(err)}` }
  }
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
