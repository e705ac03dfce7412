import { lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, outcomes, runYaml } from '../helpers/plans.js'
import { snapshotTree } from '../helpers/tree.js'

afterEach(cleanupWorkspaces)

describe('mkdir', () => {
  it('creates the directory with its parents, and a second independent run finds it satisfied', async () => {
    const t = makeWs()
    const plan = 'version: 1\noperations:\n  - mkdir: "a/b c/ü"\n'
    const first = await runYaml(t, plan)
    expect(outcomes(first)).toEqual([['executed', null]])
    expect(first.operations[0]).toMatchObject({ kind: 'mkdir', from: null, to: 'a/b c/ü' })
    expect(lstatSync(join(t.ws, 'a/b c/ü')).isDirectory()).toBe(true)
    const before = snapshotTree(t.ws)
    const second = await runYaml(t, plan)
    expect(outcomes(second)).toEqual([['skipped', 'satisfied']])
    expect(second.counts.executed).toBe(0)
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  it('is satisfied by an existing directory and leaves its contents alone', async () => {
    const t = makeWs({ 'd/keep.txt': 'keep' })
    const before = snapshotTree(t.ws)
    const r = await runYaml(t, 'version: 1\noperations:\n  - mkdir: d\n')
    expect(outcomes(r)).toEqual([['skipped', 'satisfied']])
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  describe('a file in the way is a conflict', () => {
    const plan = (how: string): string =>
      `version: 1\noperations:\n  - mkdir: "x y"\n    on-conflict: ${how}\n`

    it('on-conflict: fail fails, naming the path', async () => {
      const t = makeWs({ 'x y': 'file' })
      const before = snapshotTree(t.ws)
      const r = await runYaml(t, plan('fail'))
      expect(outcomes(r)).toEqual([['failed', null]])
      expect(r.operations[0].error).toMatch(/conflict/)
      expect(r.operations[0].error).toContain("'x y'")
      expect(snapshotTree(t.ws)).toEqual(before)
    })

    it('on-conflict: skip skips and changes nothing', async () => {
      const t = makeWs({ 'x y': 'file' })
      const before = snapshotTree(t.ws)
      const r = await runYaml(t, plan('skip'))
      expect(outcomes(r)).toEqual([['skipped', 'conflict']])
      expect(snapshotTree(t.ws)).toEqual(before)
    })

    it('on-conflict: overwrite replaces the file with a directory', async () => {
      const t = makeWs({ 'x y': 'file' })
      const r = await runYaml(t, plan('overwrite'))
      expect(outcomes(r)).toEqual([['executed', null]])
      expect(lstatSync(join(t.ws, 'x y')).isDirectory()).toBe(true)
      expect(outcomes(await runYaml(t, plan('overwrite')))).toEqual([['skipped', 'satisfied']])
    })
  })

  it('fails clearly when a parent turns out to be a file', async () => {
    const t = makeWs()
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - write: { path: p, content: "x" }\n  - mkdir: p/q\n'
    )
    expect(outcomes(r)).toEqual([
      ['executed', null],
      ['failed', null]
    ])
    expect(r.operations[1].error).toMatch(/'p'.*not a directory/)
    expect(readFileSync(join(t.ws, 'p'), 'utf8')).toBe('x')
  })

  it('fans out with each over directories', async () => {
    const t = makeWs({ 'packages/a/x': '', 'packages/b c/x': '', 'packages/file': '' })
    const plan = 'version: 1\noperations:\n  - mkdir: "{path}/build"\n    each: "packages/*/"\n'
    const r = await runYaml(t, plan)
    expect(r.operations.map(o => [o.outcome, o.to])).toEqual([
      ['executed', 'packages/a/build'],
      ['executed', 'packages/b c/build']
    ])
    expect(lstatSync(join(t.ws, 'packages/b c/build')).isDirectory()).toBe(true)
    expect(outcomes(await runYaml(t, plan))).toEqual([
      ['skipped', 'satisfied'],
      ['skipped', 'satisfied']
    ])
  })
})
