// The workspace delta is byte-exact whatever .gitattributes says (DESIGN §5): Git LFS, a custom
// clean/smudge filter, eol=crlf and ident never change what a restore brings back, a restore
// runs with every filter broken (no filter program, no LFS server), and a restore that fails
// half-way leaves the workspace exactly as the checkout made it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { captureBase, captureDelta, deltaContext, type DeltaManifest } from '../src/checkpoint/delta.js'
import { applyDelta, verifyDelta } from '../src/checkpoint/restore.js'
import { filteredClone, filterSetup, makeFilteredOrigin, type FilterSetup } from './helpers/filtered-repo.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function image(seed: number, bytes = 4096): Buffer {
  const b = Buffer.alloc(bytes)
  for (let i = 0; i < bytes; i++) b[i] = (seed * 131 + i * 7 + ((i * i) >> 3)) & 0xff
  return b
}

interface Repos {
  root: string
  setup: FilterSetup
  origin: string
  /** The runner of attempt 1. */
  a: string
  /** A fresh runner, its filters broken. */
  b: string
}

function repos(): Repos {
  const root = tempDir('bulk-ops-filters-')
  dirs.push(root)
  const setup = filterSetup(root)
  const origin = makeFilteredOrigin(join(root, 'origin'), setup, {
    '.gitignore': 'zz-blocker\n',
    'img/a.png': image(1),
    'img/b.png': image(2),
    'notes.up': 'hello lower\n',
    'text.crlf': 'one\ntwo\n',
    'version.id': 'rev $Id$\n',
    'plain.txt': 'plain\n'
  })
  const a = join(root, 'a')
  const b = join(root, 'b')
  filteredClone(origin, a, setup)
  filteredClone(origin, b, setup)
  return { root, setup, origin, a, b }
}

/** Changes every filtered kind of file in `ws`, as commands and file operations would. */
function changeAll(ws: string): void {
  writeFileSync(join(ws, 'img/a.png'), image(10, 6000))
  writeFileSync(join(ws, 'img/new.png'), image(11))
  writeFileSync(join(ws, 'notes.up'), 'now Mixed Case\n')
  writeFileSync(join(ws, 'text.crlf'), 'one\r\ntwo\r\nthree\n')
  writeFileSync(join(ws, 'version.id'), 'rev $Id: 0123456789abcdef0123456789abcdef01234567 $\nmore\n')
  writeFileSync(join(ws, 'plain.txt'), 'changed\n')
}

async function capture(
  r: Repos,
  change: (ws: string) => void = changeAll,
  touched: string[] = []
): Promise<{ m: DeltaManifest; patch: string }> {
  const ctx = await deltaContext(r.a, join(r.root, 'private-a'))
  const base = await captureBase(ctx)
  change(r.a)
  const patch = join(r.root, 'delta.pack')
  const m = await captureDelta(ctx, base, touched, [], patch)
  return { m, patch }
}

describe('byte-exact delta through filters', () => {
  it('the checkout bytes are the base: a fresh filtered checkout has the same base, with filters broken', async () => {
    const r = repos()
    const ca = await deltaContext(r.a, join(r.root, 'private-a'))
    const cb = await deltaContext(r.b, join(r.root, 'private-b'))
    const [ba, bb] = [await captureBase(ca), await captureBase(cb)]
    expect(bb.tree).toBe(ba.tree)
    // The base names the working tree's bytes, not what the filters make of them.
    const privately = { env: { ...process.env, GIT_DIR: ca.gitDir }, cwd: r.a, encoding: 'utf8' as const }
    for (const f of ['img/a.png', 'notes.up', 'text.crlf', 'version.id']) {
      const inBase = execFileSync('git', ['rev-parse', `${ba.tree}:${f}`], privately).trim()
      const raw = execFileSync('git', ['hash-object', '--no-filters', f], privately).trim()
      const viaFilters = execFileSync('git', ['rev-parse', `HEAD:${f}`], {
        cwd: r.a,
        encoding: 'utf8'
      }).trim()
      expect([f, inBase]).toEqual([f, raw])
      expect(inBase, f).not.toBe(viaFilters)
    }
    expect(readFileSync(join(r.a, 'text.crlf'), 'utf8')).toBe('one\r\ntwo\r\n')
  })

  it(`restores every change byte for byte on a fresh checkout whose filters and LFS server are gone`, async () => {
    const r = repos()
    const { m, patch } = await capture(r)
    expect(m.entries.map(e => e.path).sort()).toEqual([
      'img/a.png',
      'img/new.png',
      'notes.up',
      'plain.txt',
      'text.crlf',
      'version.id'
    ])
    const cb = await deltaContext(r.b, join(r.root, 'private-b'))
    const nowB = await captureBase(cb)
    await verifyDelta(cb, nowB, m, patch)
    await applyDelta(cb, m)
    expect(snapshotTree(r.b, ['.git'])).toEqual(snapshotTree(r.a, ['.git']))
    // The checkout's own git still sees the restored images as changed content (its filters
    // are broken here, so ask about the pointer it has in its index instead).
    expect(readFileSync(join(r.b, 'img/new.png')).equals(image(11))).toBe(true)
  })

  it('a checkout whose LFS files are pointers (no objects pulled) does not match, and nothing changes', async () => {
    const r = repos()
    const { m, patch } = await capture(r)
    // A checkout without `lfs: true`: the images are their pointers.
    const pointer = execFileSync('git', ['show', 'HEAD:img/a.png'], { cwd: r.b })
    writeFileSync(join(r.b, 'img/a.png'), pointer)
    const before = snapshotTree(r.b, ['.git'])
    const cb = await deltaContext(r.b, join(r.root, 'private-b'))
    const nowB = await captureBase(cb)
    await expect(verifyDelta(cb, nowB, m, patch)).rejects.toThrow(/img\/a\.png/)
    expect(snapshotTree(r.b, ['.git'])).toEqual(before)
  })
})

