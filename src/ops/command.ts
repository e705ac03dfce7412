import { formatDuration } from '../duration.js'
import { OpError } from '../errors.js'
import { DirectLauncher } from './launch-direct.js'
import { PerlLauncher } from './launch-perl.js'
import type { Ended, Invocation, Launcher } from './launcher.js'
import type { OpEnv } from './types.js'

export type { Invocation } from './launcher.js'

/** How long a running command may go on after a stop was requested, before it is terminated. */
export const STOP_GRACE_MS = 3000

/** Why the spawner cannot be used in this process (perl is missing), once that is known. */
let spawnerUnusable: string | undefined

/** One invocation: which launcher has it, under which id (it moves if the spawner could not start). */
interface Ticket {
  inv: Invocation
  done: (e: Ended) => void
  launcher: Launcher
  id: number
}

/**
 * The commands of one run: started by the spawner when perl is there, by the engine itself
 * otherwise (said once in the log). Closed by endCommands at the run's end.
 */
class Commands {
  private launcher: Launcher | undefined
  private readonly tickets = new Set<Ticket>()

  constructor(private readonly env: OpEnv) {}

  run(inv: Invocation, done: (e: Ended) => void): Ticket {
    const launcher = this.current()
    const ticket: Ticket = { inv, done, launcher, id: 0 }
    this.tickets.add(ticket)
    this.begin(ticket, launcher)
    return ticket
  }

  stop(t: Ticket): void {
    t.launcher.stop(t.id)
  }

  async end(): Promise<void> {
    await this.launcher?.end()
  }

  private begin(t: Ticket, launcher: Launcher): void {
    t.launcher = launcher
    t.id = launcher.start(t.inv, e => {
      this.tickets.delete(t)
      t.done(e)
    })
  }

  private current(): Launcher {
    if (!this.launcher) {
      if (spawnerUnusable === undefined) {
        const perl: Launcher = new PerlLauncher((why, unstarted, wasReady) =>
          this.gone(perl, why, unstarted, wasReady)
        )
        this.launcher = perl
      } else this.launcher = new DirectLauncher()
    }
    return this.launcher
  }

  private gone(perl: Launcher, why: string, unstarted: number[], wasReady: boolean): void {
    if (this.launcher === perl) this.launcher = undefined
    if (!wasReady) {
      spawnerUnusable ??= why
      this.env.logger.info(
        `commands are started by the engine itself, at a higher cost per command: the spawner (perl) ${why}`
      )
    }
    const moved = new Set(unstarted)
    for (const t of this.tickets) if (t.launcher === perl && moved.has(t.id)) this.begin(t, this.current())
  }
}

const runs = new WeakMap<OpEnv, Commands>()

function commands(env: OpEnv): Commands {
  let c = runs.get(env)
  if (!c) runs.set(env, (c = new Commands(env)))
  return c
}

/** At a run's end: ends the run's spawner, if it started one, and waits until it is gone. */
export async function endCommands(env: OpEnv): Promise<void> {
  await runs.get(env)?.end()
}

/**
 * Runs one invocation in its own process group, so a stop (after the grace period) or a
 * timeout ends everything it started. Resolves when it exits with 0; rejects with an OpError carrying the exit code or
 * signal and the last lines of stderr.
 */
export function runInvocation(inv: Invocation, env: OpEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const cmds = commands(env)
    let stopped = false
    let grace: NodeJS.Timeout | undefined
    const onAbort = (): void => {
      stopped = true
      grace = setTimeout(() => cmds.stop(ticket), STOP_GRACE_MS)
    }
    const ticket = cmds.run(inv, e => {
      clearTimeout(grace)
      env.signal.removeEventListener('abort', onAbort)
      const out = e.stdout.text()
      const errText = e.stderr.text()
      if (out) env.logger.debug(`#${inv.seq} stdout:\n${out}`)
      if (errText) env.logger.debug(`#${inv.seq} stderr:\n${errText}`)
      const err = outcome(inv, e, stopped)
      if (err) reject(err)
      else resolve()
    })
    if (env.signal.aborted) onAbort()
    else env.signal.addEventListener('abort', onAbort, { once: true })
  })
}

function outcome(inv: Invocation, e: Ended, stopped: boolean): OpError | undefined {
  const { label } = inv
  if (e.error) {
    const { code, message } = e.error
    if (code === 'ENOENT') return new OpError(`command not found: ${label}`, { code })
    if (code === 'ELAUNCHER') return new OpError(`cannot run ${label}: ${message}`, { code, transient: true })
    return new OpError(`cannot start ${label}: ${message}`, { code })
  }
  const tail = e.stderr.lines()
  const withTail = (s: string): string => (tail ? `${s}; stderr:\n${tail}` : s)
  if (e.timedOut) {
    const s = withTail(`${label} timed out after ${formatDuration(inv.timeoutMs!)}`)
    return new OpError(s, { transient: true, code: 'ETIMEDOUT' })
  }
  if (e.code === 0) return undefined
  if (stopped && e.signal) {
    return new OpError(`${label} was stopped (${e.signal}) because the run is stopping`, {
      code: 'EINTERRUPTED'
    })
  }
  if (e.signal) return new OpError(withTail(`${label} was killed by ${e.signal}`), { code: 'ESIGNAL' })
  return new OpError(withTail(`${label} exited with code ${e.code}`), { code: `EXIT${e.code}` })
}
