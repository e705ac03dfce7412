import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CheckpointError,
  MANIFEST_FILE,
  openCheckpoint,
  sealCheckpoint
} from '../src/checkpoint/checkpoint.js'
import type { DeltaManifest } from '../src/checkpoint/delta.js'
import { Journal } from '../src/journal/journal.js'
import { parsePlan } from '../src/plan/load.js'
import { removeDir, tempDir } from './helpers/tree.js'

const plan = parsePlan('version: 1\noperations:\n  - mkdir: a\n', 'plan.yml')
const delta: DeltaManifest = {
  base: { tree: 'a'.repeat(40), head: null },
  tree: 'b'.repeat(40),
  entries: [],
  createdDirs: [],
  removedUntracked: [],
  packBytes: 0
}

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function sealed(): string {
  const d = tempDir('bulk-ops-ckpt-')
  dirs.push(d)
  const journal = join(d, 'journal')
  const j = Journal.open(journal, plan)
  j.record({ t: 'begin', a: 1, at: 1, plan: plan.planId })
  j.snapshot()
  j.close()
  const cp = join(d, 'checkpoint')
  mkdirSync(cp)
  writeFileSync(join(cp, 'delta.pack'), '')
  sealCheckpoint(cp, journal, { planId: plan.planId, runId: '1', attempt: 1, seq: 0, done: 0, delta })
  return cp
}

describe('checkpoint manifest', () => {
  it('opens a sealed checkpoint', () => {
    expect(openCheckpoint(sealed(), plan.planId).planId).toBe(plan.planId)
  })

  it('refuses an oversized checkpoint before reading its files further', () => {
    expect(() => openCheckpoint(sealed(), plan.planId, 10)).toThrow(/larger than 10 bytes/)
  })

  it('refuses a file that does not match its recorded size or checksum', () => {
    const cp = sealed()
    const wal = join(cp, 'journal.wal')
    const bytes = readFileSync(wal)
    bytes[bytes.length - 2] ^= 1
    writeFileSync(wal, bytes)
    expect(() => openCheckpoint(cp, plan.planId)).toThrow(/journal\.wal fails its checksum/)
    writeFileSync(wal, Buffer.concat([bytes, Buffer.from('x')]))
    expect(() => openCheckpoint(cp, plan.planId)).toThrow(/journal\.wal has \d+ bytes, the manifest says/)
  })

  it('refuses a manifest that is not one, or of another plan', () => {
    const cp = sealed()
    expect(() => openCheckpoint(cp, '0123456789abcdef')).toThrow(CheckpointError)
    writeFileSync(join(cp, MANIFEST_FILE), '{"format":"something else"}')
    expect(() => openCheckpoint(cp, plan.planId)).toThrow(/not a bulk-ops checkpoint/)
    writeFileSync(join(cp, MANIFEST_FILE), 'not json')
    expect(() => openCheckpoint(cp, plan.planId)).toThrow(/not JSON/)
  })
})
