import { join } from 'node:path'
import { runPlan } from '../../src/engine.js'
import { silentLogger, type Logger } from '../../src/logger.js'
import { parsePlan } from '../../src/plan/load.js'
import { Sandbox } from '../../src/plan/paths.js'
import { preflight } from '../../src/plan/preflight.js'
import type { Classification, OpReport, Report } from '../../src/report/model.js'
import { removeDir, tempDir, writeTree } from './tree.js'

/** A workspace in a temp directory; state directories go beside it, never inside. */
export interface TestWs {
  /** The temp directory holding the workspace and the state directories. */
  dir: string
  /** The workspace. */
  ws: string
  /** A new, unused state directory (each call gives another one: an independent run). */
  freshState(): string
}

const made: string[] = []

// @actions/glob logs `::debug::` workflow commands to stdout; in-process runs would flood the test output.
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
  if (text.startsWith('::debug::')) return true
  return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest)
}) as typeof process.stdout.write

/** Creates a workspace with `files`. Remove everything with `cleanupWorkspaces()` (afterEach). */
export function makeWs(files: Record<string, string | Buffer> = {}): TestWs {
  const dir = tempDir()
  made.push(dir)
  const ws = join(dir, 'ws')
  writeTree(ws, { '.keep': '', ...files })
  let n = 0
  return { dir, ws, freshState: () => join(dir, `state-${n++}`) }
}

export function cleanupWorkspaces(): void {
  while (made.length) removeDir(made.pop()!)
}

/**
 * Runs plan text in-process the way the CLI does (parse, preflight, runPlan), with a fresh state
 * directory unless `stateDir` is given. Retries of transient errors wait 1 ms.
 */
export async function runYaml(
  t: TestWs,
  yaml: string,
  opts: { dryRun?: boolean; stateDir?: string; logger?: Logger } = {}
): Promise<Report> {
  const plan = parsePlan(yaml, 'plan.yml')
  const sandbox = new Sandbox(t.ws)
  await sandbox.init()
  await preflight(plan, sandbox)
  const { report } = await runPlan({
    plan,
    workspace: t.ws,
    stateDir: opts.dryRun ? undefined : (opts.stateDir ?? t.freshState()),
    dryRun: opts.dryRun,
    logger: opts.logger ?? silentLogger,
    retryBaseMs: 1
  })
  return report
}

/** `[outcome, reason]` of every operation, for compact assertions. */
export function outcomes(r: Report): [string, string | null][] {
  return r.operations.map(o => [o.outcome, o.reason])
}

/** The identity of each concrete operation: what a dry-run and the real run must agree on. */
export function identities(r: Report): [number | null, string, string | null, string | null][] {
  return r.operations.map(o => [o.seq, o.kind, o.from, o.to])
}

/** The outcomes of a real run that a dry-run classification predicts. */
export function predicted(c: Classification | undefined): [string, string | null][] {
  switch (c) {
    case 'would-execute':
      return [['executed', null]]
    case 'satisfied':
      return [['skipped', 'satisfied']]
    case 'conflict':
      return [
        ['skipped', 'conflict'],
        ['failed', null]
      ]
    case 'cannot-preview':
      return [
        ['executed', null],
        ['failed', null]
      ]
    case 'would-fail':
      return [
        ['failed', null],
        ['failed', 'gave-up']
      ]
    default:
      return []
  }
}

/** True when the real run's `actual` is what the dry-run's `dry` classification predicted. */
export function matchesPrediction(dry: OpReport, actual: OpReport): boolean {
  return predicted(dry.classification).some(([o, r]) => o === actual.outcome && r === actual.reason)
}

/** Counts add up as DESIGN.md §3 says, and agree with the operations listed. */
export function countsAddUp(r: Report): boolean {
  const c = r.counts
  const by = (o: string): number => r.operations.filter(x => x.outcome === o).length
  return (
    c.executed + c.skipped + c.failed + c.pending === c.total &&
    c.total === r.operations.length &&
    c.executed === by('executed') &&
    c.skipped === by('skipped') &&
    c.failed === by('failed') &&
    c.pending === by('pending')
  )
}
