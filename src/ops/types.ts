import type { Logger } from '../logger.js'
import type { Fs } from '../fs/types.js'
import type { Sandbox } from '../plan/paths.js'
import type { DeclaredOp, Kind } from '../plan/types.js'

/**
 * One concrete operation, with every template rendered: what a single match of a declared
 * operation does. Paths are workspace-relative POSIX paths.
 */
export interface ResolvedOp {
  seq: number
  decl: DeclaredOp
  kind: Kind
  /** The glob or `each` match this operation came from, if any. */
  match?: string
  /** move/rename/copy source, delete/replace/run subject. */
  src?: string
  /** mkdir/write path, move/rename/copy target. */
  dst?: string
  /** run: argv after templates. */
  argv?: string[]
  creates?: string
  removes?: string
  /** This try's number, counted across workflow attempts (set by the engine before apply). */
  attempt?: number
}

/** What an operation's check found. `prepared` carries work to reuse in apply (new file content). */
export interface CheckResult {
  state: 'todo' | 'satisfied' | 'conflict'
  detail?: string
  prepared?: Prepared
}

export interface Prepared {
  /** replace/write: the bytes the file will hold, and what it held before. */
  before?: Buffer
  after?: Buffer
  /** move: the target already holds the source's content; applying only removes the source. */
  dedupe?: boolean
  /** move: the source's type as check() saw it, so apply() need not look again. */
  srcType?: 'file' | 'dir' | 'symlink' | 'other'
}

/** What applying changed, for the journal and the checkpoint delta. */
export interface ApplyResult {
  /** Directories this operation created (git does not track empty ones). */
  createdDirs?: string[]
  /** The operation may have created or replaced symlinks or directories: path verdicts are stale. */
  invalidatesPaths?: boolean
}

/** Everything an operation may touch, passed in so tests and dry-runs substitute their own. */
export interface OpEnv {
  fs: Fs
  sandbox: Sandbox
  logger: Logger
  /** Stops a running command (signal, time budget). */
  signal: AbortSignal
}

export interface OpKind {
  check(op: ResolvedOp, env: OpEnv): Promise<CheckResult>
  /** Makes the change. `overwrite` is set when the check found a conflict and on-conflict says overwrite. */
  apply(op: ResolvedOp, env: OpEnv, check: CheckResult, overwrite: boolean): Promise<ApplyResult>
}
