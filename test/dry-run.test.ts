import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '../src/report/model.js'
import { runCli } from './helpers/cli.js'
import {
  cleanupWorkspaces,
  countsAddUp,
  identities,
  makeWs,
  matchesPrediction,
  runYaml,
  type TestWs
} from './helpers/plans.js'
import { snapshotTree } from './helpers/tree.js'

afterEach(cleanupWorkspaces)

/** Every kind, with later operations acting on what earlier ones did. */
const PLAN = `version: 1
operations:
  - mkdir: docs/archive
  - move: { from: "legacy/**/*.md", to: "docs/archive/{relpath}" }
  - replace: { files: "docs/archive/**/*.md", find: "](legacy/", with: "](docs/archive/" }
  - move: { from: olddir, to: "newdir/olddir" }
  - rename: { from: "newdir/olddir/**/*.js", to: "{stem}.mjs" }
  - replace: { files: "newdir/**/*.mjs", find: "require(", with: "import(" }
  - copy: { from: templates/LICENSE, to: "{path}/LICENSE" }
    each: "packages/*/"
  - delete: "**/*.orig"
  - delete: gone
  - write: { path: .nvmrc, content: "24\\n" }
  - write: { path: same.txt, content: "same" }
  - write: { path: differs.txt, content: "new\\n" }
    on-conflict: skip
  - write: { path: differs2.txt, content: "new\\n" }
    on-conflict: overwrite
  - write: { path: differs3.txt, content: "new\\n" }
  - copy: { from: missing.txt, to: x.txt }
  - run: { command: [touch, ran], creates: ran }
  - run: { command: [touch, never], creates: same.txt }
  - replace: { files: "**/*.bin", find: "a", with: "b", regex: true }
`

function workspace(): TestWs {
  return makeWs({
    'legacy/a.md': 'see [x](legacy/a)\n',
    'legacy/sub dir/b.md': 'no links\n',
    'legacy/keep.txt': 'k',
    'olddir/x.js': 'const a = require("a")\n',
    'olddir/deep/y.js': 'plain\n',
    'templates/LICENSE': 'MIT\n',
    'packages/p1/index.js': '',
    'packages/p2/LICENSE': 'MIT\n',
    'packages/p3/LICENSE': 'GPL\n',
    'a.orig': '',
    'olddir/deep/z.orig': '',
    'same.txt': 'same',
    'differs.txt': 'old\n',
    'differs2.txt': 'old\n',
    'differs3.txt': 'old\n',
    'blob.bin': Buffer.from([0x61, 0xff, 0x00])
  })
}

