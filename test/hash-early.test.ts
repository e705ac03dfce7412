// A merge hashes the files its shards changed while it reads their results (hashEarly in
// src/checkpoint/restore.ts): only regular files, never through a symlink or anything else, and
// verifyDelta takes an early id only for a file whose stat data is still what it was when hashed.
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  captureBase,
  captureDelta,
  deltaContext,
  DeltaMismatchError,
  type DeltaContext
} from '../src/checkpoint/delta.js'
import { hashEarly } from '../src/checkpoint/hasher.js'
import { verifyDelta } from '../src/checkpoint/restore.js'
import { freshClone, makeOrigin } from './helpers/runner.js'
import { removeDir, tempDir } from './helpers/tree.js'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

const blobId = (dir: string, rel: string): string =>
  execFileSync('git', ['hash-object', '--no-filters', rel], { cwd: dir }).toString('utf8').trim()

describe('early hashes', () => {
  it("are git's blob ids of regular files only: no symlink, FIFO, missing file, path through a symlink or unsafe path", async () => {
    const root = tempDir('bulk-ops-early-')
    dirs.push(root)
    const ws = join(root, 'ws')
    mkdirSync(join(ws, 'docs'), { recursive: true })
    mkdirSync(join(root, 'outside'))
    writeFileSync(join(ws, 'docs/a.txt'), 'alpha\n')
    writeFileSync(join(ws, 'empty.txt'), '')
    writeFileSync(join(root, 'outside/secret.txt'), 'secret\n')
    symlinkSync('docs/a.txt', join(ws, 'link.txt'))
    symlinkSync('../outside', join(ws, 'out'))
    execFileSync('mkfifo', [join(ws, 'pipe')])
    const ctx = { workspace: ws } as DeltaContext
    const paths = [
      'docs/a.txt',
      'empty.txt',
      'link.txt',
      'out/secret.txt',
      'pipe',
      'missing.txt',
      '../outside/secret.txt',
      'docs/a.txt'
    ]
    const ids = await hashEarly(ctx, paths).ids
    expect([...ids.keys()].sort()).toEqual(['docs/a.txt', 'empty.txt'])
    execFileSync('git', ['init', '-q'], { cwd: ws })
    expect(ids.get('docs/a.txt')!.id).toBe(blobId(ws, 'docs/a.txt'))
    expect(ids.get('empty.txt')!.id).toBe(blobId(ws, 'empty.txt'))
    expect(ids.get('docs/a.txt')!.st.size).toBe(6)
  })

  it('are not taken for a file that changed after it was hashed: verifyDelta hashes it again and refuses', async () => {
    const root = tempDir('bulk-ops-early-')
    dirs.push(root)
    const origin = makeOrigin(join(root, 'origin'), { 'docs/a.txt': 'alpha\n', 'docs/b.txt': 'bravo\n' })
    const a = join(root, 'a')
    const b = join(root, 'b')
    freshClone(origin, a)
    const ca = await deltaContext(a, join(root, 'idx-a'))
    const base = await captureBase(ca)
    writeFileSync(join(a, 'docs/a.txt'), 'ALPHA\n')
    writeFileSync(join(a, 'docs/b.txt'), 'BRAVO\n')
    const pack = join(root, 'pack')
    const m = await captureDelta(ca, base, [], [], pack)
    const early = (ctx: DeltaContext) => {
      const hashed = hashEarly(
        ctx,
        m.entries.map(e => e.path)
      )
      return { packs: [], settled: hashed.ids.then(() => []), hashed }
    }

    freshClone(origin, b)
    const cb = await deltaContext(b, join(root, 'idx-b'))
    const started = early(cb)
    await started.hashed.ids
    await expect(verifyDelta(cb, null, m, pack, started)).resolves.toBeDefined()

    // The same size, and dated as before: only the change time and the bytes differ.
    freshClone(origin, join(root, 'c'))
    const c = join(root, 'c')
    const cc = await deltaContext(c, join(root, 'idx-c'))
    const again = early(cc)
    const ids = await again.hashed.ids
    expect(ids.size).toBe(2)
    const was = ids.get('docs/b.txt')!.st
    writeFileSync(join(c, 'docs/b.txt'), 'bravO\n')
    utimesSync(join(c, 'docs/b.txt'), new Date(was.mtimeMs), new Date(was.mtimeMs))
    const refused = verifyDelta(cc, null, m, pack, again)
    await expect(refused).rejects.toThrow(DeltaMismatchError)
    await expect(refused).rejects.toThrow(/docs\/b\.txt/)
  })
})
