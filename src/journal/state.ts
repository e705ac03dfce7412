import { MatchList } from '../plan/match-list.js'
import type { WalRecord } from './wal.js'

/** Status of one concrete operation, as a byte. */
export const enum St {
  Pending = 0,
  Started = 1,
  Executed = 2,
  Skipped = 3,
  Failed = 4
}

export interface FrozenExpansion {
  /** First seq of this declared operation's concrete operations. */
  seq0: number
  base: string
  /** Its matches, one per concrete operation (large lists packed off the heap: read with `get`). */
  matches: MatchList
  /** Why expansion failed (no match under if-no-match: error, or an error from the filesystem). */
  error?: string
  /** In a shard: the matches of this fan-out that belong to other shards (not run here). */
  others?: MatchList
}

/** A frozen expansion as a format-1 snapshot carries it inline. */
type InlineExpansion = Omit<FrozenExpansion, 'matches' | 'others'> & { matches: string[]; others?: string[] }

export interface AttemptInfo {
  attempt: number
  startedAt: number
  endedAt?: number
  how?: string
  executed?: number
  skipped?: number
  failed?: number
  pending?: number
}

function grow<T extends Uint8Array | Uint16Array>(a: T, n: number, make: (n: number) => T): T {
  if (n <= a.length) return a
  const b = make(Math.max(n, a.length * 2, 1024))
  b.set(a)
  return b
}

/**
 * The compact state of a run: a few bytes per concrete operation (status, tries, the attempt
 * that finished it), plus the frozen expansions and the last error of failed ones. Built by
 * applying WAL records, so replay and live recording share one code path.
 */
export class RunState {
  planId = ''
  expansions: (FrozenExpansion | undefined)[] = []
  total = 0
  status = new Uint8Array(1024)
  tries = new Uint8Array(1024)
  doneBy = new Uint16Array(1024)
  errors = new Map<number, string>()
  /** Post-image hashes of operations started but not finished, for reconciling replace. */
  startedHash = new Map<number, string>()
  attempts: AttemptInfo[] = []
  /** Directories created by completed operations (the checkpoint delta needs them). */
  createdDirs = new Set<string>()

  private ensure(n: number): void {
    this.status = grow(this.status, n, k => new Uint8Array(k))
    this.tries = grow(this.tries, n, k => new Uint8Array(k))
    this.doneBy = grow(this.doneBy, n, k => new Uint16Array(k))
  }

  get lastAttempt(): number {
    return this.attempts.length ? this.attempts[this.attempts.length - 1].attempt : 0
  }

  /** True when an operation completed (executed or skipped) in some attempt. */
  isDone(seq: number): boolean {
    const s = this.status[seq]
    return s === St.Executed || s === St.Skipped
  }

  apply(r: WalRecord): void {
    const q = (r as { q?: number }).q
    if (q !== undefined && q >= this.total) {
      throw new Error(`journal record '${r.t}' names operation #${q}, but only ${this.total} are known`)
    }
    switch (r.t) {
      case 'begin':
        this.planId = r.plan
        this.attempts.push({ attempt: r.a, startedAt: r.at })
        break
      case 'end': {
        const a = this.attempts.find(x => x.attempt === r.a)
        if (a)
          Object.assign(a, {
            endedAt: r.at,
            how: r.how,
            executed: r.ex,
            skipped: r.sk,
            failed: r.fl,
            pending: r.pe
          })
        break
      }
      case 'exp': {
        const count = r.n !== undefined ? 1 : r.m.length
        this.expansions[r.d] = {
          seq0: this.total,
          base: r.b,
          matches: r.m,
          error: r.n,
          ...(r.o ? { others: r.o } : {})
        }
        this.total += count
        this.ensure(this.total)
        break
      }
      case 's':
        this.status[r.q] = St.Started
        if (this.tries[r.q] < 255) this.tries[r.q]++
        if (r.h) this.startedHash.set(r.q, r.h)
        break
      case 'x':
        this.status[r.q] = St.Executed
        this.doneBy[r.q] = r.a
        // Most runs have no failures and no replace in flight: no map to look in.
        if (this.errors.size) this.errors.delete(r.q)
        if (this.startedHash.size) this.startedHash.delete(r.q)
        if (r.dirs) for (const d of r.dirs) this.createdDirs.add(d)
        break
      case 'k':
        this.status[r.q] = St.Skipped
        this.doneBy[r.q] = r.a
        this.errors.delete(r.q)
        this.startedHash.delete(r.q)
        break
      case 'f':
        this.status[r.q] = St.Failed
        this.errors.set(r.q, r.e)
        this.startedHash.delete(r.q)
        break
      case 'i':
        this.status[r.q] = St.Pending
        if (this.tries[r.q] > 0) this.tries[r.q]--
        this.startedHash.delete(r.q)
        break
    }
  }

  /** The first seq not yet completed, or null when every known operation is done. */
  firstUndone(): number | null {
    for (let q = 0; q < this.total; q++) if (!this.isDone(q)) return q
    return null
  }

  /**
   * A JSON-ready copy for the snapshot; without `expansions` when the snapshot points at their
   * journal records instead (no copy of a 100,000-entry list made only to be dropped).
   */
  toJSON({ expansions = true }: { expansions?: boolean } = {}): Record<string, unknown> {
    return {
      planId: this.planId,
      total: this.total,
      ...(expansions ? { expansions: this.expansions.map(e => e ?? null) } : {}),
      status: Buffer.from(this.status.buffer, 0, this.total).toString('base64'),
      tries: Buffer.from(this.tries.buffer, 0, this.total).toString('base64'),
      doneBy: Buffer.from(this.doneBy.buffer, 0, this.total * 2).toString('base64'),
      errors: [...this.errors],
      startedHash: [...this.startedHash],
      attempts: this.attempts,
      createdDirs: [...this.createdDirs]
    }
  }

  static fromJSON(j: Record<string, unknown>): RunState {
    const s = new RunState()
    s.planId = String(j.planId)
    s.total = Number(j.total)
    s.ensure(s.total)
    // Since snapshot format 2 the expansions stay in the journal; the caller puts them back.
    if (Array.isArray(j.expansions))
      s.expansions = (j.expansions as (InlineExpansion | null)[]).map(e => {
        if (!e) return undefined
        const { matches, others, ...rest } = e
        return {
          ...rest,
          matches: MatchList.from(matches),
          ...(others ? { others: MatchList.from(others) } : {})
        }
      })
    const status = Buffer.from(String(j.status), 'base64')
    const tries = Buffer.from(String(j.tries), 'base64')
    const doneBy = Buffer.from(String(j.doneBy), 'base64')
    if (status.length !== s.total || tries.length !== s.total || doneBy.length !== s.total * 2) {
      throw new Error('snapshot arrays do not match its operation count')
    }
    s.status.set(status)
    s.tries.set(tries)
    s.doneBy.set(new Uint16Array(doneBy.buffer.slice(doneBy.byteOffset, doneBy.byteOffset + doneBy.length)))
    s.errors = new Map(j.errors as [number, string][])
    s.startedHash = new Map(j.startedHash as [number, string][])
    s.attempts = j.attempts as AttemptInfo[]
    s.createdDirs = new Set(j.createdDirs as string[])
    return s
  }
}
