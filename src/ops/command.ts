import { spawn, type ChildProcess } from 'node:child_process'
import { formatDuration } from '../duration.js'
import { OpError } from '../errors.js'
import type { OpEnv } from './types.js'

/** How long a running command may go on after a stop was requested, before it is terminated. */
export const STOP_GRACE_MS = 3000
const KILL_AFTER_MS = 1500
/** How long output may still arrive after the command exited (a background child may hold the pipes open). */
const STREAM_GRACE_MS = 500
const TAIL_BYTES = 4096
/** Output kept per stream of one invocation for the log (--verbose, the action's debug log). */
const KEEP_BYTES = 1024 * 1024
const TAIL_LINES = 10

/** One process to start: a command of one concrete operation, or of a batch. */
export interface Invocation {
  argv: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  /** How messages name it: `'gzip'`, `shell script`. */
  label: string
  /** The (first) seq it runs for, in log lines. */
  seq: number
  timeoutMs?: number
}

/**
 * One stream of one invocation, kept apart from every other: its first KEEP_BYTES (logged whole
 * when the invocation ends, so the output of commands in flight together never interleaves)
 * and its last TAIL_BYTES (the last lines of stderr go into the error).
 */
export class Capture {
  private head: Buffer[] = []
  private headBytes = 0
  private tail = Buffer.alloc(0)
  private total = 0

  push(chunk: Buffer): void {
    this.total += chunk.length
    if (this.headBytes < KEEP_BYTES) {
      const part = chunk.subarray(0, KEEP_BYTES - this.headBytes)
      this.head.push(part)
      this.headBytes += part.length
    }
    const joined = Buffer.concat([this.tail, chunk])
    this.tail = joined.length > TAIL_BYTES * 2 ? joined.subarray(-TAIL_BYTES) : joined
  }

  /** Everything kept, with a note of what was left out. */
  text(): string {
    const kept = Buffer.concat(this.head).toString('utf8').trimEnd()
    const dropped = this.total - this.headBytes
    return dropped > 0 ? `${kept}\n… (${dropped} more bytes not shown)` : kept
  }

  /** The last few lines. */
  lines(): string {
    const text = this.tail.subarray(Math.max(0, this.tail.length - TAIL_BYTES)).toString('utf8')
    return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n')
  }
}

/**
 * Runs one invocation in its own process group, so a stop (after the grace period) or a
 * timeout ends everything it started. Resolves when it exits with 0; rejects with an OpError
 * carrying the exit code or signal and the last lines of stderr.
 */
export function runInvocation(inv: Invocation, env: OpEnv): Promise<void> {
  return new Promise((resolve, reject) => new Running(inv, env, resolve, reject))
}

class Running {
  private readonly child: ChildProcess
  private readonly stdout = new Capture()
  private readonly stderr = new Capture()
  private timedOut = false
  private stopped = false
  private settled = false
  private readonly timers: (NodeJS.Timeout | undefined)[] = []
  private timeout: NodeJS.Timeout | undefined
  private readonly onAbort = (): void => {
    this.stopped = true
    this.timers.push(setTimeout(() => this.terminate(), STOP_GRACE_MS))
  }

  constructor(
    private readonly inv: Invocation,
    private readonly env: OpEnv,
    private readonly resolve: () => void,
    private readonly reject: (err: Error) => void
  ) {
    const [file, ...args] = inv.argv
    this.child = spawn(file, args, {
      cwd: inv.cwd,
      env: inv.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    if (inv.timeoutMs !== undefined) {
      this.timeout = setTimeout(() => ((this.timedOut = true), this.terminate()), inv.timeoutMs)
    }
    if (env.signal.aborted) this.onAbort()
    else env.signal.addEventListener('abort', this.onAbort, { once: true })
    this.child.stdout!.on('data', (d: Buffer) => this.stdout.push(d))
    this.child.stderr!.on('data', (d: Buffer) => this.stderr.push(d))
    this.child.on('error', err => {
      const code = (err as NodeJS.ErrnoException).code
      const msg =
        code === 'ENOENT' ? `command not found: ${inv.label}` : `cannot start ${inv.label}: ${err.message}`
      this.done(new OpError(msg, { code }))
    })
    // The command is done when it exits, even if a process it left in the background still holds
    // stdout/stderr open ('close' would wait for that process): take what output came, then stop reading.
    this.child.on('exit', (code, signal) => {
      clearTimeout(this.timeout)
      this.timers.push(
        setTimeout(() => {
          this.child.stdout!.destroy()
          this.child.stderr!.destroy()
          this.done(this.outcome(code, signal))
        }, STREAM_GRACE_MS)
      )
    })
    this.child.on('close', (code, signal) => this.done(this.outcome(code, signal)))
  }

  private killGroup(sig: NodeJS.Signals): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, sig)
    } catch {
      // already gone
    }
  }

  private terminate(): void {
    this.killGroup('SIGTERM')
    setTimeout(() => this.killGroup('SIGKILL'), KILL_AFTER_MS).unref()
  }

  private outcome(code: number | null, signal: NodeJS.Signals | null): OpError | undefined {
    const { label } = this.inv
    const tail = this.stderr.lines()
    const withTail = (m: string): string => (tail ? `${m}; stderr:\n${tail}` : m)
    if (this.timedOut) {
      const m = withTail(`${label} timed out after ${formatDuration(this.inv.timeoutMs!)}`)
      return new OpError(m, { transient: true, code: 'ETIMEDOUT' })
    }
    if (code === 0) return undefined
    if (this.stopped && signal) {
      return new OpError(`${label} was stopped (${signal}) because the run is stopping`, {
        code: 'EINTERRUPTED'
      })
    }
    if (signal) return new OpError(withTail(`${label} was killed by ${signal}`), { code: 'ESIGNAL' })
    return new OpError(withTail(`${label} exited with code ${code}`), { code: `EXIT${code}` })
  }

  private done(err: OpError | undefined): void {
    if (this.settled) return
    this.settled = true
    clearTimeout(this.timeout)
    for (const t of this.timers) clearTimeout(t)
    this.env.signal.removeEventListener('abort', this.onAbort)
    const out = this.stdout.text()
    const errText = this.stderr.text()
    if (out) this.env.logger.debug(`#${this.inv.seq} stdout:\n${out}`)
    if (errText) this.env.logger.debug(`#${this.inv.seq} stderr:\n${errText}`)
    if (err) this.reject(err)
    else this.resolve()
  }
}
