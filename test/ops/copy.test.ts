import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, outcomes, runYaml } from '../helpers/plans.js'
import { snapshotTree } from '../helpers/tree.js'

afterEach(cleanupWorkspaces)

const mode = (p: string): number => lstatSync(p).mode & 0o7777

describe('copy', () => {
  it('copies a file, and a second independent run finds the identical target satisfied', async () => {
    const t = makeWs({ 'templates/LICENSE': 'MIT\n' })
    const plan = 'version: 1\noperations:\n  - copy: { from: templates/LICENSE, to: "new dir/LICENSE" }\n'
    const first = await runYaml(t, plan)
    expect(outcomes(first)).toEqual([['executed', null]])
    expect(readFileSync(join(t.ws, 'new dir/LICENSE'), 'utf8')).toBe('MIT\n')
    expect(readFileSync(join(t.ws, 'templates/LICENSE'), 'utf8')).toBe('MIT\n')
    const before = snapshotTree(t.ws)
    const second = await runYaml(t, plan)
    expect(outcomes(second)).toEqual([['skipped', 'satisfied']])
    expect(second.operations[0].detail).toMatch(/identical/)
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  it('fans out with each: one copy per matched directory', async () => {
    const t = makeWs({
      'templates/LICENSE': 'MIT\n',
      'packages/a/index.js': '',
      'packages/b b/index.js': '',
      'packages/ü/index.js': '',
      'packages/README': 'not a directory'
    })
    const plan =
      'version: 1\noperations:\n  - copy: { from: templates/LICENSE, to: "{path}/LICENSE" }\n    each: "packages/*/"\n'
    const r = await runYaml(t, plan)
    expect(r.operations.map(o => [o.outcome, o.from, o.to])).toEqual([
      ['executed', 'templates/LICENSE', 'packages/a/LICENSE'],
      ['executed', 'templates/LICENSE', 'packages/b b/LICENSE'],
      ['executed', 'templates/LICENSE', 'packages/ü/LICENSE']
    ])
    for (const p of ['a', 'b b', 'ü'])
      expect(readFileSync(join(t.ws, 'packages', p, 'LICENSE'), 'utf8')).toBe('MIT\n')
    const again = await runYaml(t, plan)
    expect(again.operations.map(o => o.reason)).toEqual(['satisfied', 'satisfied', 'satisfied'])
  })

  describe('a target that differs is a conflict', () => {
    const plan = (how: string): string =>
      `version: 1\noperations:\n  - copy: { from: a.txt, to: b.txt }\n    on-conflict: ${how}\n`

    it('on-conflict: fail fails, naming the target', async () => {
      const t = makeWs({ 'a.txt': 'new', 'b.txt': 'old' })
      const before = snapshotTree(t.ws)
      const r = await runYaml(t, plan('fail'))
      expect(outcomes(r)).toEqual([['failed', null]])
      expect(r.operations[0].error).toMatch(/^conflict: .*'b\.txt'/)
      expect(snapshotTree(t.ws)).toEqual(before)
    })

    it('on-conflict: skip changes nothing', async () => {
      const t = makeWs({ 'a.txt': 'new', 'b.txt': 'old' })
      const before = snapshotTree(t.ws)
      expect(outcomes(await runYaml(t, plan('skip')))).toEqual([['skipped', 'conflict']])
      expect(snapshotTree(t.ws)).toEqual(before)
    })

    it('on-conflict: overwrite replaces the target (a file, or a directory in the way)', async () => {
      const t = makeWs({ 'a.txt': 'new', 'b.txt/inside': 'dir in the way' })
      expect(outcomes(await runYaml(t, plan('overwrite')))).toEqual([['executed', null]])
      expect(readFileSync(join(t.ws, 'b.txt'), 'utf8')).toBe('new')
      expect(outcomes(await runYaml(t, plan('overwrite')))).toEqual([['skipped', 'satisfied']])
    })
  })

  it('fails clearly for a missing source', async () => {
    const t = makeWs()
    const r = await runYaml(t, 'version: 1\noperations:\n  - copy: { from: gone, to: b }\n')
    expect(r.operations[0]).toMatchObject({ outcome: 'failed', error: "source 'gone' does not exist" })
  })

  it('fails clearly for a source that is not a file, directory or symlink', async () => {
    const t = makeWs()
    execFileSync('mkfifo', [join(t.ws, 'fifo')])
    const r = await runYaml(t, 'version: 1\noperations:\n  - copy: { from: fifo, to: b }\n')
    expect(r.operations[0].outcome).toBe('failed')
    expect(r.operations[0].error).toMatch(/'fifo' is not a file, directory or symlink/)
    expect(existsSync(join(t.ws, 'b'))).toBe(false)
  })

  it('fails clearly for a special file inside a directory, leaving no half copy; a dry-run predicts it', async () => {
    const t = makeWs({ 'd/ok': 'x', 'd/sub/ok2': 'y' })
    execFileSync('mkfifo', [join(t.ws, 'd/sub/fifo')])
    const plan = 'version: 1\noperations:\n  - copy: { from: d, to: e }\n'
    // (snapshotTree would block reading the FIFO: compare the listing instead)
    const before = readdirSync(t.ws, { recursive: true }).sort()
    const dry = await runYaml(t, plan, { dryRun: true })
    expect(dry.operations[0]).toMatchObject({ classification: 'would-fail', outcome: 'failed' })
    const r = await runYaml(t, plan)
    expect(r.operations[0]).toMatchObject({
      outcome: 'failed',
      error: "cannot copy 'd/sub/fifo': not a file, directory or symlink"
    })
    expect(readdirSync(t.ws, { recursive: true }).sort()).toEqual(before)
  })

  it('refuses to copy a directory into itself', async () => {
    const t = makeWs({ 'd/x': 'x' })
    const r = await runYaml(t, 'version: 1\noperations:\n  - copy: { from: d, to: "d/" }\n')
    expect(r.operations[0].outcome).toBe('failed')
    expect(r.operations[0].error).toMatch(/cannot copy 'd' into itself/)
  })

  it('keeps bytes (including NUL) and modes', async () => {
    const bytes = Buffer.concat([Buffer.from([0, 0, 255, 254, 0]), randomBytes(100_000)])
    const t = makeWs({ 'blob.bin': bytes, 'run.sh': '#!/bin/sh\n' })
    chmodSync(join(t.ws, 'run.sh'), 0o755)
    chmodSync(join(t.ws, 'blob.bin'), 0o640)
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - copy: { from: blob.bin, to: "c/" }\n  - copy: { from: run.sh, to: "c/" }\n'
    )
    expect(r.counts.executed).toBe(2)
    expect(readFileSync(join(t.ws, 'c/blob.bin')).equals(bytes)).toBe(true)
    expect(mode(join(t.ws, 'c/blob.bin'))).toBe(0o640)
    expect(mode(join(t.ws, 'c/run.sh'))).toBe(0o755)
  })

  it('copies symlinks as links (to files, to directories, dangling), never their targets', async () => {
    const t = makeWs({ 'real/file.txt': 'content', 'real/dir/inner': 'i' })
    mkdirSync(join(t.ws, 'links'))
    symlinkSync('../real/file.txt', join(t.ws, 'links/to-file'))
    symlinkSync('../real/dir', join(t.ws, 'links/to-dir'))
    symlinkSync('nowhere', join(t.ws, 'links/dangling'))
    const plan = 'version: 1\noperations:\n  - copy: { from: "links/*", to: "copied/{name}" }\n'
    const r = await runYaml(t, plan)
    expect(r.counts).toMatchObject({ total: 3, executed: 3 })
    expect(lstatSync(join(t.ws, 'copied/to-dir')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(join(t.ws, 'copied/to-dir'))).toBe('../real/dir')
    expect(readlinkSync(join(t.ws, 'copied/to-file'))).toBe('../real/file.txt')
    expect(readlinkSync(join(t.ws, 'copied/dangling'))).toBe('nowhere')
    expect(lstatSync(join(t.ws, 'links/to-dir')).isSymbolicLink()).toBe(true)
    const again = await runYaml(t, plan)
    expect(again.operations.map(o => o.reason)).toEqual(['satisfied', 'satisfied', 'satisfied'])
  })

  it('copies a directory tree with modes, binary files and links inside', async () => {
    const t = makeWs({ 'tree/a': 'a', 'tree/s u b/b.bin': Buffer.from([0, 1, 0]), 'tree/s u b/deep/c': 'c' })
    chmodSync(join(t.ws, 'tree/s u b/deep/c'), 0o700)
    chmodSync(join(t.ws, 'tree/s u b'), 0o750)
    symlinkSync('../a', join(t.ws, 'tree/s u b/link'))
    const inner = (root: string): Record<string, string> =>
      Object.fromEntries(
        Object.entries(snapshotTree(t.ws))
          .filter(([k]) => k.startsWith(`${root}/`))
          .map(([k, v]) => [k.slice(root.length), v])
      )
    const plan = 'version: 1\noperations:\n  - copy: { from: tree, to: "backup/tree copy" }\n'
    expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
    expect(inner('backup/tree copy')).toEqual(inner('tree'))
    expect(outcomes(await runYaml(t, plan))).toEqual([['skipped', 'satisfied']])
  })

  it('a directory target that differs anywhere inside is a conflict', async () => {
    const t = makeWs({ 'src/a': 'a', 'src/sub/b': 'b', 'dst/a': 'a', 'dst/sub/b': 'B' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - copy: { from: src, to: dst }\n    on-conflict: skip\n'
    )
    expect(outcomes(r)).toEqual([['skipped', 'conflict']])
  })
})
