import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import { Journal, SNAPSHOT_FILE } from '../journal/journal.js'
import type { RunState } from '../journal/state.js'
import { writeAtomic } from '../journal/snapshot.js'
import type { Logger } from '../logger.js'
import type { Plan } from '../plan/types.js'
import type { ShardSpec } from '../shard/assign.js'
import type { Candidate, CheckpointStore } from '../store/types.js'
import {
  openCheckpoint,
  installJournal,
  sealCheckpoint,
  IDX_FILE,
  PACK_FILE,
  CheckpointError,
  type CheckpointManifest
} from './checkpoint.js'
import {
  captureBase,
  captureDelta,
  deltaContext,
  refreshDue,
  refreshIndex,
  type DeltaBase,
  type DeltaContext
} from './delta.js'
import { applyDelta, verifyDelta } from './restore.js'
import { touchedPaths } from './touched.js'

/** Local layout under RUNNER_TEMP for one plan: journal, staging, the private git directory, the base. */
export function localPaths(localDir: string): {
  journal: string
  staging: string
  restore: string
  git: string
  base: string
  ledger: string
} {
  return {
    journal: join(localDir, 'journal'),
    staging: join(localDir, 'checkpoint'),
    // The cache is handed this directory by its name alone (see atFixedPath): restore under the same name.
    restore: join(localDir, 'checkpoint'),
    git: join(localDir, 'git'),
    base: join(localDir, 'base.json'),
    ledger: join(localDir, 'stores.json')
  }
}

export interface RestoreResult {
  restored: boolean
  /** Where the restore looked and why nothing there was used (when nothing was restored). */
  lookedFor?: string[]
  from?: { store: string; name: string; attempt: number; seq: number; done: number }
  /** The checkpoint was made on another commit (resume-scope: ref): done operations are re-checked. */
  reverify: boolean
}

export interface CheckpointerOptions {
  plan: Plan
  workspace: string
  localDir: string
  runId: string
  attempt: number
  stores: CheckpointStore[]
  logger: Logger
  /** The plan's part of store keys and names (the plan id, with the shard in a shard); the plan id by default. */
  tag?: string
  /** In a shard: which one (recorded in the manifest, for the merge). */
  shard?: ShardSpec
}

/**
 * Takes and restores checkpoints: one consistent cut of journal + workspace delta, sealed with
 * checksums, saved to every configured store; restored only after it verifies, never half.
 */
export class Checkpointer {
  readonly paths: ReturnType<typeof localPaths>
  ctx!: DeltaContext
  base!: DeltaBase
  lastKey = ''
  lastManifest?: CheckpointManifest
  /** The private index's refresh after the base (see refreshIndex): due at `at`, then running. */
  private refresh?: { at: number; timer: NodeJS.Timeout | null; running: Promise<unknown> | null }

  constructor(private readonly o: CheckpointerOptions) {
    this.paths = localPaths(o.localDir)
  }

  /** Records the workspace as this attempt found it (before any restore). */
  async begin(): Promise<void> {
    mkdirSync(this.o.localDir, { recursive: true })
    this.ctx = await deltaContext(this.o.workspace, this.paths.git)
    this.base = await captureBase(this.ctx)
    writeAtomic(this.paths.base, JSON.stringify(this.base))
    this.scheduleRefresh()
  }

  /**
   * Refreshes the private index in the background once the second the base was hashed in is over,
   * while the plan runs, so that the captures hash only what changed (see refreshIndex).
   */
  private scheduleRefresh(): void {
    const written = statSync(this.ctx.indexFile, { throwIfNoEntry: false })
    if (!written) return
    const r: NonNullable<Checkpointer['refresh']> = {
      at: refreshDue(written.mtimeMs),
      timer: null,
      running: null
    }
    r.timer = setTimeout(
      () => {
        r.timer = null
        // A refresh that fails leaves the index as it was: the capture then hashes more.
        r.running = refreshIndex(this.ctx).catch(() => false)
      },
      Math.max(0, r.at - Date.now())
    )
    r.timer.unref()
    this.refresh = r
  }

  /** The refresh is over before a capture stages (they share the index); one not yet due is left to the capture's own stage. */
  private async refreshed(): Promise<void> {
    const r = this.refresh
    if (!r) return
    this.refresh = undefined
    if (r.timer) {
      clearTimeout(r.timer)
      if (Date.now() >= r.at) r.running = refreshIndex(this.ctx).catch(() => false)
    }
    await r.running
  }

  /** For the post step: the base and index the main step left behind. */
  async reopen(): Promise<void> {
    this.ctx = await deltaContext(this.o.workspace, this.paths.git)
    this.base = JSON.parse(readFileSync(this.paths.base, 'utf8')) as DeltaBase
  }

