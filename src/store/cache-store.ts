import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { deleteCache, listCaches, type RepoRef } from './github-api.js'
import type { Ledger } from './ledger.js'
import { keyPart, withTimeout, type Candidate, type CheckpointId, type CheckpointStore } from './types.js'

/** @actions/cache, loaded on first use (see lazyArtifactClient in artifact-store.ts). */
const cacheClient = (): Promise<typeof import('@actions/cache')> => import('@actions/cache')

export interface CacheStoreOptions {
  planId: string
  runId: string
  key: string
  scope: 'run' | 'ref'
  token: string
  repo: RepoRef | null
  ledger: Ledger
  logger: Logger
  timeoutMs: number
}

/**
 * The cache's entry version hashes the path strings it is given, and its archive holds them
 * relative to GITHUB_WORKSPACE (it also extracts there). Both would tie a checkpoint to the
 * runner's paths (RUNNER_TEMP, the workspace), so the cache is handed the checkpoint directory by
 * its bare name, from its parent, with GITHUB_WORKSPACE set to that parent for the call: the
 * version and the archive are then the same on every runner. The change of directory is
 * process-wide, so calls take turns.
 */
let turn: Promise<unknown> = Promise.resolve()
export function atFixedPath<T>(dir: string, fn: (name: string) => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const cwd = process.cwd()
    const had = Object.hasOwn(process.env, 'GITHUB_WORKSPACE')
    const ws = process.env.GITHUB_WORKSPACE
    process.chdir(dirname(dir))
    process.env.GITHUB_WORKSPACE = dirname(dir)
    try {
      return await fn(basename(dir))
    } finally {
      process.chdir(cwd)
      if (had) process.env.GITHUB_WORKSPACE = ws
      else delete process.env.GITHUB_WORKSPACE
    }
  }
  const p = turn.then(run, run)
  turn = p.catch(() => {})
  return p
}

function bytesOf(dir: string): number {
  let n = 0
  for (const f of readdirSync(dir)) n += statSync(join(dir, f)).size
  return n
}

/**
 * Checkpoints in the Actions cache. Keys are immutable, so every save has a new key
 * (`bulk-ops-<plan-id>-<run_id>-<attempt>-<seq>`); restore takes the newest by prefix. When the
 * token allows, superseded entries are deleted so checkpoints do not crowd out other caches.
 */
export class CacheStore implements CheckpointStore {
  readonly kind = 'cache' as const
  private deleteDenied = false

  constructor(private readonly o: CacheStoreOptions) {}

  /** Key prefix of the checkpoints this run may resume from. */
  prefix(): string {
    const base = `bulk-ops-${keyPart(this.o.key)}${this.o.planId}-`
    return this.o.scope === 'run' ? `${base}${this.o.runId}-` : base
  }

  async save(dir: string, id: CheckpointId): Promise<string | null> {
    const mode = (process.env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase()
    if (mode === 'read' || mode === 'none') {
      this.o.logger.warning(
        `cache: ACTIONS_CACHE_MODE=${mode} forbids saving; checkpoint not saved to the cache`
      )
      return null
    }
    const base = `bulk-ops-${keyPart(this.o.key)}${id.planId}-${id.runId}-${id.attempt}-${id.seq}`
    const used = new Set(this.o.ledger.entries.filter(e => e.store === 'cache').map(e => e.name))
    let key = base
    for (let n = 2; used.has(key); n++) key = `${base}.${n}`
    const bytes = bytesOf(dir)
    let cacheId: number
    try {
      cacheId = await withTimeout(
        atFixedPath(dir, async name => (await cacheClient()).saveCache([name], key)),
        this.o.timeoutMs,
        'cache save'
      )
    } catch (err) {
      this.o.logger.warning(`cache: checkpoint ${key} not saved: ${errorMessage(err)}`)
      return null
    }
    if (cacheId === -1) {
      this.o.logger.warning(
        `cache: checkpoint ${key} not saved (the cache service refused it; see the lines above)`
      )
      return null
    }
    const previous = this.o.ledger.live('cache')
    this.o.ledger.add({ store: 'cache', name: key, bytes, seq: id.seq })
    this.o.logger.info(`cache: saved checkpoint ${key} (${bytes} bytes)`)
    for (const p of previous) await this.remove(p.name)
    return key
  }

  private async remove(key: string): Promise<void> {
    if (this.deleteDenied || !this.o.repo || !this.o.token) return
    try {
      await withTimeout(deleteCache(this.o.token, this.o.repo, key), this.o.timeoutMs, 'cache delete')
      this.o.ledger.markDeleted('cache', key)
    } catch (err) {
      this.deleteDenied = true
      this.o.logger.warning(
        `cache: could not delete superseded checkpoint ${key} (${errorMessage(err)}); grant 'actions: write' to let bulk-ops keep the cache tidy`
      )
    }
  }

  async candidates(): Promise<Candidate[]> {
    const prefix = this.prefix()
    if (this.o.repo && this.o.token) {
      try {
        const list = await withTimeout(
          listCaches(this.o.token, this.o.repo, prefix),
          this.o.timeoutMs,
          'cache listing'
        )
        if (list.length) {
          return list.map(e => ({ store: 'cache', name: e.key, exact: true, createdAt: e.created_at }))
        }
      } catch (err) {
        this.o.logger.debug(
          `cache: listing by REST failed (${errorMessage(err)}); asking for the newest by prefix`
        )
      }
    }
    return [{ store: 'cache', name: prefix, exact: false }]
  }

  lookingFor(): string {
    return `cache entries with the key prefix '${this.prefix()}'`
  }

  async restore(c: Candidate, dir: string): Promise<boolean> {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const got = await withTimeout(
      atFixedPath(dir, async name =>
        (await cacheClient()).restoreCache([name], c.name, c.exact ? [] : [c.name])
      ),
      this.o.timeoutMs,
      'cache restore'
    )
    if (!got) return false
    if (c.exact && got !== c.name) return false
    c.name = got
    c.exact = true
    return true
  }

  async cleanup(): Promise<void> {
    for (const e of this.o.ledger.live('cache')) await this.remove(e.name)
  }

  storedBytes(): number {
    return this.o.ledger.live('cache').reduce((n, e) => n + e.bytes, 0)
  }
}
