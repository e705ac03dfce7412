import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  captureBase,
  captureDelta,
  deltaContext,
  DeltaMismatchError,
  refreshDue,
  refreshIndex,
  type DeltaManifest
} from '../src/checkpoint/delta.js'
import { applyDelta, crosses, verifyDelta } from '../src/checkpoint/restore.js'
import { Rollback } from '../src/checkpoint/rollback.js'
import { freshClone, makeOrigin } from './helpers/runner.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

async function setup(): Promise<{ root: string; origin: string; a: string; b: string }> {
  const root = tempDir('bulk-ops-delta-')
  dirs.push(root)
  const origin = makeOrigin(join(root, 'origin'), {
    '.gitignore': '*.log\n',
    'keep.txt': 'keep\n',
    'edit.txt': 'one\ntwo\nthree\n',
    'gone.txt': 'bye\n',
    'old/name.md': '# moved\n',
    'bin.dat': Buffer.from([0, 1, 2, 3, 255]),
    'script.sh': 'echo hi\n',
    'dir/inner/file.txt': 'inner\n'
  })
  const a = join(root, 'a')
  const b = join(root, 'b')
  freshClone(origin, a)
  freshClone(origin, b)
  return { root, origin, a, b }
}

/** Makes every kind of change a plan can make, in work tree `a`. */
function change(a: string): { touched: string[]; created: string[] } {
  writeFileSync(join(a, 'edit.txt'), 'one\nTWO\nthree\n')
  rmSync(join(a, 'gone.txt'))
  mkdirSync(join(a, 'new'), { recursive: true })
  renameSync(join(a, 'old/name.md'), join(a, 'new/name.md'))
  writeFileSync(join(a, 'bin.dat'), Buffer.from([9, 0, 8, 0, 7]))
  chmodSync(join(a, 'script.sh'), 0o755)
  symlinkSync('../keep.txt', join(a, 'new/link'))
  mkdirSync(join(a, 'empty/deep'), { recursive: true })
  writeFileSync(join(a, 'notes.log'), 'ignored, but a plan wrote it\n')
  rmSync(join(a, 'dir/inner/file.txt'))
  return {
    touched: ['notes.log', 'new/name.md', 'old/name.md', 'gone.txt'],
    created: ['empty', 'empty/deep', 'new']
  }
}

/** Both ways a delta is verified: against the base captured on this runner, or path by path (a merge). */
const BASES: [string, boolean][] = [
  ['the base captured', true],
  ['only the changed paths hashed (a merge)', false]
]

/** A fresh pair of clones, every kind of change made in `a` (and `more`), and its delta. */
async function changed(
  more: (a: string) => string[] = () => []
): Promise<{ root: string; a: string; b: string; m: DeltaManifest }> {
  const { root, a, b } = await setup()
  const ca = await deltaContext(a, join(root, 'idx-a'))
  const base = await captureBase(ca)
  const { touched, created } = change(a)
  const m = await captureDelta(ca, base, touched, [...created, ...more(a)], join(root, 'patch'))
  return { root, a, b, m }
}

