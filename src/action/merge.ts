import * as core from '@actions/core'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Outputs } from '../constants.js'
import type { ActionInputs } from '../inputs.js'
import { writeAtomic } from '../journal/snapshot.js'
import type { Plan } from '../plan/types.js'
import { actionOutputs } from '../report/outputs.js'
import { renderCompact } from '../report/summary.js'
import { MergeRefusal, mergeShards, type ShardResult } from '../shard/merge.js'
import { repoFromEnv } from '../store/github-api.js'
import { shardDir, ShardResults } from '../store/shard-results.js'
import { STORE_TIMEOUT_ENV } from '../constants.js'
import { keyPart } from '../store/types.js'
import { coreLogger, publish, summaryContext } from './main.js'

/**
 * The merge job (`merge: true`): finds every shard's newest final result among the run's
 * artifacts, merges them into the fresh checkout (all or nothing), and reports the whole plan:
 * outputs, job summary, PR comment. Refusals fail the step with nothing changed.
 */
export async function runMergeJob(inputs: ActionInputs, plan: Plan, workspace: string): Promise<void> {
  if (!process.env.ACTIONS_RESULTS_URL || !process.env.ACTIONS_RUNTIME_TOKEN) {
    throw new MergeRefusal(
      "merge: the Actions runtime (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN) is not available, so the shards' artifacts cannot be listed"
    )
  }
  const temp = process.env.RUNNER_TEMP
  if (!temp) throw new Error('RUNNER_TEMP is not set; bulk-ops keeps its work there')
  const localDir = join(temp, 'bulk-ops', `${keyPart(inputs.key)}${plan.planId}-merge`)
  rmSync(localDir, { recursive: true, force: true })
  mkdirSync(localDir, { recursive: true })
  const runId = process.env.GITHUB_RUN_ID ?? '0'
  const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? '1') || 1
  const source = new ShardResults({
    planId: plan.planId,
    runId,
    key: inputs.key,
    token: inputs.githubToken,
    repo: repoFromEnv(),
    logger: coreLogger,
    timeoutMs: (Number(process.env[STORE_TIMEOUT_ENV] ?? '') || 300) * 1000
  })
  const listing = await core.group('Find the shards', () => source.list())
  if (listing.counts.length > 1) {
    throw new MergeRefusal(
      `cannot merge: the run's artifacts hold shards of ${listing.counts.join(' and ')} (shard inputs with different n), so nothing was changed; every shard of one matrix must use the same n`
    )
  }
  if (!listing.count) {
    throw new MergeRefusal(
      `cannot merge: no shard of plan ${plan.planId} uploaded a result in this run (looked for ${source.lookingFor()}), so nothing was changed. The matrix job must run with shard: i/n and a store that includes artifact, and the merge job must need it.`
    )
  }
  const results: ShardResult[] = []
  await core.group("Download the shards' results", async () => {
    for (let i = 1; i <= listing.count; i++) {
      if (!listing.finals.has(i) || listing.without.has(i)) continue
      results.push(await source.download(i, listing, shardDir(localDir, i)))
      core.info(`shard ${i}: ${results[results.length - 1].artifact}`)
    }
  })
  const report = await mergeShards({
    plan,
    workspace: inputs.workingDirectory,
    localDir,
    count: listing.count,
    results,
    without: listing.without,
    attempt,
    logger: coreLogger
  })
  const reportPath = join(localDir, 'report.json')
  mkdirSync(dirname(reportPath), { recursive: true })
  writeAtomic(reportPath, JSON.stringify(report, null, 2) + '\n')
  const ctx = summaryContext(inputs, workspace, { reportPath })
  const compact = renderCompact(report, ctx)
  const outputs = actionOutputs(report, { resumed: false, reportPath, summary: compact, checkpointKey: '' })
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  core.setOutput(Outputs.PlanId, plan.planId)
  await publish(report, ctx, compact, inputs, workspace)
}
