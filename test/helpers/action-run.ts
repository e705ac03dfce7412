import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Report } from '../../src/report/model.js'
import type { ActionsService } from '../support/actions-service.js'
import { runCli } from './cli.js'
import { freshClone, readCommandFile, runStep, stepEnv, type StepResult } from './runner.js'
import { snapshotTree } from './tree.js'

export interface AttemptResult {
  main: StepResult
  post?: StepResult
  outputs: Record<string, string>
  summary: string
  ws: string
  temp: string
}

export interface AttemptOptions {
  env?: Record<string, string>
  inputs?: Record<string, string>
  interrupt?: (c: ChildProcess) => void
  noPost?: boolean
  /** The job of the workflow run (a matrix entry, the merge job): its own job id and files. */
  job?: string
  /** This attempt's runner has other paths (a self-hosted runner, a container, `checkout` with `path:`). */
  runner?: { workspace: string; temp: string }
}

/**
 * One workflow run of the action against the local Actions service: every attempt is a fresh
 * clone of `origin` on a "fresh runner" (RUNNER_TEMP wiped, same path as on hosted runners),
 * with a new job id and the same run id.
 */
export class ActionRun {
  readonly dir: string
  readonly marks: string
  /** Each attempt gets its own backend id: earlier attempts' artifacts only through REST (see clientEnv). */
  attemptBackendIds = false
  constructor(
    readonly svc: ActionsService,
    readonly root: string,
    readonly origin: string,
    readonly runId: number,
    readonly inputs: Record<string, string>,
    readonly ref = 'refs/heads/main',
    /** How a runner checks the repository out. */
    readonly clone: (origin: string, dest: string) => void = freshClone
  ) {
    this.dir = join(root, `run-${runId}`)
    this.marks = join(this.dir, 'marks')
    mkdirSync(this.marks, { recursive: true })
  }

  /** Like hosted runners, attempts use the same RUNNER_TEMP and workspace paths unless told otherwise. */
  get temp(): string {
    return join(this.root, 'runner-temp')
  }

  get workspace(): string {
    return join(this.root, 'work', 'repo')
  }

  async attempt(n: number, o: AttemptOptions = {}): Promise<AttemptResult> {
    const ws = o.runner?.workspace ?? this.workspace
    const temp = o.runner?.temp ?? this.temp
    const files = join(this.dir, `files-${o.job ? `${o.job}-` : ''}${n}`)
    rmSync(temp, { recursive: true, force: true })
    rmSync(files, { recursive: true, force: true })
    mkdirSync(temp, { recursive: true })
    mkdirSync(files, { recursive: true })
    this.clone(this.origin, ws)
    const base = this.svc.clientEnv({
      runId: this.runId,
      runAttempt: n,
      jobId: `${this.runId}${o.job ?? ''}${n}`,
      ref: this.ref,
      attemptBackendIds: this.attemptBackendIds
    })
    const env = stepEnv(
      { ...base, RUNNER_TEMP: temp, MARK_DIR: this.marks, BULK_OPS_STORE_TIMEOUT: '60', ...o.env },
      { 'checkpoint-every': '1s', 'github-token': 'test-token', ...this.inputs, ...o.inputs },
      { dir: files, workspace: ws }
    )
    const main = await runStep('index', env, o.interrupt)
    const post = o.noPost ? undefined : await runStep('post', env)
    const summary = existsSync(env.GITHUB_STEP_SUMMARY!) ? readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') : ''
    return { main, post, outputs: readCommandFile(env.GITHUB_OUTPUT!), summary, ws, temp }
  }

  /** Seqs of the checkpoints this attempt's runner has saved so far (from its ledger), in one store or all. */
  savedSeqs(store?: string): number[] {
    const base = join(this.temp, 'bulk-ops')
    const out: number[] = []
    if (!existsSync(base)) return out
    for (const d of readdirSync(base)) {
      const p = join(base, d, 'stores.json')
      if (existsSync(p))
        for (const e of JSON.parse(readFileSync(p, 'utf8')) as { seq: number; store: string }[])
          if (!store || e.store === store) out.push(e.seq)
    }
    return out
  }
}

export function readReport(outputs: Record<string, string>): Report {
  return JSON.parse(readFileSync(outputs.report, 'utf8')) as Report
}

/**
 * The tree an uninterrupted run of the repository's plan leaves on checkout `ws` (without .git):
 * what every resumed run must end as.
 */
export function uninterruptedTree(
  ws: string,
  stateDir: string,
  plan = '.github/bulk/plan.yml'
): Record<string, string> {
  const r = runCli(['run', join(ws, plan), '--workspace', ws, '--state-dir', stateDir])
  if (r.code !== 0) throw new Error(`the uninterrupted reference run failed (exit ${r.code}): ${r.stderr}`)
  return snapshotTree(ws, ['.git'])
}

/**
 * An `interrupt` for attempt(): polls `ready` every 50 ms and sends `signal` to the main step the
 * first time it holds (`ready` may note what it saw).
 */
export function signalWhen(ready: () => boolean, signal: NodeJS.Signals): (c: ChildProcess) => void {
  return child => {
    const poll = setInterval(() => {
      if (!ready()) return
      clearInterval(poll)
      child.kill(signal)
    }, 50)
    child.on('exit', () => clearInterval(poll))
  }
}
