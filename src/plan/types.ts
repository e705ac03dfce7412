import type { Parallel } from './parallel.js'

/** The eight operation kinds, in the order the plan format lists them. */
export const KINDS = ['mkdir', 'move', 'rename', 'copy', 'delete', 'write', 'replace', 'run'] as const
export type Kind = (typeof KINDS)[number]

export type OnConflict = 'fail' | 'skip' | 'overwrite'
export type IfNoMatch = 'error' | 'warn' | 'ignore'

/** Per-operation policy after defaults are applied. */
export interface OpPolicy {
  onConflict: OnConflict
  ifNoMatch: IfNoMatch
  maxAttempts: number
  continueOnError: boolean
  /** run: concrete operations in flight at once (1 for the other kinds). */
  parallel: number
}

/**
 * A declared operation after validation and normalisation. `subject` is the field that fans out
 * (a glob or a literal path); `each` fans out over another glob instead.
 */
export interface DeclaredOp {
  /** 0-based index in `operations`. */
  index: number
  id?: string
  kind: Kind
  each?: string
  /** mkdir path, move/rename/copy from, delete path, write path, replace files, run files. */
  subject?: string
  /** move/copy target, rename new name: a template. */
  to?: string
  /** write */
  content?: string
  mode?: number
  /** replace */
  find?: string
  with?: string
  regex?: boolean
  flags?: string
  /** run */
  command?: string[]
  shell?: string
  creates?: string
  removes?: string
  timeoutMs?: number
  env?: Record<string, string>
  /** run: at most this many paths per invocation (`{paths}` or BULK_OPS_PATHS_FILE). */
  batch?: number
  /** The `shard-by` template (operation over defaults); absent for the default `{stem}`. */
  shardBy?: string
  policy: OpPolicy
}

export interface Plan {
  version: 1
  /** Where the plan was read from (for messages). */
  file: string
  ops: DeclaredOp[]
  /** Fingerprint of the plan's meaning. */
  planId: string
}

/** Plan-level defaults that the CLI or action inputs may supply (the plan's own `defaults` win). */
export interface PolicyDefaults {
  maxAttempts?: number
  continueOnError?: boolean
  /** Default `parallel` of run operations. */
  parallel?: Parallel
}
