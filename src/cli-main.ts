import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { parseDuration } from './duration.js'
import { errorMessage, PlanError, ResumeError, UsageError } from './errors.js'
import { runPlan } from './engine.js'
import { Journal } from './journal/journal.js'
import { writeAtomic } from './journal/snapshot.js'
import type { Logger } from './logger.js'
import { loadPlanFile } from './plan/load.js'
import { parseParallel } from './plan/parallel.js'
import { Sandbox } from './plan/paths.js'
import { preflight } from './plan/preflight.js'
import { renderText } from './report/text.js'
import { renderInspect } from './report/inspect.js'
import { writeReportFile } from './report/report-file.js'
import { Progress } from './report/progress.js'
import { renderSummary } from './report/summary.js'
import { assertSupportedRunner, UnsupportedRunnerError } from './runner-os.js'

const USAGE = `usage:
  bulk-ops run PLAN [--workspace DIR] [--state-dir DIR] [--dry-run] [--report FILE]
                    [--summary FILE] [--time-budget 30s] [--max-attempts N] [--fail-fast]
                    [--fresh] [--verbose] [--parallel N|auto]
  bulk-ops inspect STATE-DIR
exit codes: 0 complete, 1 something failed, 2 bad plan or usage, 3 incomplete but resumable`

export interface CliIo {
  out: (s: string) => void
  err: (s: string) => void
  /** Progress as one line redrawn in place (a terminal) rather than a line now and then (a log). */
  tty?: boolean
  /** Between two progress lines when not a terminal. */
  progressEveryMs?: number
  /** No progress before the run has taken this long. */
  progressDelayMs?: number
  /** The OS as `process.platform` names it (default: this one's), to test the runner check. */
  platform?: string
}

const stdio: CliIo = {
  out: s => process.stdout.write(s),
  err: s => process.stderr.write(s),
  get tty() {
    return !!process.stdout.isTTY && !!process.stderr.isTTY
  }
}

/** Keeps @actions/* workflow commands (`::debug::`) out of the CLI's own output. */
function silenceWorkflowCommands(): void {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (text.startsWith('::')) return true
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest)
  }) as typeof process.stdout.write
}

function cliLogger(io: CliIo, verbose: boolean): Logger {
  return {
    info: m => io.err(`${m}\n`),
    warning: m => io.err(`warning: ${m}\n`),
    error: m => io.err(`error: ${m}\n`),
    debug: m => {
      if (verbose) io.err(`${m}\n`)
    }
  }
}

/** Runs the CLI and returns its exit code; never throws for anything a user can cause. */
export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  if (io === stdio) silenceWorkflowCommands()
  const [cmd, ...rest] = argv
  try {
    switch (cmd) {
      case 'run':
        assertSupportedRunner(io.platform)
        return await runCommand(rest, io)
      case 'inspect':
        return inspectCommand(rest, io)
      case '--version':
      case 'version':
        io.out(`${version()}\n`)
        return 0
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`)
        return cmd === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command '${cmd}'`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`bulk-ops: ${err.message}\n${USAGE}\n`)
      return 2
    }
    if (err instanceof PlanError || err instanceof ResumeError || err instanceof UnsupportedRunnerError) {
      io.err(`bulk-ops: ${err.message}\n`)
      return 2
    }
    io.err(`bulk-ops: unexpected error: ${errorMessage(err)}\n`)
    return 1
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string
    }
    return pkg.version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function parse(args: string[], options: ParseArgsOptionsConfig): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError(errorMessage(err).replace(/\. To specify a positional argument.*$/, ''))
  }
}

async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    workspace: { type: 'string' },
    'state-dir': { type: 'string' },
    'dry-run': { type: 'boolean' },
    report: { type: 'string' },
    summary: { type: 'string' },
    'time-budget': { type: 'string' },
    'max-attempts': { type: 'string' },
    'fail-fast': { type: 'boolean' },
    fresh: { type: 'boolean' },
    verbose: { type: 'boolean' },
    'checkpoint-every': { type: 'string' },
    parallel: { type: 'string' }
  })
  if (positionals.length !== 1)
    throw new UsageError(positionals.length ? `unexpected '${positionals[1]}'` : 'missing PLAN')
  const v = values as Record<string, string | boolean | undefined>
  const workspace = resolve(String(v.workspace ?? '.'))
  const stateDir = resolve(String(v['state-dir'] ?? resolve(workspace, '.bulk-ops')))
  let maxAttempts: number | undefined
  if (v['max-attempts'] !== undefined) {
    maxAttempts = Number(v['max-attempts'])
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
      throw new UsageError(`--max-attempts: '${v['max-attempts']}' is not a whole number from 1 to 100`)
    }
  }
  const timeBudgetMs =
    v['time-budget'] !== undefined ? parseDuration(String(v['time-budget']), '--time-budget') : undefined
  const checkpointEveryMs =
    v['checkpoint-every'] !== undefined
      ? parseDuration(String(v['checkpoint-every']), '--checkpoint-every')
      : 60_000
  const plan = await loadPlanFile(resolve(positionals[0]), {
    maxAttempts,
    continueOnError: v['fail-fast'] ? false : undefined,
    parallel: v.parallel !== undefined ? parseParallel(String(v.parallel), '--parallel') : undefined
  })
  const sandbox = new Sandbox(workspace)
  try {
    await sandbox.init()
  } catch {
    throw new UsageError(`--workspace: '${workspace}' is not a directory`)
  }
  await preflight(plan, sandbox)

  const controller = new AbortController()
  const onSignal = (sig: NodeJS.Signals): void => {
    io.err(`bulk-ops: ${sig} received; stopping: nothing new starts, running commands get a grace period\n`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const logger = cliLogger(io, !!v.verbose)
  const progress = new Progress({
    write: io.err,
    tty: !!io.tty,
    everyMs: io.progressEveryMs,
    delayMs: io.progressDelayMs
  })
  try {
    const { report, exitCode } = await runPlan({
      plan,
      workspace,
      stateDir,
      dryRun: !!v['dry-run'],
      timeBudgetMs,
      signal: controller.signal,
      logger,
      fresh: !!v.fresh,
      checkpointEveryMs,
      onProgress: (c, r, live) => progress.update(c, r, live)
    })
    progress.done()
    const ctx = {
      mode: 'cli' as const,
      planFile: positionals[0],
      ...(v.report !== undefined ? { reportPath: String(v.report) } : {})
    }
    if (v.report !== undefined) writeReportFile(resolve(String(v.report)), report)
    if (v.summary !== undefined) writeAtomic(resolve(String(v.summary)), renderSummary(report, ctx))
    io.out(renderText(report, { ...ctx, verbose: !!v.verbose }))
    return exitCode
  } finally {
    progress.done()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

function inspectCommand(args: string[], io: CliIo): number {
  const { positionals } = parse(args, {})
  if (positionals.length !== 1) throw new UsageError('inspect takes one STATE-DIR')
  const dir = resolve(positionals[0])
  const { state, info } = Journal.load(dir, { readOnly: true })
  if (info.source === 'fresh') throw new UsageError(`'${dir}' holds no bulk-ops state`)
  io.out(renderInspect(dir, state, info))
  return 0
}
