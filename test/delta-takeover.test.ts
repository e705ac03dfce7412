// A restore (a resume on a fresh runner, or a merge) gives new content to files the delta removes
// where it can, renaming them into place instead of unlinking one file and creating another (see
// reusable in src/checkpoint/restore.ts): the result is the same tree, byte for byte and mode for
// mode, a file shared through a hard link is never written through, and a restore that fails
// after the renames leaves the checkout as it was.
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats
} from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { captureBase, captureDelta, deltaContext, ZERO, type DeltaEntry } from '../src/checkpoint/delta.js'
import { applyDelta, reusable, verifyDelta } from '../src/checkpoint/restore.js'
import { freshClone, makeOrigin } from './helpers/runner.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

const text = (seed: number, bytes: number): string =>
  Array.from({ length: bytes }, (_, i) => String.fromCharCode(97 + ((seed * 7 + i * 13) % 26))).join('')

const FILES: Record<string, string> = {
  'docs/same.txt': text(1, 300),
  'docs/grow.txt': text(2, 200),
  'docs/shrink.txt': text(3, 900),
  'docs/exec.txt': text(4, 100),
  'docs/linked.txt': text(5, 400),
  'moved/pure.txt': text(6, 500),
  'keep.txt': text(7, 50)
}

/** Origin, the runner that made the changes (a) and a fresh runner (b), and the delta. */
async function scenario(): Promise<{
  root: string
  a: string
  b: string
  m: Awaited<ReturnType<typeof captureDelta>>
  pack: string
}> {
  const root = tempDir('bulk-ops-takeover-')
  dirs.push(root)
  const origin = makeOrigin(join(root, 'origin'), FILES)
  const a = join(root, 'a')
  const b = join(root, 'b')
  freshClone(origin, a)
  freshClone(origin, b)
  const ca = await deltaContext(a, join(root, 'idx-a'))
  const base = await captureBase(ca)
  // Renamed with new content of the same size, larger, smaller; made executable; a pure move.
  const edit = (from: string, to: string, content: string): void => {
    rmSync(join(a, from))
    writeFileSync(join(a, to), content)
  }
  edit('docs/same.txt', 'docs/same.md', text(11, 300))
  edit('docs/grow.txt', 'docs/grow.md', text(12, 700))
  edit('docs/shrink.txt', 'docs/shrink.md', text(13, 90))
  edit('docs/exec.txt', 'docs/exec.sh', text(14, 120))
  chmodSync(join(a, 'docs/exec.sh'), 0o755)
  edit('docs/linked.txt', 'docs/linked.md', text(15, 400))
  mkdirSync(join(a, 'elsewhere/deep'), { recursive: true })
  renameSync(join(a, 'moved/pure.txt'), join(a, 'elsewhere/deep/pure.txt'))
  writeFileSync(join(a, 'docs/brand-new.txt'), text(16, 64))
  const pack = join(root, 'pack')
  const m = await captureDelta(ca, base, [], [], pack)
  return { root, a, b, m, pack }
}

describe('a restore takes over removed files', () => {
  it('gives the same tree, reuses the removed files it can, and never writes through a hard link', async () => {
    const { root, a, b, m, pack } = await scenario()
    // On the fresh runner one removed file is also linked from outside the workspace.
    const outside = join(root, 'outside-link')
    linkSync(join(b, 'docs/linked.txt'), outside)
    const ino = (p: string): number => lstatSync(join(b, p)).ino
    const before = Object.fromEntries(Object.keys(FILES).map(p => [p, ino(p)]))
    const cb = await deltaContext(b, join(root, 'idx-b'))
    await applyDelta(cb, m, await verifyDelta(cb, null, m, pack))
    expect(snapshotTree(b, ['.git'])).toEqual(snapshotTree(a, ['.git']))
    expect(readFileSync(outside, 'utf8')).toBe(FILES['docs/linked.txt'])
    expect(lstatSync(outside).nlink).toBe(1)
    // The pure move is the same file. The new files of docs/ took over the most removed files
    // no longer than their content (100, 200 and 300 bytes for new ones of 64 to 700), never the
    // linked one or the one longer than any (900 bytes).
    expect(ino('elsewhere/deep/pure.txt')).toBe(before['moved/pure.txt'])
    const news = [
      'docs/brand-new.txt',
      'docs/shrink.md',
      'docs/exec.sh',
      'docs/same.md',
      'docs/linked.md',
      'docs/grow.md'
    ]
    const taken = news.map(ino).filter(i => Object.values(before).includes(i))
    expect(taken.sort()).toEqual(
      [before['docs/exec.txt'], before['docs/grow.txt'], before['docs/same.txt']].sort()
    )
    expect(lstatSync(join(b, 'docs/exec.sh')).mode & 0o111).toBe(0o111)
  })

  it('a restore that fails after the renames leaves the checkout as it was', async () => {
    const { root, b, m, pack } = await scenario()
    // A directory the delta creates cannot be made: the new content has landed by then.
    writeFileSync(join(b, 'zz-blocker'), 'in the way\n')
    const wrong = { ...m, createdDirs: [...m.createdDirs, 'zz-blocker'] }
    const before = snapshotTree(b, ['.git'])
    const cb = await deltaContext(b, join(root, 'idx-b'))
    const verified = await verifyDelta(cb, null, wrong, pack)
    const err = await applyDelta(cb, wrong, verified).then(
      () => null,
      (e: Error) => e
    )
    expect(err?.message).toMatch(/EEXIST|ENOTDIR|file already exists/i)
    expect(err?.message).toMatch(/put back as the checkout made it/)
    expect(snapshotTree(b, ['.git'])).toEqual(before)
  })
})