describe('atomic restore', () => {
  async function failsAndKeeps(r: Repos, m: DeltaManifest, patch: string, why: RegExp): Promise<void> {
    const before = snapshotTree(r.b, ['.git'])
    const cb = await deltaContext(r.b, join(r.root, 'private-b'))
    const nowB = await captureBase(cb)
    await verifyDelta(cb, nowB, m, patch)
    const err = await applyDelta(cb, m).then(
      () => null,
      (e: Error) => e
    )
    expect(err?.message).toMatch(why)
    expect(err?.message).toMatch(/put back as the checkout made it/)
    expect(snapshotTree(r.b, ['.git'])).toEqual(before)
  }

  it('a file of the checkout where the delta needs a directory is refused before anything changes', async () => {
    const r = repos()
    const { m, patch } = await capture(
      r,
      ws => {
        changeAll(ws)
        mkdirSync(join(ws, 'zz-blocker'))
        writeFileSync(join(ws, 'zz-blocker/inner.txt'), 'new\n')
      },
      ['zz-blocker/inner.txt']
    )
    expect(m.entries.map(e => e.path)).toContain('zz-blocker/inner.txt')
    // On the fresh runner an ignored file stands where the delta creates a directory: git
    // would delete it to write its own; the restore refuses instead.
    writeFileSync(join(r.b, 'zz-blocker'), 'ignored file in the way\n')
    const before = snapshotTree(r.b, ['.git'])
    const cb = await deltaContext(r.b, join(r.root, 'private-b'))
    await expect(verifyDelta(cb, await captureBase(cb), m, patch)).rejects.toThrow(
      /writes 'zz-blocker\/inner\.txt', but 'zz-blocker' is a file in this workspace/
    )
    expect(snapshotTree(r.b, ['.git'])).toEqual(before)
  })

  it('a directory that cannot be made after the new content landed leaves the checkout as it was', async () => {
    const r = repos()
    const ctx = await deltaContext(r.a, join(r.root, 'private-a'))
    const base = await captureBase(ctx)
    changeAll(r.a)
    mkdirSync(join(r.a, 'zz-blocker'))
    const patch = join(r.root, 'delta.pack')
    const m = await captureDelta(ctx, base, [], ['zz-blocker'], patch)
    expect(m.createdDirs).toEqual(['zz-blocker'])
    writeFileSync(join(r.b, 'zz-blocker'), 'ignored file in the way\n')
    await failsAndKeeps(r, m, patch, /EEXIST|ENOTDIR|not a directory|file already exists/i)
  })

  it('a result that differs from the manifest after the writes leaves the checkout as it was', async () => {
    const r = repos()
    const { m, patch } = await capture(r, ws => {
      changeAll(ws)
      writeFileSync(join(ws, 'conflict-a'), 'a file\n')
      mkdirSync(join(ws, 'conflict-b'))
      writeFileSync(join(ws, 'conflict-b/y'), 'inside\n')
    })
    // A manifest whose paths conflict: writing the second replaces the first with a directory.
    const wrong = {
      ...m,
      entries: m.entries.map(e => (e.path === 'conflict-b/y' ? { ...e, path: 'conflict-a/y' } : e))
    }
    await failsAndKeeps(r, wrong, patch, /git checkout-index failed .*conflict-a/)
  })
})
