import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Report } from '../../src/report/model.js'
import { runCli } from './cli.js'
import { removeDir, tempDir, writeTree } from './tree.js'

/** A workspace, a plan beside it (LOGFILE in its text names `log`), a report path and a log file. */
export interface CommandSetup {
  dir: string
  ws: string
  plan: string
  report: string
  log: string
}

const made: string[] = []

/** Removes every setup made so far (afterEach). */
export function cleanupSetups(): void {
  while (made.length) removeDir(made.pop()!)
}

export function setupPlan(plan: string, files: Record<string, string>): CommandSetup {
  const dir = tempDir()
  made.push(dir)
  const ws = join(dir, 'ws')
  writeTree(ws, { '.keep': '', ...files })
  const log = join(dir, 'log')
  writeFileSync(join(dir, 'plan.yml'), plan.replaceAll('LOGFILE', log))
  return { dir, ws, plan: join(dir, 'plan.yml'), report: join(dir, 'report.json'), log }
}

/** `bulk-ops run` over the setup, with its JSON report. */
export function runPlanCli(
  s: CommandSetup,
  ...extra: string[]
): { code: number | null; report: Report; stderr: string } {
  const r = runCli(['run', s.plan, '--workspace', s.ws, '--report', s.report, ...extra])
  return { code: r.code, report: JSON.parse(readFileSync(s.report, 'utf8')) as Report, stderr: r.stderr }
}

/** `n` files `f/00.txt`, `f/01.txt`, … */
export const numberedFiles = (n: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`f/${String(i).padStart(2, '0')}.txt`, `${i}\n`]))
