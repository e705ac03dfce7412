import { spawn } from 'node:child_process'
import { OpError } from '../errors.js'
import { formatDuration } from '../duration.js'
import type { OpKind, ResolvedOp, OpEnv } from './types.js'

/** How long a running command may go on after a stop was requested, before it is terminated. */
export const STOP_GRACE_MS = 3000
const KILL_AFTER_MS = 1500
/** How long output may still arrive after the command exited (a background child may hold the pipes open). */
const STREAM_GRACE_MS = 500
const TAIL_BYTES = 4096
const TAIL_LINES = 10

/** Variables a command never inherits: the runner's credentials and the action's inputs. */
const SCRUBBED =
  /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$|GITHUB_TOKEN$)/

/**
 * run: an argv command (no shell) or a bash script; the match reaches it as `{path}` in argv
 * or as the BULK_OPS_PATH variable, never spliced into shell text. Guards make it idempotent:
 * `creates` (done when it exists) and `removes` (done when it is gone). At-least-once otherwise.
 */
export const runOp: OpKind = {
  async check(op, env) {
    if (op.creates !== undefined && (await env.fs.lstat(await env.sandbox.resolve(op.creates)))) {
      return { state: 'satisfied', detail: `guard: '${op.creates}' exists` }
    }
    if (op.removes !== undefined && !(await env.fs.lstat(await env.sandbox.resolve(op.removes)))) {
      return { state: 'satisfied', detail: `guard: '${op.removes}' is absent` }
    }
    return { state: 'todo' }
  },
  async apply(op, env) {
    if (env.fs.simulated) throw new Error('run cannot be simulated')
    await runCommand(op, env)
    return { invalidatesPaths: true }
  }
}

function commandEnv(op: ResolvedOp, root: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED.test(k)) out[k] = v
  Object.assign(out, op.decl.env ?? {})
  out.BULK_OPS_PATH = op.match ?? ''
  out.BULK_OPS_WORKSPACE = root
  out.BULK_OPS_SEQ = String(op.seq)
  return out
}

/** Keeps the last few KiB of a stream, for error messages. */
class Tail {
  private buf = Buffer.alloc(0)
  push(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk])
    if (this.buf.length > TAIL_BYTES * 2) this.buf = this.buf.subarray(this.buf.length - TAIL_BYTES)
  }
  lines(): string {
    const text = this.buf.subarray(Math.max(0, this.buf.length - TAIL_BYTES)).toString('utf8')
    return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n')
  }
}

function runCommand(op: ResolvedOp, env: OpEnv): Promise<void> {
  const root = env.sandbox.root
  const [file, ...args] = op.decl.shell !== undefined ? ['bash', '-c', op.decl.shell, 'bulk-ops'] : op.argv!
  const label = op.decl.shell !== undefined ? 'shell script' : `'${file}'`
  return new Promise((resolve, reject) => {
    const stderr = new Tail()
    let timedOut = false
    let stopped = false
    let settled = false
    const child = spawn(file, args, {
      cwd: root,
      env: commandEnv(op, root),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    const killGroup = (sig: NodeJS.Signals): void => {
      try {
        if (child.pid) process.kill(-child.pid, sig)
      } catch {
        // already gone
      }
    }
    const terminate = (): void => {
      killGroup('SIGTERM')
      setTimeout(() => killGroup('SIGKILL'), KILL_AFTER_MS).unref()
    }
    const timer =
      op.decl.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true
            terminate()
          }, op.decl.timeoutMs)
        : undefined
    let graceTimer: NodeJS.Timeout | undefined
    const onAbort = (): void => {
      stopped = true
      graceTimer = setTimeout(terminate, STOP_GRACE_MS)
    }
    if (env.signal.aborted) onAbort()
    else env.signal.addEventListener('abort', onAbort, { once: true })
    child.stdout.on('data', (d: Buffer) => env.logger.debug(`#${op.seq} ${d.toString('utf8').trimEnd()}`))
    child.stderr.on('data', (d: Buffer) => stderr.push(d))
    let streamTimer: NodeJS.Timeout | undefined
    const done = (err?: Error): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearTimeout(graceTimer)
      clearTimeout(streamTimer)
      env.signal.removeEventListener('abort', onAbort)
      if (err) reject(err)
      else resolve()
    }
    child.on('error', err => {
      const code = (err as NodeJS.ErrnoException).code
      const msg = code === 'ENOENT' ? `command not found: ${label}` : `cannot start ${label}: ${err.message}`
      done(new OpError(msg, { code }))
    })
    // The command is done when it exits, even if a process it left in the background still holds
    // stdout/stderr open ('close' would wait for that process): take what output came, then stop reading.
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      streamTimer = setTimeout(() => {
        child.stdout.destroy()
        child.stderr.destroy()
        finish(code, signal)
      }, STREAM_GRACE_MS)
    })
    child.on('close', (code, signal) => finish(code, signal))
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      const tail = stderr.lines()
      const withTail = (m: string): string => (tail ? `${m}; stderr:\n${tail}` : m)
      if (timedOut) {
        done(
          new OpError(withTail(`${label} timed out after ${formatDuration(op.decl.timeoutMs!)}`), {
            transient: true,
            code: 'ETIMEDOUT'
          })
        )
      } else if (code === 0) {
        done()
      } else if (stopped && signal) {
        done(
          new OpError(`${label} was stopped (${signal}) because the run is stopping`, {
            code: 'EINTERRUPTED'
          })
        )
      } else if (signal) {
        done(new OpError(withTail(`${label} was killed by ${signal}`), { code: 'ESIGNAL' }))
      } else {
        done(new OpError(withTail(`${label} exited with code ${code}`), { code: `EXIT${code}` }))
      }
    }
  })
}
