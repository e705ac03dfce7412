// A checkpoint store of one checkpoint in a directory, which notes when it was listed and
// downloaded: for tests of the restore without the Actions services.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import type { Candidate, CheckpointId, CheckpointStore } from '../../src/store/types.js'

/** A store of one checkpoint in a directory, which says when it was listed and downloaded. */
export class DirStore implements CheckpointStore {
  readonly kind = 'cache' as const
  readonly calls: string[] = []
  constructor(readonly dir: string) {}
  async save(dir: string, id: CheckpointId): Promise<string> {
    rmSync(this.dir, { recursive: true, force: true })
    cpSync(dir, this.dir, { recursive: true })
    return `ckpt-${id.seq}`
  }
  async candidates(): Promise<Candidate[]> {
    this.calls.push('listed')
    return existsSync(this.dir) ? [{ store: 'cache', name: 'ckpt', exact: true }] : []
  }
  lookingFor(): string {
    return 'the test directory'
  }
  async restore(_c: Candidate, dir: string): Promise<boolean> {
    this.calls.push('downloaded')
    mkdirSync(dir, { recursive: true })
    cpSync(this.dir, dir, { recursive: true })
    return true
  }
  async cleanup(): Promise<void> {}
  storedBytes(): number {
    return 0
  }
}
