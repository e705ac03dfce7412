import { chmodSync, lstatSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, outcomes, runYaml } from '../helpers/plans.js'
import { snapshotTree } from '../helpers/tree.js'

afterEach(cleanupWorkspaces)

const read = (ws: string, p: string): string => readFileSync(join(ws, p), 'utf8')

describe('replace', () => {
  it('replaces every literal occurrence; a second independent run finds no match', async () => {
    const t = makeWs({ 'docs/a.md': '[x](legacy/a) [y](legacy/b)\n', 'docs/sub/b.md': 'none here\n' })
    const plan =
      'version: 1\noperations:\n  - replace: { files: "docs/**/*.md", find: "](legacy/", with: "](docs/archive/" }\n'
    const first = await runYaml(t, plan)
    expect(first.operations.map(o => [o.outcome, o.reason, o.from])).toEqual([
      ['executed', null, 'docs/a.md'],
      ['skipped', 'satisfied', 'docs/sub/b.md']
    ])
    expect(read(t.ws, 'docs/a.md')).toBe('[x](docs/archive/a) [y](docs/archive/b)\n')
    const before = snapshotTree(t.ws)
    const second = await runYaml(t, plan)
    expect(outcomes(second)).toEqual([
      ['skipped', 'satisfied'],
      ['skipped', 'satisfied']
    ])
    expect(second.operations[0].detail).toBe('no match')
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  it('inserts a literal `with` verbatim: $1 and $& stay as written', async () => {
    const t = makeWs({ 'f.txt': 'price: COST and COST\n' })
    await runYaml(
      t,
      "version: 1\noperations:\n  - replace: { files: f.txt, find: COST, with: '$1 $& $$ $`' }\n"
    )
    expect(read(t.ws, 'f.txt')).toBe('price: $1 $& $$ $` and $1 $& $$ $`\n')
  })

  it('expands $1 and $& in regex mode, with flags', async () => {
    const t = makeWs({ 'src/a.ts': 'oldApi(1); OLDAPI(2); oldOther(3)\n' })
    const plan =
      'version: 1\noperations:\n  - replace: { files: "src/*.ts", find: "old(Api)\\\\(", with: "new$1[$&](", regex: true, flags: i }\n'
    expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
    expect(read(t.ws, 'src/a.ts')).toBe('newApi[oldApi(](1); newAPI[OLDAPI(](2); oldOther(3)\n')
  })

  it('refuses regex replace on a file that is not valid UTF-8, and changes nothing', async () => {
    const bytes = Buffer.from([0x61, 0x62, 0xff, 0xfe, 0x00, 0x61, 0x62])
    const t = makeWs({ 'blob.bin': bytes })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - replace: { files: blob.bin, find: "ab", with: "X", regex: true }\n'
    )
    expect(r.operations[0].outcome).toBe('failed')
    expect(r.operations[0].error).toBe(
      "'blob.bin' is not valid UTF-8 text; regex replace edits text files only"
    )
    expect(readFileSync(join(t.ws, 'blob.bin')).equals(bytes)).toBe(true)
  })

  it('literal replace works on binary bytes and keeps everything else byte for byte', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0x61, 0x62, 0x00, 0xfe, 0x61, 0x62, 0x80])
    const t = makeWs({ 'blob.bin': bytes })
    chmodSync(join(t.ws, 'blob.bin'), 0o755)
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - replace: { files: blob.bin, find: "ab", with: "ü" }\n'
    )
    expect(outcomes(r)).toEqual([['executed', null]])
    const want = Buffer.from([0xff, 0x00, 0xc3, 0xbc, 0x00, 0xfe, 0xc3, 0xbc, 0x80])
    expect(readFileSync(join(t.ws, 'blob.bin')).equals(want)).toBe(true)
    expect(lstatSync(join(t.ws, 'blob.bin')).mode & 0o7777).toBe(0o755)
  })

  it('a glob edits regular files only; symlinks are not followed', async () => {
    const t = makeWs({ 'outside-glob/target.txt': 'foo\n', 'd/real.txt': 'foo\n' })
    symlinkSync('../outside-glob/target.txt', join(t.ws, 'd/link.txt'))
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - replace: { files: "d/*.txt", find: foo, with: bar }\n'
    )
    expect(r.operations.map(o => o.from)).toEqual(['d/real.txt'])
    expect(read(t.ws, 'd/real.txt')).toBe('bar\n')
    expect(read(t.ws, 'outside-glob/target.txt')).toBe('foo\n')
  })

  it('has no conflict: on-conflict does not stop it', async () => {
    const t = makeWs({ f: 'a' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - replace: { files: f, find: a, with: b }\n    on-conflict: skip\n'
    )
    expect(outcomes(r)).toEqual([['executed', null]])
  })

  it('fails clearly for a missing file or a directory', async () => {
    const t = makeWs({ 'dir/x': '' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - replace: { files: gone.txt, find: a, with: b }\n  - replace: { files: dir, find: a, with: b }\n'
    )
    expect(r.operations.map(o => [o.outcome, o.error])).toEqual([
      ['failed', "'gone.txt' does not exist"],
      ['failed', "'dir' is not a regular file"]
    ])
  })
})
