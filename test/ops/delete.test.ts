import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, outcomes, runYaml } from '../helpers/plans.js'
import { snapshotTree } from '../helpers/tree.js'

afterEach(cleanupWorkspaces)

describe('delete', () => {
  it('deletes a file, and a second independent run finds it already absent', async () => {
    const t = makeWs({ 'a b.txt': 'x', 'keep.txt': 'k' })
    const plan = 'version: 1\noperations:\n  - delete: "a b.txt"\n'
    expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
    expect(existsSync(join(t.ws, 'a b.txt'))).toBe(false)
    const before = snapshotTree(t.ws)
    const second = await runYaml(t, plan)
    expect(outcomes(second)).toEqual([['skipped', 'satisfied']])
    expect(second.operations[0].detail).toMatch(/absent/)
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  it('is satisfied by a missing path', async () => {
    const t = makeWs()
    expect(outcomes(await runYaml(t, 'version: 1\noperations:\n  - delete: never/was\n'))).toEqual([
      ['skipped', 'satisfied']
    ])
  })

  it('deletes directories recursively', async () => {
    const t = makeWs({ 'd/a': 'a', 'd/s/b': Buffer.from([0, 0]), 'd/s/t/c': 'c', 'other/x': 'x' })
    symlinkSync('../other/x', join(t.ws, 'd/s/link'))
    expect(outcomes(await runYaml(t, 'version: 1\noperations:\n  - delete: d\n'))).toEqual([
      ['executed', null]
    ])
    expect(existsSync(join(t.ws, 'd'))).toBe(false)
    expect(readFileSync(join(t.ws, 'other/x'), 'utf8')).toBe('x')
  })

  it('removes a symlink, never what it points to', async () => {
    const t = makeWs({ 'real/dir/inner': 'i', 'real/file': 'f' })
    symlinkSync('real/dir', join(t.ws, 'to-dir'))
    symlinkSync('real/file', join(t.ws, 'to-file'))
    const r = await runYaml(t, 'version: 1\noperations:\n  - delete: to-dir\n  - delete: to-file\n')
    expect(r.counts.executed).toBe(2)
    expect(existsSync(join(t.ws, 'to-dir'))).toBe(false)
    expect(lstatSync(join(t.ws, 'real/dir')).isDirectory()).toBe(true)
    expect(readFileSync(join(t.ws, 'real/dir/inner'), 'utf8')).toBe('i')
    expect(readFileSync(join(t.ws, 'real/file'), 'utf8')).toBe('f')
  })

  it('fans out over a glob; a second run has nothing left to match', async () => {
    const t = makeWs({ 'a.orig': '', 'x/b.orig': '', 'x/y z/c.orig': '', 'x/keep.txt': '' })
    const plan = 'version: 1\noperations:\n  - delete: "**/*.orig"\n    if-no-match: ignore\n'
    const r = await runYaml(t, plan)
    expect(r.operations.map(o => [o.outcome, o.from])).toEqual([
      ['executed', 'a.orig'],
      ['executed', 'x/b.orig'],
      ['executed', 'x/y z/c.orig']
    ])
    expect(existsSync(join(t.ws, 'x/keep.txt'))).toBe(true)
    expect((await runYaml(t, plan)).counts).toMatchObject({ total: 0, executed: 0 })
  })

  it('has no conflict: on-conflict does not stop it', async () => {
    const t = makeWs({ f: 'x' })
    const r = await runYaml(t, 'version: 1\noperations:\n  - delete: f\n    on-conflict: skip\n')
    expect(outcomes(r)).toEqual([['executed', null]])
  })

  it('fails clearly when a parent turns out not to be a directory', async () => {
    const t = makeWs()
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - write: { path: f, content: x }\n  - delete: f/g\n'
    )
    expect(r.operations[1].outcome).toBe('failed')
    expect(r.operations[1].error).toMatch(/'f\/g' has a parent 'f' that is not a directory/)
  })
})