describe('reusable', () => {
  const entry = (
    path: string,
    oldSha: string,
    newSha: string,
    oldMode = '100644',
    newMode = '100644'
  ): DeltaEntry => ({ path, oldSha, newSha, oldMode, newMode }) as DeltaEntry

  it('pairs each removed file once, only regular files of one link no longer than the new content, same content first', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd')
    const file = fc.record({
      dir: fc.constantFrom('x', 'y', 'x/z'),
      name,
      sha: fc.constantFrom('1', '2', '3', '4', '5'),
      size: fc.nat(20),
      nlink: fc.constantFrom(1, 1, 1, 2),
      mode: fc.constantFrom('100644', '100644', '100755', '120000')
    })
    fc.assert(
      fc.property(fc.array(file, { maxLength: 12 }), fc.array(file, { maxLength: 12 }), (gone, made) => {
        const sha = (s: string): string => s.repeat(40)
        const removed = gone.map((f, i) =>
          entry(`${f.dir}/r${i}${f.name}`, sha(f.sha), ZERO, f.mode, '000000')
        )
        const news = made.map((f, i) => entry(`${f.dir}/n${i}${f.name}`, ZERO, sha(f.sha), '000000', f.mode))
        // A blob's size is its content's: the same sha, the same size.
        const sizeOf = new Map<string, number>()
        for (const f of [...gone, ...made]) if (!sizeOf.has(sha(f.sha))) sizeOf.set(sha(f.sha), f.size)
        const found = new Map(
          gone.map((f, i) => {
            const st = {
              isFile: () => f.mode !== '120000',
              nlink: f.nlink,
              size: sizeOf.get(sha(f.sha)),
              mode: 0o100644
            }
            return [removed[i].path, st as unknown as Stats | null]
          })
        )
        const pairs = reusable(news, removed, found, sizeOf)
        const froms = pairs.map(p => p.from)
        const tos = pairs.map(p => p.to)
        expect(new Set(froms).size).toBe(froms.length)
        expect(new Set(tos).size).toBe(tos.length)
        for (const p of pairs) {
          const st = found.get(p.from.path)!
          expect(removed).toContain(p.from)
          expect(news).toContain(p.to)
          expect(p.from.oldMode).not.toBe('120000')
          expect(p.to.newMode).not.toBe('120000')
          expect(st.nlink).toBe(1)
          expect(st.size).toBeLessThanOrEqual(sizeOf.get(p.to.newSha)!)
        }
        // Where a usable removed file holds a new file's content, some such file is renamed there.
        const usable = removed.filter(e => e.oldMode !== '120000' && found.get(e.path)!.nlink === 1)
        for (const n of news) {
          if (n.newMode === '120000') continue
          const holders = usable.filter(e => e.oldSha === n.newSha)
          const same = pairs.filter(p => p.to === n && p.from.oldSha === n.newSha).length
          const used = pairs.filter(p => p.from.oldSha === n.newSha && p.to.newSha === n.newSha).length
          if (holders.length > used) expect(same).toBe(1)
        }
      })
    )
  })
})
