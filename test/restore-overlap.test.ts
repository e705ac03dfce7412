// The action hashes the workspace's base while the stores are asked for checkpoints and the newest
// is downloaded (Checkpointer.restore's `begun`): nothing of a checkpoint is installed or applied
// before the base is there, and nothing is restored when it could not be taken.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Checkpointer } from '../src/checkpoint/manager.js'
import { runPlan } from '../src/engine.js'
import { silentLogger } from '../src/logger.js'
import { parsePlan } from '../src/plan/load.js'
import type { CheckpointStore } from '../src/store/types.js'
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
  - id: move
    rename: { from: "docs/*.txt", to: "{stem}.md" }
  - id: edit
    replace: { files: "docs/*.md", find: "old", with: "new" }
`,
  'plan.yml'
)

/** A run of the plan on one clone that leaves its final checkpoint in a DirStore; and a fresh clone. */
async function scenario(): Promise<{
  root: string
  store: DirStore
  done: Record<string, string>
  fresh: string
}> {
  const root = tempDir('bulk-ops-overlap-')
  dirs.push(root)
  const origin = makeOrigin(join(root, 'origin'), {
    'docs/a.txt': 'old a\n',
    'docs/b.txt': 'old b\n',
    'keep.txt': 'kept\n'
  })
  const store = new DirStore(join(root, 'stored'))
  const first = join(root, 'first')
  freshClone(origin, first)
  const cp = checkpointer(first, join(root, 'local-first'), store)
  await cp.begin()
  await runPlan({ plan: PLAN, workspace: first, stateDir: cp.paths.journal, logger: silentLogger })
  await cp.capture(true)
  const fresh = join(root, 'fresh')
  freshClone(origin, fresh)
  return { root, store, done: snapshotTree(first, ['.git']), fresh }
}

const checkpointer = (workspace: string, localDir: string, store: CheckpointStore): Checkpointer =>
  new Checkpointer({
    plan: PLAN,
    workspace,
    localDir,
    runId: '1',
    attempt: 2,
    stores: [store],
    logger: silentLogger
  })

/** A promise and the function that settles it. */
function gate(): { open: Promise<boolean>; settle: (ok: boolean) => void } {
  let settle!: (ok: boolean) => void
  const open = new Promise<boolean>(res => (settle = res))
  return { open, settle }
}

async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !what(); i++) await new Promise(res => setTimeout(res, 5))
  expect(what()).toBe(true)
}

describe('a restore while the base is being taken', () => {
  it('lists and downloads meanwhile, and installs and applies the checkpoint only once the base is there', async () => {
    const s = await scenario()
    const before = snapshotTree(s.fresh)
    const local = join(s.root, 'local-fresh')
    const cp = checkpointer(s.fresh, local, s.store)
    const g = gate()
    const begun = cp.begin()
    const restoring = cp.restore(
      'run',
      g.open.then(async ok => (await begun, ok))
    )
    await until(() => s.store.calls.includes('downloaded'))
    // Held at the gate: the journal is not installed, the workspace is as the checkout made it.
    expect(existsSync(cp.paths.journal)).toBe(false)
    expect(snapshotTree(s.fresh)).toEqual(before)
    expect(Object.keys(s.done)).toContain('docs/a.md')
    g.settle(true)
    const r = await restoring
    expect(r.restored).toBe(true)
    expect(s.store.calls).toEqual(['listed', 'downloaded'])
    expect(snapshotTree(s.fresh, ['.git'])).toEqual(s.done)
  })

  it('restores nothing, and changes nothing, when the base could not be taken', async () => {
    const s = await scenario()
    const before = snapshotTree(s.fresh)
    const cp = checkpointer(s.fresh, join(s.root, 'local-fresh'), s.store)
    const g = gate()
    const restoring = cp.restore('run', g.open)
    await until(() => s.store.calls.includes('downloaded'))
    g.settle(false)
    const r = await restoring
    expect(r).toEqual({ restored: false, reverify: false, lookedFor: [] })
    expect(existsSync(cp.paths.journal)).toBe(false)
    expect(snapshotTree(s.fresh)).toEqual(before)
  })
})