describe('dry-run', () => {
  it('changes nothing and writes no state (CLI, default state directory)', () => {
    const t = workspace()
    const planFile = join(t.dir, 'plan.yml')
    writeFileSync(planFile, PLAN)
    const before = snapshotTree(t.ws, [])
    const r = runCli(['run', planFile, '--workspace', t.ws, '--dry-run', '--report', join(t.dir, 'r.json')])
    expect(r.code, r.stderr).toBe(1) // some operations would fail
    expect(snapshotTree(t.ws, [])).toEqual(before)
    expect(existsSync(join(t.ws, '.bulk-ops'))).toBe(false)
    const report = JSON.parse(readFileSync(join(t.dir, 'r.json'), 'utf8')) as Report
    expect(report.dryRun).toBe(true)
    expect(report.counts.executed).toBe(0)
    expect(countsAddUp(report)).toBe(true)
  })

  it('lists the same concrete operations as the real run, and classifies each as the real run then does', async () => {
    const t = workspace()
    const before = snapshotTree(t.ws, [])
    const dry = await runYaml(t, PLAN, { dryRun: true })
    expect(snapshotTree(t.ws, [])).toEqual(before)
    const real = await runYaml(t, PLAN)
    expect(identities(dry)).toEqual(identities(real))
    const table = dry.operations.map((d, i) => [
      d.seq,
      d.kind,
      d.from,
      d.to,
      d.classification,
      real.operations[i].outcome
    ])
    expect(table).toEqual([
      [0, 'mkdir', null, 'docs/archive', 'would-execute', 'executed'],
      [1, 'move', 'legacy/a.md', 'docs/archive/a.md', 'would-execute', 'executed'],
      [2, 'move', 'legacy/sub dir/b.md', 'docs/archive/sub dir/b.md', 'would-execute', 'executed'],
      [3, 'replace', 'docs/archive/a.md', null, 'would-execute', 'executed'],
      [4, 'replace', 'docs/archive/sub dir/b.md', null, 'satisfied', 'skipped'],
      [5, 'move', 'olddir', 'newdir/olddir', 'would-execute', 'executed'],
      [6, 'rename', 'newdir/olddir/deep/y.js', 'newdir/olddir/deep/y.mjs', 'would-execute', 'executed'],
      [7, 'rename', 'newdir/olddir/x.js', 'newdir/olddir/x.mjs', 'would-execute', 'executed'],
      [8, 'replace', 'newdir/olddir/deep/y.mjs', null, 'satisfied', 'skipped'],
      [9, 'replace', 'newdir/olddir/x.mjs', null, 'would-execute', 'executed'],
      [10, 'copy', 'templates/LICENSE', 'packages/p1/LICENSE', 'would-execute', 'executed'],
      [11, 'copy', 'templates/LICENSE', 'packages/p2/LICENSE', 'satisfied', 'skipped'],
      [12, 'copy', 'templates/LICENSE', 'packages/p3/LICENSE', 'would-fail', 'failed'],
      [13, 'delete', 'a.orig', null, 'would-execute', 'executed'],
      [14, 'delete', 'newdir/olddir/deep/z.orig', null, 'would-execute', 'executed'],
      [15, 'delete', 'gone', null, 'satisfied', 'skipped'],
      [16, 'write', null, '.nvmrc', 'would-execute', 'executed'],
      [17, 'write', null, 'same.txt', 'satisfied', 'skipped'],
      [18, 'write', null, 'differs.txt', 'conflict', 'skipped'],
      [19, 'write', null, 'differs2.txt', 'would-execute', 'executed'],
      [20, 'write', null, 'differs3.txt', 'would-fail', 'failed'],
      [21, 'copy', 'missing.txt', 'x.txt', 'would-fail', 'failed'],
      [22, 'run', null, null, 'cannot-preview', 'executed'],
      [23, 'run', null, null, 'satisfied', 'skipped'],
      [24, 'replace', 'blob.bin', null, 'would-fail', 'failed']
    ])
    dry.operations.forEach((d, i) => expect(matchesPrediction(d, real.operations[i]), `#${i}`).toBe(true))
    expect(dry.operations.every(o => o.outcome === 'failed' || o.reason !== null)).toBe(true)
    expect(dry.operations[18].reason).toBe('conflict')
    expect(dry.operations[12].error).toMatch(/^conflict: .*packages\/p3\/LICENSE/)
    expect(countsAddUp(dry)).toBe(true)
    expect(countsAddUp(real)).toBe(true)
  })

  it('carries a unified diff for write and replace', async () => {
    const t = workspace()
    const dry = await runYaml(t, PLAN, { dryRun: true })
    const diffOf = (seq: number): string => dry.operations.find(o => o.seq === seq)!.diff!
    expect(diffOf(16)).toContain('--- a/.nvmrc')
    expect(diffOf(16)).toContain('+++ b/.nvmrc')
    expect(diffOf(16)).toMatch(/^\+24$/m)
    expect(diffOf(19)).toMatch(/^-old$/m)
    expect(diffOf(19)).toMatch(/^\+new$/m)
    expect(diffOf(3)).toContain('--- a/docs/archive/a.md')
    expect(diffOf(3)).toMatch(/^-see \[x\]\(legacy\/a\)$/m)
    expect(diffOf(3)).toMatch(/^\+see \[x\]\(docs\/archive\/a\)$/m)
    expect(diffOf(9)).toMatch(/^\+const a = import\("a"\)$/m)
    expect(dry.operations.filter(o => o.diff !== undefined).map(o => o.seq)).toEqual([3, 9, 16, 19])
  })

  it('a glob `dir/**` over a directory moved earlier in the dry-run matches the directory itself, as on disk', async () => {
    const t = makeWs({ 'd/x': 'x', 'd/s/y': 'y', 'd/.h': 'h' })
    const plan = `version: 1
operations:
  - move: { from: d, to: "n e w" }
  - copy: { from: "n e w/**", to: "c/{relpath}" }
  - delete: "n e w/**"
`
    const dry = await runYaml(t, plan, { dryRun: true })
    const real = await runYaml(t, plan)
    expect(identities(dry)).toEqual(identities(real))
    expect(real.operations.filter(o => o.kind === 'delete').map(o => o.from)).toEqual([
      'n e w',
      'n e w/.h',
      'n e w/s',
      'n e w/s/y',
      'n e w/x'
    ])
    dry.operations.forEach((d, i) => expect(matchesPrediction(d, real.operations[i]), `#${i}`).toBe(true))
  })

  it('predicts the failure of an operation below a path an earlier operation made a file', async () => {
    const t = makeWs({ a: 'a' })
    const plan = `version: 1
operations:
  - write: { path: p, content: "x" }
  - mkdir: p/q
  - write: { path: p/r, content: "y" }
  - copy: { from: a, to: p/s }
  - move: { from: a, to: p/t }
`
    const dry = await runYaml(t, plan, { dryRun: true })
    const real = await runYaml(t, plan)
    expect(real.operations.map(o => o.outcome)).toEqual(['executed', 'failed', 'failed', 'failed', 'failed'])
    expect(dry.operations.map(o => o.classification)).toEqual([
      'would-execute',
      'would-fail',
      'would-fail',
      'would-fail',
      'would-fail'
    ])
  })

  it('a second dry-run after the real run finds everything done', async () => {
    const t = makeWs({ 'legacy/a.md': 'x' })
    const plan =
      'version: 1\noperations:\n  - mkdir: docs\n  - move: { from: legacy/a.md, to: "docs/" }\n  - write: { path: docs/b, content: "b" }\n'
    await runYaml(t, plan)
    const dry = await runYaml(t, plan, { dryRun: true })
    expect(dry.operations.map(o => o.classification)).toEqual(['satisfied', 'satisfied', 'satisfied'])
  })
})