  /**
   * Restores the newest usable checkpoint. Each candidate is downloaded, verified (checksums,
   * plan, delta preimage) and only then applied. Throws when checkpoints exist but none can be
   * used: a checkpoint is never silently replaced by a fresh start.
   *
   * `begun` is begin's outcome, which may still be on its way: the stores are listed and the
   * newest checkpoint downloaded and checked meanwhile (none of that needs the base); nothing is
   * installed before it is true, and nothing is restored when it is false (checkpoints are off).
   */
  async restore(
    scope: 'run' | 'ref',
    begun: Promise<boolean> = Promise.resolve(true)
  ): Promise<RestoreResult> {
    const refused: string[] = []
    const looked: string[] = []
    for (const store of this.o.stores) {
      let candidates: Candidate[]
      try {
        candidates = await store.candidates()
      } catch (err) {
        this.o.logger.warning(`${store.kind}: cannot list checkpoints: ${errorMessage(err)}`)
        looked.push(`${store.lookingFor()}: the listing failed (${errorMessage(err)})`)
        continue
      }
      let found = 0
      for (const c of candidates) {
        const label = `${store.kind} ${c.name}`
        try {
          if (!(await store.restore(c, this.paths.restore))) continue
          found++
          const m = openCheckpoint(this.paths.restore, this.o.plan.planId)
          if (!(await begun)) return { restored: false, reverify: false, lookedFor: [] }
          const otherCommit = scope === 'ref' && m.delta.base.head !== this.base.head
          // The journal must load (checksums, records) before the workspace is touched.
          installJournal(this.paths.restore, this.paths.journal)
          Journal.load(this.paths.journal)
          if (!otherCommit) {
            const verified = await verifyDelta(this.ctx, this.base, m.delta, [
              {
                file: join(this.paths.restore, PACK_FILE),
                entries: m.delta.entries,
                thin: m.delta.packThin,
                // openCheckpoint checked every file's checksum.
                ...(m.files[IDX_FILE]
                  ? { idx: { file: join(this.paths.restore, IDX_FILE), checked: Promise.resolve() } }
                  : {})
              }
            ])
            await applyDelta(this.ctx, m.delta, verified)
          }
          this.o.logger.info(
            `restored checkpoint ${c.name} from the ${store.kind} (attempt ${m.attempt}, ${m.done} operations done, resuming at #${m.seq})${otherCommit ? '; it was made on another commit, so done operations are re-checked instead of applying its changes' : ''}`
          )
          return {
            restored: true,
            from: { store: store.kind, name: c.name, attempt: m.attempt, seq: m.seq, done: m.done },
            reverify: otherCommit
          }
        } catch (err) {
          const why = err instanceof CheckpointError ? `refused: ${err.message}` : errorMessage(err)
          refused.push(`${label}: ${why}`)
          this.o.logger.warning(`checkpoint ${label} cannot be used (${why}); trying an older one`)
          rmSync(this.paths.journal, { recursive: true, force: true })
        }
      }
      if (!found)
        looked.push(
          `${store.lookingFor()}: ${candidates.some(c => c.exact) ? `${candidates.length} listed, none could be downloaded` : 'none found'}`
        )
    }
    // With checkpoints off, what the stores hold does not matter here.
    if (!(await begun)) return { restored: false, reverify: false, lookedFor: [] }
    if (refused.length > 0) {
      throw new Error(
        `found ${refused.length} checkpoint(s) but none can be used, so nothing was restored:\n  ${refused.join('\n  ')}\n` +
          'Set resume: never to start over deliberately, or fix the workspace so it matches.'
      )
    }
    for (const l of looked) this.o.logger.info(`no checkpoint to resume from: ${l}`)
    return { restored: false, reverify: false, lookedFor: looked }
  }

  /** Captures the delta and journal into the staging directory and saves it to every store. */
  async capture(final: boolean, live?: RunState): Promise<string[]> {
    if (!existsSync(join(this.paths.journal, SNAPSHOT_FILE))) {
      // Killed before its first snapshot: a checkpoint always carries one (the restore requires it).
      const j = Journal.open(this.paths.journal, this.o.plan)
      j.snapshot()
      j.close()
    }
    const state = live ?? Journal.load(this.paths.journal, { readOnly: true }).state
    rmSync(this.paths.staging, { recursive: true, force: true })
    mkdirSync(this.paths.staging, { recursive: true })
    await this.refreshed()
    const delta = await captureDelta(
      this.ctx,
      this.base,
      touchedPaths(this.o.plan, state),
      state.createdDirs,
      join(this.paths.staging, PACK_FILE),
      // A shard's final result is for the merge, which then needs no bases, nor to index it.
      final && this.o.shard !== undefined,
      join(this.paths.staging, IDX_FILE)
    )
    let done = 0
    for (let q = 0; q < state.total; q++) if (state.isDone(q)) done++
    const seq = state.firstUndone() ?? state.total
    this.lastManifest = sealCheckpoint(this.paths.staging, this.paths.journal, {
      planId: this.o.plan.planId,
      runId: this.o.runId,
      attempt: this.o.attempt,
      seq,
      done,
      delta,
      ...(this.o.shard ? { shard: this.o.shard } : {})
    })
    const keys: string[] = []
    for (const store of this.o.stores) {
      try {
        const key = await store.save(this.paths.staging, {
          planId: this.o.tag ?? this.o.plan.planId,
          runId: this.o.runId,
          attempt: this.o.attempt,
          seq,
          final
        })
        if (key) keys.push(key)
      } catch (err) {
        this.o.logger.warning(`${store.kind}: checkpoint not saved: ${errorMessage(err)}`)
      }
    }
    if (keys.length) this.lastKey = keys[0]
    return keys
  }

  /** Bytes stored now across the stores. */
  storedBytes(): number {
    return this.o.stores.reduce((n, s) => n + s.storedBytes(), 0)
  }
}
