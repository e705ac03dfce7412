import { realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { isInside, pathProblem } from './plan/paths.js'
import { parseDuration } from './duration.js'
import { UsageError } from './errors.js'
import { Inputs } from './constants.js'
import { parseParallel, type Parallel } from './plan/parallel.js'
import { MAX_SHARDS, type ShardSpec } from './shard/assign.js'

export type StoreKind = 'cache' | 'artifact'

/** Every action input, typed and checked in one place. */
export interface ActionInputs {
  /** Absolute path of the plan file. */
  plan: string
  /** Absolute directory the plan's paths are rooted in. */
  workingDirectory: string
  /** Checkpoint stores, in order of preference; empty for `none`. */
  stores: StoreKind[]
  resume: 'auto' | 'never' | 'require'
  resumeScope: 'run' | 'ref'
  checkpointEveryMs: number
  timeBudgetMs?: number
  maxAttempts: number
  continueOnError: boolean
  dryRun: boolean
  key: string
  summary: boolean
  githubToken: string
  prComment: boolean
  /** Default `parallel` of the plan's run operations. */
  parallel: Parallel
  /** Run only this shard of the plan's fan-outs (§8); absent for the whole plan. */
  shard?: ShardSpec
  /** Merge the shards of this run into one result instead of running the plan. */
  merge: boolean
}

type GetInput = (name: string) => string

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`input '${name}': '${value}' is not one of ${allowed.join(', ')}`)
}

function bool(name: string, value: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true
  if (/^(false|no|0)$/i.test(value)) return false
  throw new UsageError(`input '${name}': '${value}' is not true or false`)
}

/**
 * Reads every input through `get` (core.getInput in the action) and rejects bad values with
 * the input's name and the value quoted.
 */
