import type { Fs } from '../fs/types.js'
import type { Journal } from '../journal/journal.js'
import type { Logger } from '../logger.js'
import type { Plan } from '../plan/types.js'
import type { ShardSpec } from '../shard/assign.js'
import type { Counts, Live, OpReport, Report } from '../report/model.js'

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
  onProgress?: (counts: Counts, report: OpReport, live: Live) => void
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
  /** Run only this shard's share of the fan-outs (§8); the rest belongs to other shards. */
  shard?: ShardSpec
}

export interface RunResult {
  report: Report
  exitCode: 0 | 1 | 3
  journal?: Journal
}
