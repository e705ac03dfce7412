import type { Capture } from './capture.js'

/** How long a process group gets after SIGTERM, before SIGKILL. */
export const KILL_AFTER_MS = 1500
/** How long output may still arrive after the command exited (a background child may hold the pipes open). */
export const STREAM_GRACE_MS = 500

/** One process to start: a command of one concrete operation, or of a batch. */
export interface Invocation {
  argv: string[]
  /** What the invocation inherits (the same object for many invocations: it is sent once). */
  baseEnv: NodeJS.ProcessEnv
  /** Laid over baseEnv for this invocation. */
  vars: NodeJS.ProcessEnv
  cwd: string
  /** How messages name it: `'gzip'`, `shell script`. */
  label: string
  /** The (first) seq it runs for, in log lines. */
  seq: number
  /** Counted from its start. */
  timeoutMs?: number
}

/** How an invocation ended. */
export interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  /** It could not be started (errno code such as ENOENT), or its launcher failed (ELAUNCHER). */
  error?: { code?: string; message: string }
  /** It ran out of its timeoutMs, and was stopped. */
  timedOut?: boolean
  stdout: Capture
  stderr: Capture
}

/**
 * Starts invocations, each in a process group of its own with stdout and stderr captured
 * apart; times them out and stops them. Two exist: the spawner (launch-perl.ts), a small
 * process that forks for the engine, and the engine's own spawn (launch-direct.ts).
 */
export interface Launcher {
  /** Starts an invocation; `done` is called once, when it ended. Returns its id for stop(). */
  start(inv: Invocation, done: (e: Ended) => void): number
  /** SIGTERM to its process group, then SIGKILL to what is left KILL_AFTER_MS later. */
  stop(id: number): void
  /** Ends the launcher at a run's end, when nothing is pending. */
  end(): Promise<void>
}