export function getInputs(get: GetInput, workspace: string): ActionInputs {
  const val = (name: string, fallback = ''): string => get(name).trim() || fallback
  const planPath = val(Inputs.Plan)
  if (!planPath) throw new UsageError(`input '${Inputs.Plan}' is required`)
  const wd = val(Inputs.WorkingDirectory, '.')
  const workingDirectory = resolve(workspace, wd)
  const wdName = `input '${Inputs.WorkingDirectory}': '${wd}'`
  if (isAbsolute(wd) || !isInside(workspace, workingDirectory))
    throw new UsageError(`${wdName} is not inside the workspace`)
  const rel = relative(workspace, workingDirectory)
  if (rel && pathProblem(rel.split('\\').join('/')))
    throw new UsageError(`${wdName} is inside .git or bulk-ops' own state`)
  const st = statSync(workingDirectory, { throwIfNoEntry: false })
  if (!st) throw new UsageError(`${wdName} does not exist`)
  if (!st.isDirectory()) throw new UsageError(`${wdName} is not a directory`)
  const real = realpathSync(workingDirectory)
  const realTop = realpathSync(workspace)
  const realRel = relative(realTop, real)
  if (!isInside(realTop, real) || (realRel && pathProblem(realRel.split('\\').join('/')))) {
    throw new UsageError(`${wdName} leads outside the workspace (or into .git) through a symlink`)
  }
  const storeText = val(Inputs.Store, 'cache')
  const stores: StoreKind[] = []
  const parts = storeText.split(',').map(s => s.trim())
  if (parts.includes('none') && parts.length > 1) {
    throw new UsageError(
      `input '${Inputs.Store}': '${storeText}' combines 'none' with a store; use 'none' alone`
    )
  }
  if (storeText !== 'none') {
    for (const part of storeText.split(',').map(s => s.trim())) {
      if (part !== 'cache' && part !== 'artifact') {
        throw new UsageError(
          `input '${Inputs.Store}': '${storeText}' is not one of cache, artifact, cache,artifact, none`
        )
      }
      const s: StoreKind = part
      if (stores.includes(s)) throw new UsageError(`input '${Inputs.Store}': '${storeText}' names ${s} twice`)
      stores.push(s)
    }
  }
  const maxText = val(Inputs.MaxAttempts, '3')
  const maxAttempts = Number(maxText)
  if (!/^\d+$/.test(maxText) || maxAttempts < 1 || maxAttempts > 100) {
    throw new UsageError(`input '${Inputs.MaxAttempts}': '${maxText}' is not a whole number from 1 to 100`)
  }
  const checkpointEveryMs = parseDuration(
    val(Inputs.CheckpointEvery, '60s'),
    `input '${Inputs.CheckpointEvery}'`
  )
  if (checkpointEveryMs < 1000) {
    throw new UsageError(
      `input '${Inputs.CheckpointEvery}': '${val(Inputs.CheckpointEvery)}' is shorter than 1s`
    )
  }
  const budgetText = val(Inputs.TimeBudget)
  const timeBudgetMs = budgetText ? parseDuration(budgetText, `input '${Inputs.TimeBudget}'`) : undefined
  if (timeBudgetMs !== undefined && timeBudgetMs <= 0) {
    throw new UsageError(`input '${Inputs.TimeBudget}': '${budgetText}' must be longer than 0`)
  }
  const shard = parseShard(val(Inputs.Shard))
  const merge = bool(Inputs.Merge, val(Inputs.Merge, 'false'))
  if (shard && merge) {
    throw new UsageError(
      `input '${Inputs.Shard}': '${val(Inputs.Shard)}' together with '${Inputs.Merge}: true': a job either runs a shard or merges them (the merge is a job of its own, after the matrix)`
    )
  }
  const dryRun = bool(Inputs.DryRun, val(Inputs.DryRun, 'false'))
  if (merge && dryRun) {
    throw new UsageError(
      `input '${Inputs.DryRun}': 'true' with '${Inputs.Merge}: true': a merge applies the shards' results; run the shards with dry-run instead to see what they would do`
    )
  }
  if (shard && !stores.includes('artifact')) {
    throw new UsageError(
      `input '${Inputs.Store}': '${storeText}' with '${Inputs.Shard}: ${val(Inputs.Shard)}': a shard hands its result to the merge as an artifact, so store must include artifact (e.g. 'cache,artifact')`
    )
  }
  return {
    plan: resolve(workspace, planPath),
    workingDirectory,
    stores,
    resume: oneOf(Inputs.Resume, val(Inputs.Resume, 'auto'), ['auto', 'never', 'require'] as const),
    resumeScope: oneOf(Inputs.ResumeScope, val(Inputs.ResumeScope, 'run'), ['run', 'ref'] as const),
    checkpointEveryMs,
    timeBudgetMs,
    maxAttempts,
    continueOnError: bool(Inputs.ContinueOnError, val(Inputs.ContinueOnError, 'true')),
    dryRun,
    key: val(Inputs.Key),
    summary: bool(Inputs.Summary, val(Inputs.Summary, 'true')),
    githubToken: get(Inputs.GithubToken),
    prComment: bool(Inputs.PrComment, val(Inputs.PrComment, 'false')),
    parallel: parseParallel(val(Inputs.Parallel, '1'), `input '${Inputs.Parallel}'`),
    ...(shard ? { shard } : {}),
    merge
  }
}

/** `i/n` with 1 ≤ i ≤ n ≤ 256, or undefined when empty. */
function parseShard(text: string): ShardSpec | undefined {
  if (!text) return undefined
  const m = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(text)
  const bad = (why: string): never => {
    throw new UsageError(`input '${Inputs.Shard}': '${text}' ${why}`)
  }
  if (!m) return bad(`is not i/n (shard i of n, e.g. '2/4')`)
  const [index, count] = [Number(m[1]), Number(m[2])]
  if (count < 1 || count > MAX_SHARDS) return bad(`has n = ${count}; n must be from 1 to ${MAX_SHARDS}`)
  if (index < 1 || index > count) return bad(`has i = ${index}; i must be from 1 to n (${count})`)
  return { index, count }
}
