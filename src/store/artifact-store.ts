import type { Artifact, DefaultArtifactClient } from '@actions/artifact'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import type { RepoRef } from './github-api.js'
import type { Ledger } from './ledger.js'
import { keyPart, withTimeout, type Candidate, type CheckpointId, type CheckpointStore } from './types.js'

export interface ArtifactStoreOptions {
  planId: string
  runId: string
  attempt: number
  key: string
  token: string
  repo: RepoRef | null
  ledger: Ledger
  logger: Logger
  timeoutMs: number
}

const NAME = /-a(\d+)(?:-s(\d+))?$/

/** The `findBy` of @actions/artifact: this run's artifacts through REST, which holds every attempt's. */
export type FindBy = {
  findBy: { token: string; workflowRunId: number; repositoryOwner: string; repositoryName: string }
}

/** `findBy` for this run; undefined without a token or repository. */
export function runFindBy(o: { token: string; repo: RepoRef | null; runId: string }): FindBy | undefined {
  if (!o.token || !o.repo) return undefined
  return {
    findBy: {
      token: o.token,
      workflowRunId: Number(o.runId),
      repositoryOwner: o.repo.owner,
      repositoryName: o.repo.repo
    }
  }
}

/**
 * An artifact client made on first use, its modules loaded then: they take 0.1 to 0.2 s to load,
 * which a run spends while git reads the checkout (a restore lists the stores meanwhile), not
 * before it can start.
 */
export function lazyArtifactClient(): () => Promise<DefaultArtifactClient> {
  let client: Promise<DefaultArtifactClient> | undefined
  return () => (client ??= import('@actions/artifact').then(m => new m.DefaultArtifactClient()))
}

/**
 * The run's artifacts whose names pass `keep`, by name: the runtime listing (this attempt's) and,
 * with a token, the REST listing (every attempt's). A listing that fails is named in `failures`;
 * `tried` says how many listings were asked.
 */
export async function listRunArtifacts(
  lazyClient: () => Promise<DefaultArtifactClient>,
  o: { token: string; repo: RepoRef | null; runId: string; timeoutMs: number },
  keep: (name: string) => boolean
): Promise<{ seen: Map<string, Artifact>; failures: string[]; tried: number }> {
  const seen = new Map<string, Artifact>()
  const failures: string[] = []
  const fb = runFindBy(o)
  const client = await lazyClient()
  type Listing = [string, () => Promise<{ artifacts: Artifact[] }>]
  const listings: Listing[] = [['runtime listing', () => client.listArtifacts()]]
  if (fb) listings.push(['REST listing', () => client.listArtifacts(fb)])
  for (const [what, list] of listings) {
    try {
      for (const a of (await withTimeout(list(), o.timeoutMs, 'artifact listing')).artifacts)
        if (keep(a.name)) seen.set(a.name, a)
    } catch (err) {
      failures.push(`${what} failed: ${errorMessage(err)}`)
    }
  }
  return { seen, failures, tried: listings.length }
}

/**
 * Checkpoints as artifacts of this run. Names carry the attempt: periodic checkpoints are
 * `bulk-ops-<plan-id>-a<attempt>-s<seq>` (a newer one replaces the older), the attempt's last one
 * is `bulk-ops-<plan-id>-a<attempt>` and stays for audit. An earlier attempt's artifact is found
 * through the run's artifact list, by REST with the token where the runtime listing lacks it.
 */
export class ArtifactStore implements CheckpointStore {
  readonly kind = 'artifact' as const
  private readonly client = lazyArtifactClient()

  constructor(private readonly o: ArtifactStoreOptions) {}

  private prefix(): string {
    return `bulk-ops-${keyPart(this.o.key)}${this.o.planId}-a`
  }

  private findBy(): FindBy | undefined {
    return runFindBy(this.o)
  }

  async save(dir: string, id: CheckpointId): Promise<string | null> {
    const name = `${this.prefix()}${id.attempt}${id.final ? '' : `-s${id.seq}`}`
    if (this.o.ledger.entries.some(e => e.store === 'artifact' && e.name === name)) {
      if (!id.final) return null // no progress since the last save
      this.o.logger.warning(`artifact: ${name} was already uploaded in this attempt`)
      return null
    }
    const files = readdirSync(dir).map(f => join(dir, f))
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0)
    try {
      await withTimeout(
        this.client().then(c => c.uploadArtifact(name, files, dir, { retentionDays: 7 })),
        this.o.timeoutMs,
        'artifact upload'
      )
    } catch (err) {
      this.o.logger.warning(`artifact: checkpoint ${name} not uploaded: ${errorMessage(err)}`)
      return null
    }
    const previous = this.o.ledger.live('artifact').filter(e => NAME.exec(e.name)?.[2] !== undefined)
    this.o.ledger.add({ store: 'artifact', name, bytes, seq: id.seq })
    this.o.logger.info(`artifact: uploaded checkpoint ${name} (${bytes} bytes)`)
    for (const p of previous) {
      try {
        await withTimeout(
          this.client().then(c => c.deleteArtifact(p.name)),
          this.o.timeoutMs,
          'artifact delete'
        )
        this.o.ledger.markDeleted('artifact', p.name)
      } catch (err) {
        this.o.logger.debug(`artifact: could not delete superseded ${p.name}: ${errorMessage(err)}`)
      }
    }
    return name
  }

  async candidates(): Promise<Candidate[]> {
    const { seen, failures } = await listRunArtifacts(
      this.client,
      this.o,
      name => name.startsWith(this.prefix()) && NAME.test(name)
    )
    for (const f of failures) this.o.logger.debug(`artifact: ${f}`)
    const rank = (a: Artifact): [number, number] => {
      const m = NAME.exec(a.name)!
      return [Number(m[1]), m[2] === undefined ? Number.MAX_SAFE_INTEGER : Number(m[2])]
    }
    return [...seen.values()]
      .filter(a => rank(a)[0] <= this.o.attempt)
      .sort((a, b) => {
        const [x, y] = [rank(a), rank(b)]
        return y[0] - x[0] || y[1] - x[1]
      })
      .map(a => ({
        store: 'artifact' as const,
        name: a.name,
        exact: true,
        artifactId: a.id,
        attempt: rank(a)[0]
      }))
  }

  lookingFor(): string {
    return `artifacts named '${this.prefix()}<attempt>' or '${this.prefix()}<attempt>-s<seq>' of run ${this.o.runId}, attempts 1 to ${this.o.attempt}`
  }

  async restore(c: Candidate, dir: string): Promise<boolean> {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    await withTimeout(
      this.client().then(client => client.downloadArtifact(c.artifactId!, { path: dir, ...this.findBy() })),
      this.o.timeoutMs,
      'artifact download'
    )
    return true
  }

  async cleanup(): Promise<void> {
    // The attempt's final artifact stays for audit; superseded ones were removed as they were replaced.
  }

  storedBytes(): number {
    return this.o.ledger.live('artifact').reduce((n, e) => n + e.bytes, 0)
  }
}
