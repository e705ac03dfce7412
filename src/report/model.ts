import type { AttemptInfo } from '../journal/state.js'
import type { Kind } from '../plan/types.js'

export type Outcome = 'executed' | 'skipped' | 'failed' | 'pending'
export type Reason =
  'done-earlier' | 'satisfied' | 'conflict' | 'dry-run' | 'gave-up' | 'time-budget' | 'signal' | 'fail-fast'
/** What a dry-run found an operation would do. */
export type Classification = 'would-execute' | 'satisfied' | 'conflict' | 'cannot-preview' | 'would-fail'

/** One operation's line in the JSON report (DESIGN.md §3). */
export interface OpReport {
  /** Stable position in the run; null for a declared operation not yet expanded. */
  seq: number | null
  op: string
  kind: Kind
  from: string | null
  to: string | null
  outcome: Outcome
  reason: Reason | null
  attempts: number
  error: string | null
  detail?: string
  classification?: Classification
  diff?: string
}

export interface Counts {
  total: number
  executed: number
  skipped: number
  failed: number
  pending: number
}

/** What is under way when an operation ends, for progress lines. */
export interface Live {
  /** Concrete operations in flight. */
  inFlight: number
  /** Concrete operations known so far (declared operations not yet expanded are not counted). */
  known: number
}

/** How one declared run operation went in this attempt: its parallelism and throughput. */
export interface CommandStats {
  op: string
  parallel: number
  /** Paths per invocation, when batched. */
  batch?: number
  /** Concrete operations whose command ran to completion (executed) in this attempt. */
  commands: number
  durationMs: number
}

export interface Report {
  version: 1
  planId: string
  attempt: number
  complete: boolean
  resumedFrom: number | null
  /**
   * Set when an attempt after the first found no usable checkpoint and started over: every
   * store and key prefix or artifact name it looked for, and why each was not used.
   */
  startedOver?: { lookedFor: string[] }
  dryRun: boolean
  /** Why the attempt stopped early, if it did. */
  stoppedBy: 'time-budget' | 'signal' | 'fail-fast' | null
  startedAt: string
  durationMs: number
  counts: Counts
  attempts: AttemptInfo[]
  /** Declared run operations that ran commands in this attempt. */
  commands?: CommandStats[]
  /** A shard's run: which shard, and how many concrete operations belong to other shards. */
  shard?: { index: number; count: number; others: number }
  /** The merge of a sharded run (§8): every shard's result and what the merge did. */
  merge?: MergeInfo
  operations: OpReport[]
}

/** One shard's result as the merge took it. */
export interface MergedShard {
  index: number
  /** The artifact its final result came from. */
  artifact: string
  /** The workflow attempt that produced it, and every attempt its journal records. */
  attempt: number
  attempts: AttemptInfo[]
  counts: Counts
}

/** What a merge did: the shards it combined and the workspace changes it applied. */
export interface MergeInfo {
  count: number
  shards: MergedShard[]
  /** Paths the combined delta changed (created, modified, removed). */
  paths: number
  /** Paths changed identically by more than one shard (taken once). */
  shared: number
  /** Directories created. */
  dirs: number
}

/** Exit code of DESIGN.md §3: 0 complete and clean, 1 something failed, 3 incomplete but resumable. */
export function exitCodeFor(counts: Counts): 0 | 1 | 3 {
  if (counts.failed > 0) return 1
  if (counts.pending > 0) return 3
  return 0
}

/** The label of a declared operation in reports: its id, or its place in the plan. */
export function opLabel(index: number, id?: string): string {
  return id ?? `operations[${index}]`
}
