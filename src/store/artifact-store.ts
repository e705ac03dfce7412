import { DefaultArtifactClient, type Artifact } from '@actions/artifact'
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

/**
 * Checkpoints as artifacts of this run. Names carry the attempt: periodic checkpoints are
 * `bulk-ops-<plan-id>-a<attempt>-s<seq>` (a newer one replaces the older), the attempt's last one
 * is `bulk-ops-<plan-id>-a<attempt>` and stays for audit. An earlier attempt's artifact is found
 * through the run's artifact list, by REST with the token where the runtime listing lacks it.
 */
export class ArtifactStore implements CheckpointStore {
  readonly kind = 'artifact' as const
  private readonly client = new DefaultArtifactClient()

  constructor(private readonly o: ArtifactStoreOptions) {}

  private prefix(): string {
    return `bulk-ops-${keyPart(this.o.key)}${this.o.planId}-a`
  }

  private findBy():
    | { findBy: { token: string; workflowRunId: number; repositoryOwner: string; repositoryName: string } }
    | undefined {
    if (!this.o.token || !this.o.repo) return undefined
    return {
      findBy: {
        token: this.o.token,
        workflowRunId: Number(this.o.runId),
        repositoryOwner: this.o.repo.owner,
        repositoryName: this.o.repo.repo
      }
    }
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
        this.client.uploadArtifact(name, files, dir, { retentionDays: 7 }),
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
        await withTimeout(this.client.deleteArtifact(p.name), this.o.timeoutMs, 'artifact delete')
        this.o.ledger.markDeleted('artifact', p.name)
      } catch (err) {
        this.o.logger.debug(`artifact: could not delete superseded ${p.name}: ${errorMessage(err)}`)
      }
    }
    return name
  }

  async candidates(): Promise<Candidate[]> {
    const seen = new Map<string, Artifact>()
    const collect = (list: Artifact[]): void => {
      for (const a of list) if (a.name.startsWith(this.prefix()) && NAME.test(a.name)) seen.set(a.name, a)
    }
    try {
      collect(
        (await withTimeout(this.client.listArtifacts(), this.o.timeoutMs, 'artifact listing')).artifacts
      )
    } catch (err) {
      this.o.logger.debug(`artifact: runtime listing failed: ${errorMessage(err)}`)
    }
    const fb = this.findBy()
    if (fb) {
      try {
        collect(
          (await withTimeout(this.client.listArtifacts(fb), this.o.timeoutMs, 'artifact listing')).artifacts
        )
      } catch (err) {
        this.o.logger.debug(`artifact: REST listing failed: ${errorMessage(err)}`)
      }
    }
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
      this.client.downloadArtifact(c.artifactId!, { path: dir, ...this.findBy() }),
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
