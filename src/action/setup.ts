import { join, resolve } from 'node:path'
import { STORE_TIMEOUT_ENV } from '../constants.js'
import type { ActionInputs } from '../inputs.js'
import type { Logger } from '../logger.js'
import type { Plan } from '../plan/types.js'
import { ArtifactStore } from '../store/artifact-store.js'
import { CacheStore } from '../store/cache-store.js'
import { repoFromEnv } from '../store/github-api.js'
import { Ledger } from '../store/ledger.js'
import { keyPart, type CheckpointStore } from '../store/types.js'
import { Checkpointer, localPaths } from '../checkpoint/manager.js'
import { shardTag } from '../shard/assign.js'

/** RUNNER_TEMP/bulk-ops/<key><plan-id>: never inside the workspace. */
export function localDirFor(planId: string, key: string): string {
  const temp = process.env.RUNNER_TEMP
  if (!temp) throw new Error('RUNNER_TEMP is not set; bulk-ops keeps its journal there')
  return join(resolve(temp), 'bulk-ops', `${keyPart(key)}${planId}`)
}

/** The configured checkpoint stores, each warned about and left out when its service is absent. */
export function makeStores(
  inputs: ActionInputs,
  plan: Plan,
  localDir: string,
  logger: Logger
): CheckpointStore[] {
  const runId = process.env.GITHUB_RUN_ID ?? '0'
  const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? '1') || 1
  const repo = repoFromEnv()
  const ledger = new Ledger(localPaths(localDir).ledger)
  const timeoutMs = (Number(process.env[STORE_TIMEOUT_ENV] ?? '') || 300) * 1000
  const common = {
    planId: storeTag(plan, inputs),
    runId,
    key: inputs.key,
    token: inputs.githubToken,
    repo,
    ledger,
    logger,
    timeoutMs
  }
  const out: CheckpointStore[] = []
  for (const kind of inputs.stores) {
    if (!process.env.ACTIONS_RESULTS_URL || !process.env.ACTIONS_RUNTIME_TOKEN) {
      logger.warning(
        `${kind}: the Actions runtime (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN) is not available; checkpoints are kept locally only`
      )
      continue
    }
    if (kind === 'cache') out.push(new CacheStore({ ...common, scope: inputs.resumeScope }))
    else out.push(new ArtifactStore({ ...common, attempt }))
  }
  return out
}

/**
 * The plan's part of checkpoint keys and artifact names: its id, and in a shard the shard
 * (`<plan-id>-shard2of3`), so each shard resumes from its own checkpoints only.
 */
export function storeTag(plan: Plan, inputs: Pick<ActionInputs, 'shard'>): string {
  return inputs.shard ? `${plan.planId}-${shardTag(inputs.shard)}` : plan.planId
}

export function checkpointer(
  inputs: ActionInputs,
  plan: Plan,
  localDir: string,
  stores: CheckpointStore[],
  logger: Logger
): Checkpointer {
  return new Checkpointer({
    plan,
    workspace: inputs.workingDirectory,
    localDir,
    runId: process.env.GITHUB_RUN_ID ?? '0',
    attempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
    stores,
    logger,
    tag: storeTag(plan, inputs),
    ...(inputs.shard ? { shard: inputs.shard } : {})
  })
}
