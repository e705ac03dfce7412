import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PLAN_FILE, SNAPSHOT_FILE, SNAPSHOT_PREV_FILE, WAL_FILE } from '../journal/journal.js'
import { writeAtomic } from '../journal/snapshot.js'
import type { ShardSpec } from '../shard/assign.js'
import type { DeltaManifest } from './delta.js'
import { fileChunks } from './hasher.js'

export const MANIFEST_FILE = 'checkpoint.json'
/** The workspace delta's new content: a thin git pack (see captureDelta). */
export const PACK_FILE = 'delta.pack'
/** The pack's index, written by git with a pack cut whole (a shard's final result; see captureDelta). */
export const IDX_FILE = 'delta.idx'
/** The files a checkpoint carries besides its manifest. */
export const CHECKPOINT_FILES = [SNAPSHOT_FILE, WAL_FILE, PLAN_FILE, PACK_FILE, IDX_FILE] as const
/** A checkpoint larger than this is refused on restore (it is input from elsewhere). */
export const MAX_CHECKPOINT_BYTES = 4 * 1024 * 1024 * 1024

/** Everything needed to trust and apply a checkpoint, written last so a partial one has none. */
export interface CheckpointManifest {
  format: 'bulk-ops-checkpoint'
  /** 2: the delta's content is a pack (1 carried a binary patch, which this version cannot read). */
  version: 2
  planId: string
  runId: string
  attempt: number
  /** First seq not done when it was taken. */
  seq: number
  /** Operations done when it was taken. */
  done: number
  createdAt: string
  delta: DeltaManifest
  /** Taken by a shard's run (§8): which shard of how many. */
  shard?: ShardSpec
  files: Record<string, { bytes: number; sha256: string }>
}

/** A checkpoint that does not verify; nothing from it was applied. */
export class CheckpointError extends Error {}

function sha256File(p: string): string {
  const h = createHash('sha256')
  // Through one reused buffer: a result's files are megabytes.
  for (const part of fileChunks(p)) h.update(part)
  return h.digest('hex')
}

/**
 * Copies the journal files into `dir` beside the delta pack already written there, then
 * writes the manifest with every file's size and SHA-256.
 */
export function sealCheckpoint(
  dir: string,
  journalDir: string,
  meta: Omit<CheckpointManifest, 'format' | 'version' | 'files' | 'createdAt'>
): CheckpointManifest {
  rmSync(join(dir, MANIFEST_FILE), { force: true })
  for (const f of [SNAPSHOT_FILE, WAL_FILE, PLAN_FILE]) {
    const src = join(journalDir, f)
    if (existsSync(src)) copyFileSync(src, join(dir, f))
    else rmSync(join(dir, f), { force: true })
  }
  const files: CheckpointManifest['files'] = {}
  for (const f of CHECKPOINT_FILES) {
    const p = join(dir, f)
    if (existsSync(p)) files[f] = { bytes: statSync(p).size, sha256: sha256File(p) }
  }
  const manifest: CheckpointManifest = {
    format: 'bulk-ops-checkpoint',
    version: 2,
    ...meta,
    createdAt: new Date().toISOString(),
    files
  }
  writeAtomic(join(dir, MANIFEST_FILE), JSON.stringify(manifest))
  return manifest
}

/** Reads and verifies a restored checkpoint: shape, sizes, checksums, plan. Throws CheckpointError. */
export function openCheckpoint(
  dir: string,
  planId: string,
  maxBytes = MAX_CHECKPOINT_BYTES
): CheckpointManifest {
  const m = readCheckpoint(dir, planId, maxBytes)
  checkSums(dir, m)
  return m
}

/**
 * A restored checkpoint's manifest, checked for its shape, plan and every file's size, but not yet
 * for their checksums (checkSums): nothing of it may be used before those are checked too.
 */
export function readCheckpoint(
  dir: string,
  planId: string,
  maxBytes = MAX_CHECKPOINT_BYTES
): CheckpointManifest {
  const mpath = join(dir, MANIFEST_FILE)
  if (!existsSync(mpath)) throw new CheckpointError('it has no manifest (an incomplete save)')
  if (statSync(mpath).size > 512 * 1024 * 1024) throw new CheckpointError('its manifest is implausibly large')
  let m: CheckpointManifest
  try {
    m = JSON.parse(readFileSync(mpath, 'utf8')) as CheckpointManifest
  } catch {
    throw new CheckpointError('its manifest is not JSON')
  }
  if (m?.format !== 'bulk-ops-checkpoint') throw new CheckpointError('it is not a bulk-ops checkpoint')
  if (m.version !== 2)
    throw new CheckpointError(
      `it is a checkpoint of format ${String(m.version)}, made by another version of bulk-ops (this one reads format 2)`
    )
  if (m.planId !== planId)
    throw new CheckpointError(`it belongs to another plan (${String(m.planId)}, this is ${planId})`)
  if (!m.delta || !Array.isArray(m.delta.entries) || !m.delta.base || typeof m.delta.base.tree !== 'string') {
    throw new CheckpointError('its delta manifest is malformed')
  }
  let total = 0
  for (const f of CHECKPOINT_FILES) {
    const want = m.files?.[f]
    const p = join(dir, f)
    if (!want) {
      if (f === SNAPSHOT_FILE || f === WAL_FILE) throw new CheckpointError(`it lacks ${f}`)
      continue
    }
    if (!existsSync(p)) throw new CheckpointError(`${f} is missing`)
    const bytes = statSync(p).size
    total += bytes
    if (bytes !== want.bytes)
      throw new CheckpointError(`${f} has ${bytes} bytes, the manifest says ${want.bytes}`)
    if (total > maxBytes) throw new CheckpointError(`it is larger than ${maxBytes} bytes`)
  }
  return m
}

/**
 * Checks the checksums of the files among `files` that a checkpoint read by readCheckpoint lists.
 * Throws CheckpointError.
 */
export function checkSums(
  dir: string,
  m: CheckpointManifest,
  files: readonly string[] = CHECKPOINT_FILES
): void {
  for (const f of files) {
    const want = m.files?.[f as (typeof CHECKPOINT_FILES)[number]]
    if (want && sha256File(join(dir, f)) !== want.sha256) throw new CheckpointError(`${f} fails its checksum`)
  }
}

/** Replaces the journal in `journalDir` with the checkpoint's (after it verified). */
export function installJournal(dir: string, journalDir: string): void {
  mkdirSync(journalDir, { recursive: true })
  rmSync(join(journalDir, SNAPSHOT_PREV_FILE), { force: true })
  for (const f of [SNAPSHOT_FILE, WAL_FILE, PLAN_FILE]) {
    rmSync(join(journalDir, f), { force: true })
    if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(journalDir, f))
  }
}