describe('workspace delta', () => {
  it("restores on a fresh checkout a pack whose trees are deltas against the old side's (renames only)", async () => {
    const root = tempDir('bulk-ops-delta-thin-')
    dirs.push(root)
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`img/photo-${i}.png`, `png ${i}\n`])
    )
    const origin = makeOrigin(join(root, 'origin'), files)
    const [a, b, plain] = ['a', 'b', 'plain'].map(n => join(root, n))
    for (const ws of [a, b, plain]) freshClone(origin, ws)
    const ca = await deltaContext(a, join(root, 'idx-a'))
    const base = await captureBase(ca)
    for (const i of [3, 5, 6, 9, 11])
      renameSync(join(a, `img/photo-${i}.png`), join(a, `img/photo-${i}.webp`))
    writeFileSync(join(a, 'A.md'), 'x')
    const pack = join(root, 'pack')
    const m = await captureDelta(ca, base, [], [], pack)
    // Indexed as it comes, the pack does not resolve on a fresh checkout: its bases are the old side's trees.
    expect(() =>
      execFileSync('git', ['index-pack', '--fix-thin', '--stdin'], {
        cwd: plain,
        input: readFileSync(pack),
        stdio: 'pipe'
      })
    ).toThrow(/unresolved delta/)
    expect(m.packThin).toBe(true)
    const cb = await deltaContext(b, join(root, 'idx-b'))
    await verifyDelta(cb, await captureBase(cb), m, pack)
    await applyDelta(cb, m)
    expect(snapshotTree(b, ['.git'])).toEqual(snapshotTree(a, ['.git']))
    // The count is what tells a restore it needs those bases: claiming none is refused.
    const c = join(root, 'c')
    freshClone(origin, c)
    const before = snapshotTree(c, ['.git'])
    const cc = await deltaContext(c, join(root, 'idx-c'))
    await expect(verifyDelta(cc, null, { ...m, packThin: false }, pack)).rejects.toThrow(
      /does not unpack here/
    )
    expect(snapshotTree(c, ['.git'])).toEqual(before)
  })

  it('a pack of new content only has no deltas, and restores without bases', async () => {
    const { root, a, b } = await setup()
    const ca = await deltaContext(a, join(root, 'idx-a'))
    const base = await captureBase(ca)
    for (let i = 0; i < 5; i++)
      writeFileSync(join(a, `made-${i}.bin`), Buffer.from(`made ${i} `.repeat(50 + i)))
    const m = await captureDelta(ca, base, [], [], join(root, 'patch'))
    expect(m.packThin).toBe(false)
    const cb = await deltaContext(b, join(root, 'idx-b'))
    await applyDelta(cb, m, await verifyDelta(cb, null, m, join(root, 'patch')))
    expect(snapshotTree(b, ['.git'])).toEqual(snapshotTree(a, ['.git']))
  })

  it('without a captured base, a pack cut against a file the checkout does not track still unpacks', async () => {
    const { root, a, b } = await setup()
    // Both checkouts have the same untracked file (made by an earlier step, say); an edit of it
    // is packed as a delta against it.
    const big = Array.from({ length: 2000 }, (_, i) => `line ${i} of a generated file\n`).join('')
    for (const ws of [a, b]) writeFileSync(join(ws, 'generated.txt'), big)
    const ca = await deltaContext(a, join(root, 'idx-a'))
    const base = await captureBase(ca)
    writeFileSync(join(a, 'generated.txt'), big.replace('line 1000 ', 'LINE 1000 '))
    const m = await captureDelta(ca, base, ['generated.txt'], [], join(root, 'patch'))
    expect(m.packThin).toBe(true)
    expect(m.packBytes).toBeLessThan(big.length / 4)
    // Cut whole (a shard's final result), the same change carries its base and needs none here.
    const whole = await captureDelta(ca, base, ['generated.txt'], [], join(root, 'whole'), true)
    expect(whole.packThin).toBe(false)
    expect(whole.entries).toEqual(m.entries)
    for (const [name, pack, man] of [
      ['b', 'patch', m],
      ['c', 'whole', whole]
    ] as const) {
      const ws = join(root, name)
      if (name === 'c') {
        freshClone(join(root, 'origin'), ws)
        writeFileSync(join(ws, 'generated.txt'), big)
      }
      const cx = await deltaContext(ws, join(root, `idx-${name}`))
      await applyDelta(cx, man, await verifyDelta(cx, null, man, join(root, pack)))
      expect(snapshotTree(ws, ['.git'])).toEqual(snapshotTree(a, ['.git']))
    }
  })

  it('carries creations, edits, deletions, renames, modes, symlinks, binaries, empty and emptied directories and touched ignored files', async () => {
    const { root, a, b } = await setup()
    const ca = await deltaContext(a, join(root, 'idx-a'))
    const base = await captureBase(ca)
    const { touched, created } = change(a)
    const m = await captureDelta(ca, base, touched, created, join(root, 'patch'))
    expect(m.entries.map(e => e.path)).toContain('notes.log')
    expect(m.createdDirs).toEqual(expect.arrayContaining(['empty/deep', 'dir/inner', 'old']))

    const cb = await deltaContext(b, join(root, 'idx-b'))
    const nowB = await captureBase(cb)
    expect(nowB.tree).toBe(base.tree)
    await verifyDelta(cb, nowB, m, join(root, 'patch'))
    await applyDelta(cb, m)
    expect(snapshotTree(b, ['.git'])).toEqual(snapshotTree(a, ['.git']))
  })

  it.each(BASES)(
    'refuses a workspace that differs at a changed path, names it, and changes nothing (%s)',
    async (_, withBase) => {
      const { root, b, m } = await changed()
      writeFileSync(join(b, 'edit.txt'), 'someone else edited this\n')
      chmodSync(join(b, 'bin.dat'), 0o755)
      mkdirSync(join(b, 'new'))
      writeFileSync(join(b, 'new/name.md'), 'already here\n')
      writeFileSync(join(b, 'unrelated.txt'), 'an unrelated change is fine\n')
      const cb = await deltaContext(b, join(root, 'idx-b'))
      const nowB = withBase ? await captureBase(cb) : null
      const before = snapshotTree(b, ['.git'])
      const err = (await verifyDelta(cb, nowB, m, join(root, 'patch')).catch(e => e as Error)) as Error
      expect(err).toBeInstanceOf(DeltaMismatchError)
      expect((err as DeltaMismatchError).paths).toEqual(['bin.dat', 'edit.txt', 'new/name.md'])
      expect(err.message).toMatch(/at 3 path\(s\): bin\.dat, edit\.txt, new\/name\.md/)
      expect(snapshotTree(b, ['.git'])).toEqual(before)
    }
  )

  it('applies on a workspace checked at the changed paths only, unrelated changes left as they are', async () => {
    const { root, a, b, m } = await changed()
    writeFileSync(join(a, 'unrelated.txt'), 'an unrelated change\n')
    writeFileSync(join(b, 'unrelated.txt'), 'an unrelated change\n')
    const cb = await deltaContext(b, join(root, 'idx-b'))
    await verifyDelta(cb, null, m, join(root, 'patch'))
    await applyDelta(cb, m)
    expect(snapshotTree(b, ['.git'])).toEqual(snapshotTree(a, ['.git']))
  })

  it('writes new content before removing where no removed path is on the way to it (also folding case)', () => {
    // A rename's removal and its new file beside it, in a directory the removals leave behind.
    expect(crosses(['data/00/f.txt'], ['data/00/f.md', 'data/00/f.txt.gz'], ['data', 'data/00'])).toBe(false)
    expect(crosses([], ['a'], [])).toBe(false)
    expect(crosses(['gone.txt'], ['gone.txt/now.md'], ['gone.txt'])).toBe(true)
    expect(crosses(['x'], [], ['x/deep'])).toBe(true)
    expect(crosses(['d/f'], ['d'], [])).toBe(true)
    expect(crosses(['Read.ME'], ['read.me'], [])).toBe(true)
    expect(crosses(['Caf\u00e9'], ['cafe\u0301/x'], [])).toBe(true)
  })

  it.each(BASES)(
    'a file that a directory of new content replaces is removed before that content is written (%s)',
    async (_, withBase) => {
      const { root, a, b } = await setup()
      const ca = await deltaContext(a, join(root, 'idx-a'))
      const base = await captureBase(ca)
      rmSync(join(a, 'gone.txt'))
      mkdirSync(join(a, 'gone.txt'))
      writeFileSync(join(a, 'gone.txt/now.md'), 'a file where a file was\n')
      writeFileSync(join(a, 'edit.txt'), 'elsewhere\n')
      const m = await captureDelta(ca, base, ['gone.txt', 'gone.txt/now.md'], ['gone.txt'], join(root, 'p'))
      const cb = await deltaContext(b, join(root, 'idx-b'))
      const verified = await verifyDelta(cb, withBase ? await captureBase(cb) : null, m, join(root, 'p'))
      await applyDelta(cb, m, verified)
      expect(snapshotTree(b, ['.git'])).toEqual(snapshotTree(a, ['.git']))
    }
  )

  it.each(BASES)(
    'a restore that fails after removing and writing puts every removed file back, from git where it holds them (%s)',
    async (_, withBase) => {
      const { root, b, m } = await changed(a => {
        mkdirSync(join(a, 'zz-blocker'))
        return ['zz-blocker']
      })
      expect(m.entries.filter(e => e.newMode === '000000').map(e => e.path)).toEqual(
        expect.arrayContaining(['gone.txt', 'dir/inner/file.txt', 'old/name.md'])
      )
      // On this runner an untracked file stands where the delta makes a directory, last of all.
      writeFileSync(join(b, 'zz-blocker'), 'in the way\n')
      const before = snapshotTree(b, ['.git'])
      const cb = await deltaContext(b, join(root, 'idx-b'))
      const verified = await verifyDelta(cb, withBase ? await captureBase(cb) : null, m, join(root, 'patch'))
      const err = await applyDelta(cb, m, verified).then(
        () => null,
        (e: Error) => e
      )
      expect(err?.message).toMatch(/put back as the checkout made it/)
      expect(snapshotTree(b, ['.git'])).toEqual(before)
    }
  )

  describe('refuses a forged delta before applying anything', () => {
    async function forged(
      change: (a: string) => void,
      edit: (m: DeltaManifest) => DeltaManifest = m => m
    ): Promise<Error> {
      const { root, a, b } = await setup()
      const ca = await deltaContext(a, join(root, 'idx-a'))
      const base = await captureBase(ca)
      change(a)
      const m = await captureDelta(ca, base, [], [], join(root, 'patch'))
      const fm = edit(structuredClone(m))
      const cb = await deltaContext(b, join(root, 'idx-b'))
      const before = snapshotTree(b)
      const err = (await verifyDelta(cb, await captureBase(cb), fm, join(root, 'patch')).catch(
        e => e as Error
      )) as Error
      expect(snapshotTree(b)).toEqual(before)
      return err
    }
    const edit = (a: string): void => writeFileSync(join(a, 'keep.txt'), 'changed\n')

    it('a manifest naming content its pack does not carry', async () => {
      const err = await forged(edit, m => {
        m.entries[0].newSha = '1'.repeat(40)
        return m
      })
      expect(err.message).toMatch(/lacks the content of keep\.txt/)
    })

    it('a manifest path inside .git or outside the workspace', async () => {
      for (const bad of ['.git/hooks/pre-commit', '../outside.txt', '/etc/passwd']) {
        const err = await forged(edit, m => {
          m.entries[0].path = bad
          return m
        })
        expect(err.message).toMatch(/unsafe paths/)
      }
    })

    it('a symlink pointing outside the workspace', async () => {
      const err = await forged(a => symlinkSync('../../../etc', join(a, 'evil')))
      expect(err.message).toMatch(/makes 'evil' a symlink pointing outside the workspace/)
    })

    it('content that is not a pack', async () => {
      const { root, a, b } = await setup()
      const ca = await deltaContext(a, join(root, 'idx-a'))
      const base = await captureBase(ca)
      edit(a)
      const m = await captureDelta(ca, base, [], [], join(root, 'patch'))
      writeFileSync(join(root, 'patch'), 'PACK but not really')
      const cb = await deltaContext(b, join(root, 'idx-b'))
      const err = (await verifyDelta(cb, await captureBase(cb), m, join(root, 'patch')).catch(
        e => e as Error
      )) as Error
      expect(err).toBeInstanceOf(DeltaMismatchError)
      expect(err.message).toMatch(/does not unpack here/)
    })

    it('a path beyond a symlink of the fresh workspace', async () => {
      const { root, a, b } = await setup()
      const ca = await deltaContext(a, join(root, 'idx-a'))
      const base = await captureBase(ca)
      writeFileSync(join(a, 'dir/inner/new.txt'), 'new\n')
      const m = await captureDelta(ca, base, [], [], join(root, 'patch'))
      const outside = join(root, 'outside')
      mkdirSync(outside)
      const cb = await deltaContext(b, join(root, 'idx-b'))
      const nowB = await captureBase(cb)
      rmSync(join(b, 'dir'), { recursive: true })
      symlinkSync(outside, join(b, 'dir'))
      const err = (await verifyDelta(cb, nowB, m, join(root, 'patch')).catch(e => e as Error)) as Error
      expect(err.message).toMatch(/writes 'dir\/inner\/new\.txt', but 'dir' is a symlink in this workspace/)
      expect(readdirSync(outside)).toEqual([])
    })
  })

  it('a second capture with nothing new gives the same tree from the kept private index', async () => {
    const { root, a } = await setup()
    const ca = await deltaContext(a, join(root, 'idx-a'))
    const base = await captureBase(ca)
    writeFileSync(join(a, 'keep.txt'), 'changed\n')
    const m1 = await captureDelta(ca, base, [], [], join(root, 'p1'))
    const m2 = await captureDelta(ca, base, [], [], join(root, 'p2'))
    expect(m2.tree).toBe(m1.tree)
    expect(m1.entries).toHaveLength(1)
    const out = execFileSync('git', ['diff', '--stat', base.tree, m2.tree], {
      cwd: a,
      encoding: 'utf8',
      env: { ...process.env, GIT_DIR: ca.gitDir }
    })
    expect(out).toMatch(/keep\.txt/)
  })

  it.each([0, 120])(
    'the base holds what `add -A` over the tracked files gives: untracked files and nested repositories, not ignored ones (%i more untracked)',
    async more => {
      const { root, a } = await setup()
      for (let i = 0; i < more; i++) writeTree(a, { [`more/m${i}.txt`]: `${i}\n` })
      writeFileSync(join(a, '.gitignore'), '*.log\nkept.cfg\n')
      execFileSync('git', ['add', '-f', '.gitignore'], { cwd: a })
      writeFileSync(join(a, 'kept.cfg'), 'tracked though ignored\n')
      execFileSync('git', ['add', '-f', 'kept.cfg'], { cwd: a })
      writeFileSync(join(a, 'untracked.txt'), 'new\n')
      mkdirSync(join(a, 'loose/deep'), { recursive: true })
      writeFileSync(join(a, 'loose/deep/x.md'), 'x\n')
      writeFileSync(join(a, 'skip.log'), 'ignored\n')
      rmSync(join(a, 'gone.txt'))
      execFileSync('git', ['init', '-q', join(a, 'nested')])
      writeFileSync(join(a, 'nested/f'), 'f\n')
      execFileSync('git', ['add', 'f'], { cwd: join(a, 'nested') })
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'n'], {
        cwd: join(a, 'nested')
      })
      const ca = await deltaContext(a, join(root, 'idx-a'))
      const base = await captureBase(ca)
      // The same base the long way: every tracked path, then `add -A`, into a scratch index.
      const env = { ...process.env, GIT_DIR: ca.gitDir, GIT_WORK_TREE: a, GIT_INDEX_FILE: join(root, 'long') }
      const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: a })
      execFileSync('git', ['update-index', '--add', '--remove', '--info-only', '-z', '--stdin'], {
        cwd: a,
        env,
        input: tracked
      })
      execFileSync('git', ['add', '-A', '--', '.'], { cwd: a, env, stdio: 'pipe' })
      const long = execFileSync('git', ['write-tree', '--missing-ok'], {
        cwd: a,
        env,
        encoding: 'utf8'
      }).trim()
      expect(base.tree).toBe(long)
      const listed = execFileSync('git', ['ls-tree', '-r', '--name-only', base.tree], {
        cwd: a,
        env,
        encoding: 'utf8'
      }).split('\n')
      expect(listed).toEqual(
        expect.arrayContaining(['kept.cfg', 'untracked.txt', 'loose/deep/x.md', 'nested'])
      )
      expect(listed).not.toContain('skip.log')
      expect(listed).not.toContain('gone.txt')
      expect(listed.filter(p => p.startsWith('more/'))).toHaveLength(more)
    }
  )

  it('a file rewritten at its size in the second of the base, or after the index was refreshed, is in the delta', async () => {
    const { root, a } = await setup()
    const ca = await deltaContext(a, join(root, 'idx-a'))
    const base = await captureBase(ca)
    // At once: in the second the index was written (stat data alone would not tell).
    writeFileSync(join(a, 'keep.txt'), 'KEEP\n')
    const written = statSync(ca.indexFile).mtimeMs
    expect(await refreshIndex(ca)).toBe(Date.now() >= refreshDue(written))
    // A refresh that was due rewrote the index just now: wait for the next second of that one.
    const last = statSync(ca.indexFile).mtimeMs
    await new Promise(r => setTimeout(r, Math.max(0, refreshDue(last) - Date.now())))
    expect(await refreshIndex(ca)).toBe(true)
    writeFileSync(join(a, 'edit.txt'), 'one\ntwo\nTHREE\n')
    const m = await captureDelta(ca, base, [], [], join(root, 'p'))
    expect(m.entries.map(e => e.path).sort()).toEqual(['edit.txt', 'keep.txt'])
    expect(readdirSync(ca.dir)).not.toContain('refresh-index')
  })

  it('a rollback writes again every file a batch of removals took, also when one of them failed', async () => {
    const root = tempDir('bulk-ops-rollback-')
    dirs.push(root)
    const ws = join(root, 'ws')
    mkdirSync(join(ws, 'd/c'), { recursive: true })
    writeFileSync(join(ws, 'd/a'), 'a')
    writeFileSync(join(ws, 'd/b'), 'b')
    const guard = new Rollback(ws, join(root, 'saved'))
    const item = (path: string): { path: string; mode: string; sha: string } => ({
      path,
      mode: '100644',
      sha: path
    })
    // A directory cannot be unlinked: the batch fails, the two files beside it are gone.
    await expect(guard.dropAll(['d/a', 'd/c', 'd/b', 'd/none'].map(item))).rejects.toThrow()
    expect(readdirSync(join(ws, 'd'))).toEqual(['c'])
    let rewritten: string[] = []
    await guard.rollback(async dropped => {
      rewritten = dropped.map(d => d.path).sort()
    })
    expect(rewritten).toEqual(['d/a', 'd/b'])
  })
})
