import { errorMessage } from '../errors.js'
import { OverlayFs } from '../fs/overlay-fs.js'
import { RealFs } from '../fs/real-fs.js'
import type { Fs } from '../fs/types.js'
import { Journal } from '../journal/journal.js'
import type { RunState } from '../journal/state.js'
import { silentLogger, type Logger } from '../logger.js'
import type { OpEnv } from '../ops/types.js'
import { Sandbox } from '../plan/paths.js'
import type { RunOptions } from './options.js'
import { Stopper } from './stopper.js'

/**
 * Everything one attempt shares: where operations act (the disk, or the overlay of a dry-run),
 * the journal and its state (absent in a dry-run), the attempt number and the stop control.
 * Built once by openRun; the scheduler, the execution and the report read it.
 */
export interface RunContext {
  readonly o: RunOptions
  readonly now: () => number
  readonly logger: Logger
  readonly startedAt: number
  readonly dryRun: boolean
  readonly fs: Fs
  readonly sandbox: Sandbox
  readonly journal: Journal | undefined
  readonly state: RunState | undefined
  readonly attempt: number
  /** The first seq not yet done when this attempt began; null on a fresh start. */
  readonly resumedFrom: number | null
  readonly stopper: Stopper
  readonly env: OpEnv
}

/** Opens the workspace and the journal, records the attempt's begin, and arms the stop control. */
export async function openRun(o: RunOptions): Promise<RunContext> {
  const now = o.now ?? Date.now
  const logger = o.logger ?? silentLogger
  const startedAt = now()
  const dryRun = !!o.dryRun
  const disk = o.fs ?? new RealFs(o.workspace)
  const fs: Fs = dryRun ? new OverlayFs(disk) : disk
  const sandbox = new Sandbox(o.workspace, dryRun ? fs : undefined)
  await sandbox.init()
  if (!dryRun && !o.stateDir) throw new Error('stateDir is required unless dryRun')
  const journal = dryRun ? undefined : Journal.open(o.stateDir!, o.plan, { fresh: o.fresh, logger })
  const state = journal?.state
  const attempt = o.attempt ?? (state?.lastAttempt ?? 0) + 1
  const resumedFrom = state && state.total > 0 ? (state.firstUndone() ?? state.total) : null
  if (journal && journal.loadInfo.source !== 'fresh') {
    logger.info(
      `resuming from ${journal.loadInfo.source} in ${o.stateDir} (${state!.total} operations known, first not done: ${resumedFrom === null ? 'none' : `#${resumedFrom}`})`
    )
  }
  journal?.record({ t: 'begin', a: attempt, at: startedAt, plan: o.plan.planId })
  const stopper = new Stopper(now, startedAt, o.timeBudgetMs, o.signal)
  const env: OpEnv = { fs, sandbox, logger, signal: stopper.signal }
  return {
    o,
    now,
    logger,
    startedAt,
    dryRun,
    fs,
    sandbox,
    journal,
    state,
    attempt,
    resumedFrom,
    stopper,
    env
  }
}

/** A snapshot only speeds up loading: when it cannot be written (disk full), the journal still has every record. */
export function snapshotSafely(ctx: RunContext): boolean {
  try {
    ctx.journal!.snapshot()
    return true
  } catch (err) {
    ctx.logger.warning(
      `state snapshot not written (${errorMessage(err)}); the journal still holds every record`
    )
    return false
  }
}

/** A checkpoint, taken while no operation is half done: the snapshot, then the caller's hook (the stores). */
export async function checkpoint(ctx: RunContext): Promise<void> {
  if (!snapshotSafely(ctx)) return
  if (!ctx.o.onCheckpoint) return
  try {
    await ctx.o.onCheckpoint(ctx.journal!)
  } catch (err) {
    ctx.logger.warning(`checkpoint hook failed: ${errorMessage(err)}`)
  }
}
