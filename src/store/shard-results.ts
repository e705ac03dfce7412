import type { Artifact } from '@actions/artifact'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../logger.js'
import type { ShardResult } from '../shard/merge.js'
import type { RepoRef } from './github-api.js'
import { lazyArtifactClient, listRunArtifacts, runFindBy } from './artifact-store.js'
import { keyPart, withTimeout } from './types.js'

export interface ShardResultsOptions {
  planId: string
  runId: string
  key: string
  token: string
  repo: RepoRef | null
  logger: Logger
  timeoutMs: number
}

/** What the run's artifacts hold of a sharded run: how many shards, each one's newest final result. */
export interface ShardListing {
  /** Shards in the run (from the names); 0 when no shard uploaded anything. */
  count: number
  /** The newest final result of each shard that has one. */
  finals: Map<number, { artifact: Artifact; attempt: number }>
  /** Why a shard without a final result has none, when its artifacts say. */
  without: Map<number, string>
  /** Every distinct shard count the names carry (more than one is a mix-up of runs). */
  counts: number[]
}

/**
 * Finds the shards' results among the run's artifacts. A shard's checkpoints are artifacts named
 * `bulk-ops-<key><plan-id>-shard<i>of<n>-a<attempt>` (its attempt's final result, with the
 * report) and `…-a<attempt>-s<seq>` (periodic). The runtime listing shows this attempt's; the REST
 * listing with the token shows every attempt's, so shards that passed in an earlier attempt count.
 */
export class ShardResults {
  private readonly client = lazyArtifactClient()

  constructor(private readonly o: ShardResultsOptions) {}

  private prefix(): string {
    return `bulk-ops-${keyPart(this.o.key)}${this.o.planId}-shard`
  }

  /** Where the listing looked, in words. */
  lookingFor(): string {
    return `artifacts of run ${this.o.runId} named '${this.prefix()}<i>of<n>-a<attempt>'`
  }

  async list(): Promise<ShardListing> {
    const name = new RegExp(`^${escapeRe(this.prefix())}(\\d+)of(\\d+)-a(\\d+)(?:-s(\\d+))?$`)
    const { seen, failures, tried } = await listRunArtifacts(this.client, this.o, n => name.test(n))
    if (tried === 1)
      this.o.logger.warning(
        "merge: no github-token, so only this attempt's artifacts are listed; shards that passed in an earlier attempt are not found"
      )
    if (failures.length === tried) throw new Error(`cannot list the run's artifacts (${failures.join('; ')})`)
    for (const f of failures) this.o.logger.warning(`merge: ${f}`)
    const counts = new Set<number>()
    const finals = new Map<number, { artifact: Artifact; attempt: number }>()
    const periodic = new Map<number, number>()
    for (const a of seen.values()) {
      const m = name.exec(a.name)!
      const [i, n, attempt] = [Number(m[1]), Number(m[2]), Number(m[3])]
      counts.add(n)
      if (m[4] !== undefined) {
        periodic.set(i, Math.max(periodic.get(i) ?? 0, attempt))
        continue
      }
      const had = finals.get(i)
      if (!had || had.attempt < attempt) finals.set(i, { artifact: a, attempt })
    }
    const without = new Map<number, string>()
    for (const [i, attempt] of periodic) {
      if ((finals.get(i)?.attempt ?? 0) >= attempt) continue
      without.set(
        i,
        `incomplete (attempt ${attempt} saved checkpoints but no final result: its runner was lost or cancelled before the end)`
      )
    }
    return {
      count: counts.size === 1 ? [...counts][0] : 0,
      finals,
      without,
      counts: [...counts].sort((a, b) => a - b)
    }
  }

  /** Downloads one shard's final result into `dir` (emptied first). */
  async download(i: number, listing: ShardListing, dir: string): Promise<ShardResult> {
    const f = listing.finals.get(i)!
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    await withTimeout(
      this.client().then(c => c.downloadArtifact(f.artifact.id, { path: dir, ...runFindBy(this.o) })),
      this.o.timeoutMs,
      'artifact download'
    )
    return { index: i, artifact: f.artifact.name, attempt: f.attempt, dir }
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The directory a shard's result is downloaded to. */
export function shardDir(localDir: string, i: number): string {
  return join(localDir, 'shards', String(i))
}
