// In-process engine measurement for `npm run bench` (scripts/bench.mjs bundles this with esbuild
// and runs it in a child process, one per measurement, so peak RSS belongs to that measurement).
// argv[2] is a JSON object: { plan, workspace, stateDir, checkpointEveryMs?, fresh? }.
// Prints one line `BENCH_RESULT <json>` on stdout.
import { getHeapSpaceStatistics } from 'node:v8'
import { runPlan } from '../src/engine.js'
import { MAX_SEMI_SPACE_MIB } from '../src/heap.js'
import { loadPlanFile } from '../src/plan/load.js'
import { Sandbox } from '../src/plan/paths.js'
import { preflight } from '../src/plan/preflight.js'
import { linesOf, pick, take } from '../src/report/lines.js'

interface EntryArgs {
  plan: string
  workspace: string
  stateDir: string
  checkpointEveryMs?: number
  fresh?: boolean
}

const MiB = 1024 * 1024
const args = JSON.parse(process.argv[2] ?? '{}') as EntryArgs

const t0 = performance.now()
const plan = await loadPlanFile(args.plan)
const sandbox = new Sandbox(args.workspace)
await sandbox.init()
await preflight(plan, sandbox)
const t1 = performance.now()

let firstReportAt: number | null = null
let rssAtFirstReport = 0
let firstNewAt: number | null = null
let reports = 0
const { report, exitCode } = await runPlan({
  plan,
  workspace: args.workspace,
  stateDir: args.stateDir,
  fresh: args.fresh,
  // The CLI's default (--checkpoint-every 60s), so the engine runs as `bulk-ops run` runs it.
  checkpointEveryMs: args.checkpointEveryMs ?? 60_000,
  onProgress: (_counts, r) => {
    reports++
    const at = performance.now()
    if (firstReportAt === null) {
      firstReportAt = at
      rssAtFirstReport = process.memoryUsage.rss()
    }
    if (firstNewAt === null && !(r.outcome === 'skipped' && r.reason === 'done-earlier')) firstNewAt = at
  }
})
const t2 = performance.now()
// Read as the summaries read it, without building every line.
const lines = linesOf(report)
const memAtEnd = process.memoryUsage()

const result = {
  exitCode,
  counts: report.counts,
  /** The first few errors, to tell why a run did not do what the bench expected. */
  errors: take(
    pick(lines, i => lines.outcome(i) === 'failed'),
    3
  ).map(r => `#${r.seq} ${r.error}`),
  reports,
  /** loadPlanFile + Sandbox.init + preflight, as the CLI does before runPlan. */
  loadMs: t1 - t0,
  /** runPlan from call to return (expansion, every operation, final checkpoint). */
  runMs: t2 - t1,
  /** From the runPlan call to the first progress report (mostly glob expansion or state load). */
  firstReportMs: firstReportAt === null ? null : firstReportAt - t1,
  /** From the start (before the plan is loaded) to the first report that is not done-earlier. */
  firstNewMs: firstNewAt === null ? null : firstNewAt - t0,
  /** The same, from the runPlan call. */
  firstNewFromRunMs: firstNewAt === null ? null : firstNewAt - t1,
  /** RSS when the first operation was reported (after expansion), at the end, and the heap in use then. */
  rssAtFirstReportMiB: rssAtFirstReport / MiB,
  rssAtEndMiB: memAtEnd.rss / MiB,
  heapUsedAtEndMiB: memAtEnd.heapUsed / MiB,
  /** The semi-space size the engine bounds the young generation at. */
  youngBoundMiB: MAX_SEMI_SPACE_MIB,
  /** The V8 young generation's committed size at the end. */
  youngMiB:
    getHeapSpaceStatistics()
      .filter(s => s.space_name === 'new_space' || s.space_name === 'new_large_object_space')
      .reduce((n, s) => n + s.space_size, 0) / MiB,
  /** Peak resident set size of this process, MiB (maxRSS is in KiB). */
  maxRssMiB: process.resourceUsage().maxRSS / 1024
}
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`)
process.exitCode = exitCode
