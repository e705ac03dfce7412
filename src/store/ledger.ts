import { existsSync, readFileSync } from 'node:fs'
import { writeAtomic } from '../journal/snapshot.js'

export interface LedgerEntry {
  store: 'cache' | 'artifact'
  name: string
  bytes: number
  seq: number
  /** Removed from the store (superseded or cleaned up). */
  deleted?: boolean
}

/** What this attempt saved where, shared by the main and post steps through a file in RUNNER_TEMP. */
export class Ledger {
  entries: LedgerEntry[] = []
  constructor(private readonly path: string) {
    if (existsSync(path)) {
      try {
        this.entries = JSON.parse(readFileSync(path, 'utf8')) as LedgerEntry[]
      } catch {
        this.entries = []
      }
    }
  }

  add(e: LedgerEntry): void {
    this.entries.push(e)
    this.write()
  }

  markDeleted(store: LedgerEntry['store'], name: string): void {
    for (const e of this.entries) if (e.store === store && e.name === name) e.deleted = true
    this.write()
  }

  live(store: LedgerEntry['store']): LedgerEntry[] {
    return this.entries.filter(e => e.store === store && !e.deleted)
  }

  last(store: LedgerEntry['store']): LedgerEntry | undefined {
    const l = this.entries.filter(e => e.store === store)
    return l[l.length - 1]
  }

  private write(): void {
    writeAtomic(this.path, JSON.stringify(this.entries))
  }
}

/** Bytes of the files directly in a checkpoint directory. */
export function dirBytes(dir: string, files: string[]): number {
  let n = 0
  for (const f of files) {
    try {
      n += readFileSync(`${dir}/${f}`).length
    } catch {
      // absent file
    }
  }
  return n
}
