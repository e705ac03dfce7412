import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, outcomes, runYaml } from '../helpers/plans.js'
import { snapshotTree } from '../helpers/tree.js'

afterEach(cleanupWorkspaces)

const mode = (p: string): number => lstatSync(p).mode & 0o7777

describe('move', () => {
  it('moves a file (creating parents), and a second independent run finds it already moved', async () => {
    const t = makeWs({ 'a.txt': 'alpha' })
    const plan = 'version: 1\noperations:\n  - move: { from: a.txt, to: "deep/er dir/b.txt" }\n'
    const first = await runYaml(t, plan)
    expect(outcomes(first)).toEqual([['executed', null]])
    expect(first.operations[0]).toMatchObject({ from: 'a.txt', to: 'deep/er dir/b.txt' })
    expect(existsSync(join(t.ws, 'a.txt'))).toBe(false)
    expect(readFileSync(join(t.ws, 'deep/er dir/b.txt'), 'utf8')).toBe('alpha')
    const before = snapshotTree(t.ws)
    const second = await runYaml(t, plan)
    expect(outcomes(second)).toEqual([['skipped', 'satisfied']])
    expect(second.operations[0].detail).toMatch(/already moved/)
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  it('with a glob, a second run has nothing left to match', async () => {
    const t = makeWs({ 'legacy/a.md': 'a', 'legacy/sub/b.md': 'b', 'legacy/c.txt': 'c' })
    const plan =
      'version: 1\noperations:\n  - move: { from: "legacy/**/*.md", to: "docs/archive/{relpath}" }\n    if-no-match: ignore\n'
    const first = await runYaml(t, plan)
    expect(first.operations.map(o => [o.outcome, o.from, o.to])).toEqual([
      ['executed', 'legacy/a.md', 'docs/archive/a.md'],
      ['executed', 'legacy/sub/b.md', 'docs/archive/sub/b.md']
    ])
    const second = await runYaml(t, plan)
    expect(second.counts).toMatchObject({ total: 0, executed: 0 })
    expect(readFileSync(join(t.ws, 'docs/archive/sub/b.md'), 'utf8')).toBe('b')
    expect(readFileSync(join(t.ws, 'legacy/c.txt'), 'utf8')).toBe('c')
  })

  it('a target that already holds the same content only removes the source', async () => {
    const t = makeWs({ 'a.txt': 'same', 'b.txt': 'same' })
    const r = await runYaml(t, 'version: 1\noperations:\n  - move: { from: a.txt, to: b.txt }\n')
    expect(outcomes(r)).toEqual([['executed', null]])
    expect(existsSync(join(t.ws, 'a.txt'))).toBe(false)
    expect(readFileSync(join(t.ws, 'b.txt'), 'utf8')).toBe('same')
  })

  describe('a target that differs is a conflict', () => {
    const plan = (how: string): string =>
      `version: 1\noperations:\n  - move: { from: a.txt, to: "t d/b.txt" }\n    on-conflict: ${how}\n`

    it('on-conflict: fail fails, naming the target', async () => {
      const t = makeWs({ 'a.txt': 'new', 't d/b.txt': 'old' })
      const before = snapshotTree(t.ws)
      const r = await runYaml(t, plan('fail'))
      expect(outcomes(r)).toEqual([['failed', null]])
      expect(r.operations[0].error).toMatch(/^conflict: .*'t d\/b\.txt'/)
      expect(snapshotTree(t.ws)).toEqual(before)
    })

    it('on-conflict: skip leaves both in place', async () => {
      const t = makeWs({ 'a.txt': 'new', 't d/b.txt': 'old' })
      const before = snapshotTree(t.ws)
      const r = await runYaml(t, plan('skip'))
      expect(outcomes(r)).toEqual([['skipped', 'conflict']])
      expect(snapshotTree(t.ws)).toEqual(before)
    })

    it('on-conflict: overwrite replaces the target', async () => {
      const t = makeWs({ 'a.txt': 'new', 't d/b.txt': 'old' })
      const r = await runYaml(t, plan('overwrite'))
      expect(outcomes(r)).toEqual([['executed', null]])
      expect(existsSync(join(t.ws, 'a.txt'))).toBe(false)
      expect(readFileSync(join(t.ws, 't d/b.txt'), 'utf8')).toBe('new')
      expect(outcomes(await runYaml(t, plan('overwrite')))).toEqual([['skipped', 'satisfied']])
    })

    it('on-conflict: overwrite replaces a whole directory, not merging into it', async () => {
      const t = makeWs({ 'src/x': 'x', 'dst/y': 'y' })
      const r = await runYaml(
        t,
        'version: 1\noperations:\n  - move: { from: src, to: dst }\n    on-conflict: overwrite\n'
      )
      expect(outcomes(r)).toEqual([['executed', null]])
      expect(existsSync(join(t.ws, 'dst/y'))).toBe(false)
      expect(readFileSync(join(t.ws, 'dst/x'), 'utf8')).toBe('x')
    })
  })

  it('fails clearly when the source is missing and the target too', async () => {
    const t = makeWs()
    const r = await runYaml(t, 'version: 1\noperations:\n  - move: { from: nope.txt, to: b.txt }\n')
    expect(outcomes(r)).toEqual([['failed', null]])
    expect(r.operations[0].error).toBe("source 'nope.txt' does not exist")
  })

  it('refuses to move a directory into itself', async () => {
    const t = makeWs({ 'd/x': 'x' })
    const before = snapshotTree(t.ws)
    const r = await runYaml(t, 'version: 1\noperations:\n  - move: { from: d, to: d/sub/d }\n')
    expect(outcomes(r)).toEqual([['failed', null]])
    expect(r.operations[0].error).toMatch(/cannot move 'd' into itself/)
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  it('keeps bytes (including NUL) and modes', async () => {
    const bytes = Buffer.concat([Buffer.from([0, 255, 0, 10, 13, 0]), randomBytes(70_000)])
    const t = makeWs({ 'bin/blob.bin': bytes, 'bin/run.sh': '#!/bin/sh\necho hi\n' })
    chmodSync(join(t.ws, 'bin/run.sh'), 0o755)
    chmodSync(join(t.ws, 'bin/blob.bin'), 0o600)
    const r = await runYaml(t, 'version: 1\noperations:\n  - move: { from: "bin/*", to: "out/" }\n')
    expect(r.counts.executed).toBe(2)
    expect(readFileSync(join(t.ws, 'out/blob.bin')).equals(bytes)).toBe(true)
    expect(mode(join(t.ws, 'out/run.sh'))).toBe(0o755)
    expect(mode(join(t.ws, 'out/blob.bin'))).toBe(0o600)
  })

  it('moves symlinks as links, never what they point to', async () => {
    const t = makeWs({ 'real/file.txt': 'content', 'real/dir/inner': 'i' })
    mkdirSync(join(t.ws, 'links'))
    symlinkSync('../real/file.txt', join(t.ws, 'links/to-file'))
    symlinkSync('../real/dir', join(t.ws, 'links/to-dir'))
    symlinkSync('missing', join(t.ws, 'links/dangling'))
    const r = await runYaml(t, 'version: 1\noperations:\n  - move: { from: "links/*", to: "moved/{name}" }\n')
    expect(r.operations.map(o => [o.outcome, o.from])).toEqual([
      ['executed', 'links/dangling'],
      ['executed', 'links/to-dir'],
      ['executed', 'links/to-file']
    ])
    expect(readlinkSync(join(t.ws, 'moved/to-file'))).toBe('../real/file.txt')
    expect(readlinkSync(join(t.ws, 'moved/to-dir'))).toBe('../real/dir')
    expect(readlinkSync(join(t.ws, 'moved/dangling'))).toBe('missing')
    expect(readFileSync(join(t.ws, 'real/file.txt'), 'utf8')).toBe('content')
    expect(readFileSync(join(t.ws, 'real/dir/inner'), 'utf8')).toBe('i')
  })

  it('moves a directory with everything in it', async () => {
    const t = makeWs({ 'tree/a': 'a', 'tree/s u b/b': Buffer.from([0, 1, 2]), 'tree/s u b/deeper/c': 'c' })
    chmodSync(join(t.ws, 'tree/s u b/deeper/c'), 0o755)
    symlinkSync('../a', join(t.ws, 'tree/s u b/link'))
    const inner = (root: string): Record<string, string> =>
      Object.fromEntries(
        Object.entries(snapshotTree(t.ws))
          .filter(([k]) => k.startsWith(`${root}/`))
          .map(([k, v]) => [k.slice(root.length), v])
      )
    const want = inner('tree')
    const r = await runYaml(t, 'version: 1\noperations:\n  - move: { from: tree, to: "new home/tree" }\n')
    expect(outcomes(r)).toEqual([['executed', null]])
    expect(existsSync(join(t.ws, 'tree'))).toBe(false)
    expect(inner('new home/tree')).toEqual(want)
  })

  it("treats a target ending in '/' as the directory to move into", async () => {
    const t = makeWs({ 'a.txt': 'a', 'd/x': 'x' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - move: { from: a.txt, to: "into/" }\n  - move: { from: d, to: "into/" }\n'
    )
    expect(r.operations.map(o => [o.outcome, o.to])).toEqual([
      ['executed', 'into/a.txt'],
      ['executed', 'into/d']
    ])
    expect(readFileSync(join(t.ws, 'into/d/x'), 'utf8')).toBe('x')
  })
})

describe('rename', () => {
  it('gives each match a new name in its own directory; a second run finds them renamed', async () => {
    const t = makeWs({ 'src/a.js': 'a', 'src/sub dir/b.js': 'b', 'src/c.ts': 'c' })
    const plan = 'version: 1\noperations:\n  - rename: { from: "src/**/*.js", to: "{stem}.mjs" }\n'
    const r = await runYaml(t, plan)
    expect(r.operations.map(o => [o.outcome, o.from, o.to])).toEqual([
      ['executed', 'src/a.js', 'src/a.mjs'],
      ['executed', 'src/sub dir/b.js', 'src/sub dir/b.mjs']
    ])
    expect(readFileSync(join(t.ws, 'src/sub dir/b.mjs'), 'utf8')).toBe('b')
    expect(existsSync(join(t.ws, 'src/a.js'))).toBe(false)
    const lit = 'version: 1\noperations:\n  - rename: { from: "src/sub dir/b.js", to: "b.mjs" }\n'
    expect(outcomes(await runYaml(t, lit))).toEqual([['skipped', 'satisfied']])
    const again = await runYaml(t, plan.replace('\n  - rename', '\n  - if-no-match: ignore\n    rename'))
    expect(again.counts).toMatchObject({ total: 0, executed: 0 })
  })

  it('renames a directory in place and keeps its contents and modes', async () => {
    const t = makeWs({ 'p/old/x.sh': 'x' })
    chmodSync(join(t.ws, 'p/old/x.sh'), 0o755)
    const r = await runYaml(t, 'version: 1\noperations:\n  - rename: { from: p/old, to: "new name" }\n')
    expect(outcomes(r)).toEqual([['executed', null]])
    expect(mode(join(t.ws, 'p/new name/x.sh'))).toBe(0o755)
  })

  describe('conflicts', () => {
    const plan = (how: string): string =>
      `version: 1\noperations:\n  - rename: { from: d/a.txt, to: b.txt }\n    on-conflict: ${how}\n`
    it.each([
      ['fail', 'failed', null, 'a', 'b'],
      ['skip', 'skipped', 'conflict', 'a', 'b'],
      ['overwrite', 'executed', null, null, 'a']
    ])('on-conflict: %s', async (how, outcome, reason, a, b) => {
      const t = makeWs({ 'd/a.txt': 'a', 'd/b.txt': 'b' })
      const r = await runYaml(t, plan(how))
      expect(outcomes(r)).toEqual([[outcome, reason]])
      if (how === 'fail') expect(r.operations[0].error).toMatch(/conflict: .*'d\/b\.txt'/)
      const read = (p: string): string | null =>
        existsSync(join(t.ws, p)) ? readFileSync(join(t.ws, p), 'utf8') : null
      expect([read('d/a.txt'), read('d/b.txt')]).toEqual([a, b])
    })
  })

  it('fails clearly for a missing source', async () => {
    const t = makeWs()
    const r = await runYaml(t, 'version: 1\noperations:\n  - rename: { from: d/a.txt, to: b.txt }\n')
    expect(r.operations[0]).toMatchObject({ outcome: 'failed', error: "source 'd/a.txt' does not exist" })
  })
})
