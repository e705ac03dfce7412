// A shard's final checkpoint carries its pack cut whole and the index git wrote with it: a restore
// installs the two as they are (git indexes nothing again), only once both pass their checksums.
// A checkpoint whose index fails its checksum is refused with nothing changed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CheckpointManifest } from '../src/checkpoint/checkpoint.js'
import { Checkpointer } from '../src/checkpoint/manager.js'
import { runPlan } from '../src/engine.js'
import { silentLogger } from '../src/logger.js'
import { parsePlan } from '../src/plan/load.js'
import { DirStore } from './helpers/dir-store.js'
import { freshClone, makeOrigin } from './helpers/runner.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

const PLAN = parsePlan(
  `version: 1
operations:
  - rename: { from: "docs/*.txt", to: "{stem}.md" }
  - replace: { files: "docs/*.md", find: "old", with: "new" }
  - write: { path: NOTES.md, content: "notes\\n" }
`,
  'plan.yml'
)
const shard = { index: 1, count: 1 }

const checkpointer = (workspace: string, localDir: string, store: DirStore, attempt: number): Checkpointer =>
  new Checkpointer({
    plan: PLAN,
    workspace,
    localDir,
    runId: '1',
    attempt,
    stores: [store],
    logger: silentLogger,
    shard
  })

/** A shard's run to its final checkpoint, saved in a DirStore; and a fresh clone. */
async function finished(): Promise<{
  root: string
  store: DirStore
  done: Record<string, string>
  fresh: string
}> {
  const root = tempDir('bulk-ops-pack-index-')
  dirs.push(root)
  const files: Record<string, string> = {}
  for (let i = 0; i < 20; i++) files[`docs/f${i}.txt`] = `old ${i}\n`.repeat(50)
  const origin = makeOrigin(join(root, 'origin'), files)
  const store = new DirStore(join(root, 'stored'))
  const first = join(root, 'first')
  freshClone(origin, first)
  const cp = checkpointer(first, join(root, 'local-first'), store, 1)
  await cp.begin()
  await runPlan({ plan: PLAN, workspace: first, stateDir: cp.paths.journal, logger: silentLogger, shard })
  await cp.capture(true)
  const fresh = join(root, 'fresh')
  freshClone(origin, fresh)
  return { root, store, done: snapshotTree(first, ['.git']), fresh }
}

const manifestOf = (dir: string): CheckpointManifest =>
  JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as CheckpointManifest

describe("a shard's final checkpoint", () => {
  it('carries the index git wrote with its pack, which a restore installs as it is', async () => {
    const s = await finished()
    const m = manifestOf(s.store.dir)
    expect(m.delta.packThin).toBe(false)
    expect(m.files['delta.idx']?.bytes).toBeGreaterThan(0)
    const local = join(s.root, 'local-fresh')
    const cp = checkpointer(s.fresh, local, s.store, 2)
    const trace = join(s.root, 'trace.txt')
    process.env.GIT_TRACE2 = trace
    try {
      await cp.begin()
      expect((await cp.restore('run')).restored).toBe(true)
    } finally {
      delete process.env.GIT_TRACE2
    }
    expect(snapshotTree(s.fresh, ['.git'])).toEqual(s.done)
    const commands = readFileSync(trace, 'utf8')
    expect(commands).toContain('checkout-index')
    expect(commands).not.toContain('index-pack')
    const packDir = join(local, 'git', 'git', 'objects', 'pack')
    const idx = readdirSync(packDir).filter(f => f.endsWith('.idx'))
    expect(idx).toHaveLength(1)
    expect(readFileSync(join(packDir, idx[0])).equals(readFileSync(join(s.store.dir, 'delta.idx')))).toBe(
      true
    )
  })

  it('is refused, with nothing changed and nothing installed, when its index fails its checksum', async () => {
    const s = await finished()
    const file = join(s.store.dir, 'delta.idx')
    const bytes = readFileSync(file)
    bytes[64] ^= 0xff
    writeFileSync(file, bytes)
    const before = snapshotTree(s.fresh)
    const local = join(s.root, 'local-fresh')
    const cp = checkpointer(s.fresh, local, s.store, 2)
    await cp.begin()
    await expect(cp.restore('run')).rejects.toThrow(/delta\.idx fails its checksum/)
    expect(snapshotTree(s.fresh)).toEqual(before)
    let installed: string[] = []
    try {
      installed = readdirSync(join(local, 'git', 'git', 'objects', 'pack'))
    } catch {
      // no pack directory: nothing installed
    }
    expect(installed).toEqual([])
  })
})
