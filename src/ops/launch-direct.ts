import { spawn, type ChildProcess } from 'node:child_process'
import { Capture } from './capture.js'
import { KILL_AFTER_MS, STREAM_GRACE_MS, type Ended, type Invocation, type Launcher } from './launcher.js'

/**
 * Invocations started by the engine's own process: what runs when the spawner cannot (no
 * perl). Every fork copies the engine's page tables, so each command costs a millisecond or more.
 */
export class DirectLauncher implements Launcher {
  private nextId = 1
  private readonly running = new Map<number, ChildProcess>()

  start(inv: Invocation, done: (e: Ended) => void): number {
    const id = this.nextId++
    const stdout = new Capture()
    const stderr = new Capture()
    let settled = false
    let timedOut = false
    const timers: NodeJS.Timeout[] = []
    const end = (code: number | null, signal: NodeJS.Signals | null, error?: Ended['error']): void => {
      if (settled) return
      settled = true
      for (const t of timers) clearTimeout(t)
      this.running.delete(id)
      done({ code, signal, ...(error ? { error } : {}), ...(timedOut ? { timedOut } : {}), stdout, stderr })
    }
    const [file, ...args] = inv.argv
    let child: ChildProcess
    try {
      child = spawn(file, args, {
        cwd: inv.cwd,
        env: { ...inv.baseEnv, ...inv.vars },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true
      })
    } catch (err) {
      end(null, null, { code: (err as NodeJS.ErrnoException).code, message: (err as Error).message })
      return id
    }
    this.running.set(id, child)
    if (inv.timeoutMs !== undefined) {
      timers.push(setTimeout(() => ((timedOut = true), this.stop(id)), inv.timeoutMs))
    }
    child.stdout!.on('data', (d: Buffer) => stdout.push(d))
    child.stderr!.on('data', (d: Buffer) => stderr.push(d))
    child.on('error', err =>
      end(null, null, { code: (err as NodeJS.ErrnoException).code, message: err.message })
    )
    // The command is done when it exits, even if a process it left in the background still holds
    // stdout/stderr open ('close' would wait for that process): take what output came, then stop reading.
    child.on('exit', (code, signal) => {
      timers.push(
        setTimeout(() => {
          child.stdout!.destroy()
          child.stderr!.destroy()
          end(code, signal)
        }, STREAM_GRACE_MS)
      )
    })
    child.on('close', (code, signal) => end(code, signal))
    return id
  }

  stop(id: number): void {
    const pid = this.running.get(id)?.pid
    signalGroup(pid, 'SIGTERM')
    setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_AFTER_MS).unref()
  }

  async end(): Promise<void> {}
}

function signalGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  try {
    if (pid) process.kill(-pid, sig)
  } catch {
    // already gone
  }
}
