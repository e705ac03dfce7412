import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { runPlan } from '../src/engine.js'
import { PlanError } from '../src/errors.js'
import { parsePlan } from '../src/plan/load.js'
import { Sandbox } from '../src/plan/paths.js'
import { preflight } from '../src/plan/preflight.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const root = tempDir('bulk-ops-hostile-')
afterAll(() => removeDir(root))

/** Names that are legal but hostile to anything that splices them into a shell or Markdown. */
const weird = fc.constantFrom(
  'out',
  'data',
  'link',
  'link/x',
  'sp ace',
  'ünï',
  '$(touch pwned)',
  '`touch pwned`',
  'a;rm -rf x',
  '-rf',
  'new\nline',
  '*',
  '**',
  '*.txt',
  '{path}',
  '{name}',
  '{{x}}',
  'x|y',
  '<script>'
)
/** Pieces that must be refused wherever they appear. */
const evil = fc.constantFrom(
  '..',
  '.git',
  '.GIT',
  '.bulk-ops',
  '../sentinel',
  '%2e%2e',
  '..%2f',
  'C:',
  'a\\..\\b',
  '~'
)
const hostilePath = fc
  .array(fc.oneof({ arbitrary: weird, weight: 12 }, { arbitrary: evil, weight: 1 }), {
    minLength: 1,
    maxLength: 3
  })
  .map(parts => parts.join('/'))
  .chain(p =>
    fc.oneof(
      { arbitrary: fc.constant(p), weight: 12 },
      { arbitrary: fc.constantFrom(`/${p}`, `${p}/`, `../${p}`), weight: 1 }
    )
  )

const op = fc.oneof(
  hostilePath.map(p => ({ mkdir: p })),
  fc.tuple(hostilePath, hostilePath).map(([a, b]) => ({ move: { from: a, to: b } })),
  fc.tuple(hostilePath, hostilePath).map(([a, b]) => ({ copy: { from: a, to: b } })),
  fc.tuple(hostilePath, fc.constantFrom('x', '{stem}.bak', '../x', 'a/b', '{dir}')).map(([a, b]) => ({
    rename: { from: a, to: b }
  })),
  hostilePath.map(p => ({ delete: p })),
  hostilePath.map(p => ({ write: { path: p, content: 'owned\n' } })),
  hostilePath.map(p => ({ replace: { files: p, find: 'data', with: 'owned' } })),
  fc.tuple(hostilePath, hostilePath).map(([a, b]) => ({
    copy: { from: 'data/file.txt', to: b },
    each: a
  }))
)

function sandboxWorld(i: number): { ws: string } {
  const dir = join(root, `w${i}`)
  const ws = join(dir, 'ws')
  const sentinel = join(dir, 'sentinel')
  writeTree(sentinel, { 'secret.txt': 'data: do not touch\n', 'nested/deep.txt': 'data\n' })
  writeTree(ws, {
    'data/file.txt': 'data\n',
    'data/other.md': 'data data\n',
    'sp ace/ünï.txt': 'data\n',
    '$(touch pwned)/f': 'data\n',
    '.git/config': '[core]\n'
  })
  mkdirSync(join(ws, 'out'), { recursive: true })
  // Symlinks that lead outside: any operation reaching through them must be refused.
  symlinkSync('../sentinel', join(ws, 'link'))
  symlinkSync(sentinel, join(ws, 'data/abs-link'))
  writeFileSync(join(dir, 'outside.txt'), 'data\n')
  return { ws }
}

describe('hostile plans', () => {
  it('never change anything outside the workspace, whatever the names and paths', async () => {
    let i = 0
    let planErrors = 0
    let ran = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async ops => {
        const { ws } = sandboxWorld(i++)
        const outside = snapshotTree(join(ws, '..'), ['ws'])
        const gitDir = snapshotTree(join(ws, '.git'))
        const text = JSON.stringify({
          version: 1,
          defaults: { 'if-no-match': 'ignore', 'on-conflict': 'overwrite' },
          operations: ops
        })
        try {
          const plan = parsePlan(text, 'hostile.json')
          const sandbox = new Sandbox(ws)
          await sandbox.init()
          await preflight(plan, sandbox)
          const r = await runPlan({ plan, workspace: ws, stateDir: join(ws, '..', 'state') })
          const c = r.report.counts
          expect(c.executed + c.skipped + c.failed + c.pending).toBe(c.total)
          ran++
        } catch (err) {
          if (!(err instanceof PlanError)) throw err
          planErrors++
        }
        expect(snapshotTree(join(ws, '..'), ['ws', 'state'])).toEqual(outside)
        expect(snapshotTree(join(ws, '.git'))).toEqual(gitDir)
        removeDir(join(ws, '..'))
      }),
      { numRuns: 300, seed: Number(process.env.HOSTILE_SEED ?? 42) }
    )
    // Both paths were exercised: plans refused up front, and plans that ran.
    expect(planErrors).toBeGreaterThan(10)
    expect(ran).toBeGreaterThan(10)
  })
})
