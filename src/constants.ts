/** Input names, exactly as in action.yml. */
export const Inputs = {
  Plan: 'plan',
  WorkingDirectory: 'working-directory',
  Store: 'store',
  Resume: 'resume',
  ResumeScope: 'resume-scope',
  CheckpointEvery: 'checkpoint-every',
  TimeBudget: 'time-budget',
  MaxAttempts: 'max-attempts',
  ContinueOnError: 'continue-on-error',
  DryRun: 'dry-run',
  Key: 'key',
  Summary: 'summary',
  GithubToken: 'github-token',
  PrComment: 'pr-comment',
  Parallel: 'parallel',
  Shard: 'shard',
  Merge: 'merge'
} as const

/** Output names, exactly as in action.yml. */
export const Outputs = {
  Total: 'total',
  Executed: 'executed',
  Skipped: 'skipped',
  Failed: 'failed',
  Pending: 'pending',
  Complete: 'complete',
  Resumed: 'resumed',
  ResumedFrom: 'resumed-from',
  PlanId: 'plan-id',
  Report: 'report',
  Summary: 'summary',
  CheckpointKey: 'checkpoint-key'
} as const

/** Values handed from the main step to the post step. */
export const State = {
  /** The plan's local directory under RUNNER_TEMP (journal, staging, base). */
  LocalDir: 'local-dir',
  /** 'true' once main saved its final checkpoint (or had nothing to save). */
  Saved: 'saved',
  PlanFile: 'plan-file',
  Workspace: 'workspace'
} as const

/** Upper bound of one call to a checkpoint store (seconds); env for tests, not an input. */
export const STORE_TIMEOUT_ENV = 'BULK_OPS_STORE_TIMEOUT'
