// The directory listings that answer for lstat where most paths are absent (a merge's and a
// restore's checks): every answer is lstat's own on this file system, and a listing rules a name
// out only where no file system (case-folding, normalising, vfat) could take it for a listed one.
import fc from 'fast-check'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { foldNames, Listing, ruledOut } from '../src/checkpoint/listing.js'
import { lstatIfAny } from '../src/checkpoint/rollback.js'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Name parts that file systems fold or alias: case, `~`, trailing dots and spaces, é, the Kelvin sign, the long s. */
const PARTS = ['a', 'A', 'b', 'B', 'k', 'K', 's', '~', '.', ' ', '1', 'é', 'É', 'e\u0301', '\u212a', '\u017f']
const name = fc
  .array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 4 })
  .map(p => p.join(''))
  .filter(n => n !== '.' && n !== '..')

/** How a case-insensitive, normalisation-insensitive file system that drops trailing dots and spaces compares two names. */
const alike = (a: string, b: string): boolean => {
  const key = (n: string): string =>
    n
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[. ]+$/, '')
  return key(a) === key(b)
}

describe('a directory listing', () => {
  it('rules a name out only when no listed name could be taken for it, on any file system', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 8 }), name, (listed, asked) => {
        if (!ruledOut(foldNames(listed), asked)) return true
        // vfat's short aliases hold `~`: a name ruled out has none.
        return !asked.includes('~') && listed.every(n => !alike(n, asked))
      }),
      { numRuns: 2000 }
    )
  })

  it('rules out the plain names that are not there, and nothing in a directory it cannot judge', () => {
    expect(ruledOut(foldNames(['README.md', 'src']), 'index.ts')).toBe(true)
    expect(ruledOut(foldNames(['README.md']), 'readme.MD')).toBe(false)
    expect(ruledOut(foldNames(['caf\u00e9.md']), 'index.ts')).toBe(false)
    expect(ruledOut(foldNames(['PROGRAM.TXT']), 'PROGRA~1.TXT')).toBe(false)
    expect(ruledOut(foldNames(['a']), 'a.')).toBe(false)
    expect(ruledOut(null, 'index.ts')).toBe(false)
  })

  it('answers as lstat does for any tree and any path in it or not', () => {
    const seg = fc.constantFrom('a', 'A', 'b', 'f.txt', 'F.TXT', 'é', 'x~1', 'n.')
    const tree = fc.array(
      fc.record({
        path: fc.array(seg, { minLength: 1, maxLength: 3 }),
        kind: fc.constantFrom('file', 'dir', 'link-dir', 'link-none')
      }),
      { maxLength: 12 }
    )
    const asked = fc.array(fc.array(seg, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(tree, asked, (entries, queries) => {
        const root = mkdtempSync(join(tmpdir(), 'bulk-ops-listing-'))
        dirs.push(root)
        for (const { path, kind } of entries) {
          const abs = join(root, ...path)
          try {
            mkdirSync(join(abs, '..'), { recursive: true })
            if (kind === 'file') writeFileSync(abs, 'x')
            else if (kind === 'dir') mkdirSync(abs)
            else symlinkSync(kind === 'link-dir' ? '.' : 'missing', abs)
          } catch {
            // a parent is a file, or the path is taken: the tree is what it is
          }
        }
        const listing = new Listing(root)
        for (const q of queries) {
          const rel = q.join('/')
          const got = listing.lstat(rel)
          const want = lstatIfAny(join(root, rel))
          expect(got?.ino, rel).toBe(want?.ino)
        }
        rmSync(root, { recursive: true, force: true })
      }),
      { numRuns: 150 }
    )
  })
})
