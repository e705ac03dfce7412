import type { StoreKind } from '../inputs.js'

/** Identifies one checkpoint save. */
export interface CheckpointId {
  planId: string
  runId: string
  attempt: number
  /** First seq not done when it was taken. */
  seq: number
  /** The attempt's last checkpoint (kept for audit in the artifact store). */
  final?: boolean
}

/** A checkpoint a store can restore, newest first in `candidates()`. */
export interface Candidate {
  store: StoreKind
  /** Cache key (or key prefix when `exact` is false) or artifact name. */
  name: string
  exact: boolean
  artifactId?: number
  attempt?: number
  createdAt?: string
}

/** Where checkpoints go between attempts. Failures are reported as warnings by the caller, never fatal. */
export interface CheckpointStore {
  readonly kind: StoreKind
  /** Saves the directory; returns the key or name, or null when the store refused (already warned). */
  save(dir: string, id: CheckpointId): Promise<string | null>
  /** Checkpoints this run may resume from, newest first. */
  candidates(): Promise<Candidate[]>
  /** What `candidates()` looks for, in words that name the key prefix or artifact names. */
  lookingFor(): string
  /** Restores a candidate into an empty `dir`; false when it is not there any more. */
  restore(c: Candidate, dir: string): Promise<boolean>
  /** Removes checkpoints no longer needed once the run is complete. */
  cleanup(): Promise<void>
  /** Bytes of the checkpoints this store keeps for the run now. */
  storedBytes(): number
}

/** Text of `key` input made safe for cache keys and artifact names. */
export function keyPart(key: string): string {
  const clean = key
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
  return clean ? `${clean}-` : ''
}

/** Rejects after `ms` so a hanging service cannot hold the job; the operation itself is abandoned. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)}s`)), ms)
    timer.unref()
  })
  return Promise.race([p, t]).finally(() => clearTimeout(timer))
}
