// One job of a sharded run for the `shards` phase of `npm run bench` (scripts/bench-shards.mjs
// bundles this with esbuild and runs it in a child process per job). argv[2] is JSON:
// { mode: 'run', plan, workspace, localDir, shard?: { index, count }, out } runs the plan (a shard of
// it, or all of it) and takes the final checkpoint the action uploads (delta, journal, report) into
// `out`; { mode: 'merge', plan, workspace, localDir, count, results: [{ index, dir }] } merges them.
// Prints one line `BENCH_RESULT <json>` with the phases' times.
import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Checkpointer } from '../src/checkpoint/manager.js'
import { runPlan } from '../src/engine.js'
import { silentLogger } from '../src/logger.js'
import { loadPlanFile } from '../src/plan/load.js'
import { Sandbox } from '../src/plan/paths.js'
import { preflight } from '../src/plan/preflight.js'
import type { ShardSpec } from '../src/shard/assign.js'
import { mergeShards, REPORT_FILE } from '../src/shard/merge.js'

interface RunArgs {
  mode: 'run'
  plan: string
  workspace: string
  localDir: string
  shard?: ShardSpec
  out: string
}

interface MergeArgs {
  mode: 'merge'
  plan: string
  workspace: string
  localDir: string
  count: number
  results: { index: number; dir: string }[]
}

const args = JSON.parse(process.argv[2] ?? '{}') as RunArgs | MergeArgs
const t0 = performance.now()
const plan = await loadPlanFile(args.plan)
const sandbox = new Sandbox(args.workspace)
await sandbox.init()
await preflight(plan, sandbox)

if (args.mode === 'run') {
  const cp = new Checkpointer({
    plan,
    workspace: args.workspace,
    localDir: args.localDir,
    runId: '1',
    attempt: 1,
    stores: [],
    logger: silentLogger,
    ...(args.shard ? { shard: args.shard } : {})
  })
  await cp.begin()
  const t1 = performance.now()
  const { report } = await runPlan({
    plan,
    workspace: args.workspace,
    stateDir: cp.paths.journal,
    checkpointEveryMs: 60_000,
    logger: silentLogger,
    ...(args.shard ? { shard: args.shard } : {})
  })
  const t2 = performance.now()
  await cp.capture(true)
  cpSync(cp.paths.staging, args.out, { recursive: true })
  writeFileSync(join(args.out, REPORT_FILE), JSON.stringify(report))
  const t3 = performance.now()
  console.log(
    `BENCH_RESULT ${JSON.stringify({ counts: report.counts, setupMs: t1 - t0, runMs: t2 - t1, captureMs: t3 - t2, packBytes: cp.lastManifest?.delta.packBytes ?? 0 })}`
  )
} else {
  const t1 = performance.now()
  const report = await mergeShards({
    plan,
    workspace: args.workspace,
    localDir: args.localDir,
    count: args.count,
    results: args.results.map(r => ({ ...r, artifact: `shard ${r.index}`, attempt: 1 })),
    attempt: 1,
    logger: silentLogger
  })
  console.log(
    `BENCH_RESULT ${JSON.stringify({ counts: report.counts, setupMs: t1 - t0, mergeMs: performance.now() - t1 })}`
  )
}
