import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Capture } from './capture.js'
import { encodeFrame, FrameReader } from './frames.js'
import type { Ended, Invocation, Launcher } from './launcher.js'

/** The spawner's script: beside this module in src/ops/, or in dist/ beside the bundle's entry points. */
function spawnerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, 'spawner.pl'), join(here, '..', 'spawner.pl')]
  const found = candidates.find(p => existsSync(p))
  if (!found) throw new Error(`bulk-ops is incomplete: none of ${candidates.join(', ')} exists`)
  return found
}

const signalNames = new Map(Object.entries(constants.signals).map(([name, n]) => [n, name as NodeJS.Signals]))
const errnoNames = new Map(Object.entries(constants.errno).map(([name, n]) => [n, name]))

interface Pending {
  inv: Invocation
  done: (e: Ended) => void
}

/**
 * The engine's side of the spawner (src/ops/spawner.pl): one small perl process per run,
 * started on the run's first command, that forks every command so that the engine never
 * does. It holds the event loop open only while invocations are pending, and ends with the
 * run (or, with whatever it still runs, when this process is gone). Should it end before it was
 * ready (no perl), `onGone` gets the ids of the invocations it never started; should it end
 * later, those it had started fail with ELAUNCHER, which may be retried.
 */
export class PerlLauncher implements Launcher {
  private readonly child: ChildProcess
  private ready = false
  private gone = false
  private queued: Buffer[] = []
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly envKeys = new WeakMap<NodeJS.ProcessEnv, number>()
  private nextEnvKey = 1
  private readonly frames = new FrameReader()
  private readonly exited: Promise<void>

  constructor(private readonly onGone: (why: string, unstarted: number[], wasReady: boolean) => void) {
    this.child = spawn('perl', [spawnerScript()], {
      stdio: ['pipe', 'pipe', 'inherit'],
      // A session of its own: a terminal's SIGINT reaches the engine, which stops the commands.
      detached: true,
      // No PERL5OPT, PERL5LIB or locale of the runner's: perl runs the script and nothing else.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }
    })
    this.child.stdout!.on('data', (d: Buffer) => {
      for (const f of this.frames.push(d)) this.received(f)
    })
    this.child.stdin!.on('error', () => undefined) // EPIPE when it is gone: 'exit' says why
    this.exited = new Promise(resolve => {
      this.child.on('error', err => (this.fail(err), resolve()))
      this.child.on('exit', (code, signal) => {
        this.fail(new Error(signal ? `was killed by ${signal}` : `exited with code ${code}`))
        resolve()
      })
    })
    this.holdOpen()
  }

  start(inv: Invocation, done: (e: Ended) => void): number {
    let key = this.envKeys.get(inv.baseEnv)
    if (key === undefined) {
      key = this.nextEnvKey++
      this.envKeys.set(inv.baseEnv, key)
      this.send(['env', String(key), ...pairs(inv.baseEnv)])
    }
    const id = this.nextId++
    this.pending.set(id, { inv, done })
    this.holdOpen()
    const timeout = String(inv.timeoutMs ?? 0)
    const head = ['run', String(id), String(key), inv.cwd, timeout, String(inv.argv.length)]
    this.send([...head, ...inv.argv, ...pairs(inv.vars)])
    return id
  }

  stop(id: number): void {
    this.send(['stop', String(id)])
  }

  async end(): Promise<void> {
    this.child.ref()
    this.child.stdin!.end()
    await this.exited
  }

  private received([type, ...f]: Buffer[]): void {
    if (type.toString() === 'ready') {
      this.ready = true
      for (const q of this.queued) this.child.stdin!.write(q)
      this.queued = []
      this.holdOpen()
      return
    }
    const [id, how, n, timedOut, out, outTotal, outTail, err, errTotal, errTail] = f
    const p = this.pending.get(Number(id.toString()))
    if (!p) return
    this.pending.delete(Number(id.toString()))
    this.holdOpen()
    const num = Number(n.toString())
    const ended: Ended = {
      code: null,
      signal: null,
      ...(timedOut.toString() === '1' ? { timedOut: true } : {}),
      stdout: Capture.of(out, Number(outTotal.toString()), outTail),
      stderr: Capture.of(err, Number(errTotal.toString()), errTail)
    }
    const kind = how.toString()
    if (kind === 'error') {
      const code = errnoNames.get(num) ?? `errno ${num}`
      p.done({ ...ended, error: { code, message: `${code}: ${p.inv.argv[0]}` } })
    } else if (kind === 'signal') p.done({ ...ended, signal: signalNames.get(num) ?? null })
    else p.done({ ...ended, code: num })
  }

  private send(fields: string[]): void {
    if (this.gone) return
    const frame = encodeFrame(fields)
    if (this.ready) this.child.stdin!.write(frame)
    else this.queued.push(frame)
  }

  /** The spawner keeps this process alive only while something waits for it. */
  private holdOpen(): void {
    const hold = this.pending.size > 0 || !this.ready
    for (const h of [this.child, this.child.stdout, this.child.stdin] as const) {
      const handle = h as { ref?: () => void; unref?: () => void } | null
      if (hold) handle?.ref?.()
      else handle?.unref?.()
    }
  }

  private fail(err: Error): void {
    if (this.gone) return
    this.gone = true
    const unstarted = this.ready ? [] : [...this.pending.keys()]
    const started = this.ready ? [...this.pending.values()] : []
    this.pending.clear()
    this.onGone(err.message, unstarted, this.ready)
    const message = `the process that starts commands ${err.message}`
    for (const p of started) {
      p.done({
        code: null,
        signal: null,
        error: { code: 'ELAUNCHER', message },
        stdout: new Capture(),
        stderr: new Capture()
      })
    }
  }
}

function pairs(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out.push(k, v)
  return out
}
