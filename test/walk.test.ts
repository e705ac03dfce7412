import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { OverlayFs } from '../src/fs/overlay-fs.js'
import { RealFs } from '../src/fs/real-fs.js'
import { actionsGlob, expandGlob } from '../src/plan/expand.js'
import { globProblem } from '../src/plan/glob-syntax.js'
import { Sandbox } from '../src/plan/paths.js'
import { compileGlob, walkGlob } from '../src/plan/walk.js'
import './helpers/plans.js' // keeps @actions/glob's ::debug:: lines out of the test output

// The walker against its definition: on random trees, every pattern matches exactly what
// `@actions/glob` 0.7 matches with the engine's options (or both fail).

// The root itself holds glob syntax and a space: it is escaped at the head of every pattern.
const top = mkdtempSync(join(tmpdir(), 'bulk-ops-walk [a] *'))
afterAll(() => rmSync(top, { recursive: true, force: true }))

/** Names with dots, spaces and glob metacharacters; a few shared so patterns hit them. */
const NAMES = [
  'a',
  'b',
  'ab',
  '.h',
  '.',
  'a.txt',
  'b.md',
  '.x.txt',
  'c d',
  'e[1]',
  'f*',
  'g?',
  'x\\y',
  '[',
  ']',
  'é.txt',
  'a b.txt',
  'inner'
]
type Entry =
  | { kind: 'file'; name: string }
  | { kind: 'dir'; name: string; children: Entry[] }
  | { kind: 'link-file' | 'link-dir' | 'broken'; name: string }

const nameArb = fc.constantFrom(...NAMES.filter(n => n !== '.'))
const entryArb: fc.Arbitrary<Entry> = fc.letrec<{ entry: Entry }>(tie => ({
  entry: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('file' as const), name: nameArb }),
    fc.record({
      kind: fc.constant('dir' as const),
      name: nameArb,
      children: fc.array(tie('entry'), { maxLength: 4 })
    }),
    fc.record({
      kind: fc.constantFrom('link-file' as const, 'link-dir' as const, 'broken' as const),
      name: nameArb
    })
  )
})).entry

/** Writes a tree; duplicate names in one directory keep the first. Links point at siblings' targets. */
function writeEntries(dir: string, entries: Entry[]): void {
  mkdirSync(dir, { recursive: true })
  const seen = new Set<string>()
  for (const e of entries) {
    if (seen.has(e.name)) continue
    seen.add(e.name)
    const p = join(dir, e.name)
    if (e.kind === 'file') writeFileSync(p, e.name)
    else if (e.kind === 'dir') writeEntries(p, e.children)
    else if (e.kind === 'link-file') symlinkSync(join(top, 'target-file'), p)
    else if (e.kind === 'link-dir') symlinkSync(join(top, 'target-dir'), p)
    else symlinkSync(join(top, 'nowhere'), p)
  }
}

const SEGMENTS = [
  '*',
  '**',
  '?',
  '*.txt',
  'a*',
  '*b',
  '[ab]',
  '[ab]*',
  '[!a]*',
  '.*',
  '[.]h',
  'a',
  'ab',
  'c d',
  'e[[]1]',
  'f[*]',
  '*[?]',
  'x\\\\y',
  '[[]',
  '*]',
  'é*',
  '?.txt',
  'inner'
]
const patternArb = fc
  .tuple(fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([segs, slash]) => segs.join('/') + (slash ? '/' : ''))
  .filter(p => globProblem(p) === null)

type Outcome = { ok: string[] } | { error: true }

async function oracle(abs: string, root: string): Promise<Outcome> {
  try {
    return { ok: (await actionsGlob(abs, root)).sort() }
  } catch {
    return { error: true }
  }
}

function walker(abs: string, root: string): Outcome | null {
  const c = compileGlob(abs)
  if (!c) return null
  try {
    return { ok: [...walkGlob(c, root, () => true).matches] }
  } catch {
    return { error: true }
  }
}

const escapeRoot = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\[(?=[^/]*\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]')

describe('walkGlob', () => {
  writeFileSync(join(top, 'target-file'), 'x')
  mkdirSync(join(top, 'target-dir', 'inner'), { recursive: true })
  writeFileSync(join(top, 'target-dir', 'inner', 'a.txt'), 'x')

  it('matches exactly what @actions/glob matches, on random trees and patterns', async () => {
    let n = 0
    let declined = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { minLength: 1, maxLength: 6 }),
        fc.array(patternArb, { minLength: 1, maxLength: 6 }),
        async (entries, patterns) => {
          const ws = join(top, `ws-${n++}`)
          writeEntries(ws, entries)
          try {
            for (const p of patterns) {
              const abs = `${escapeRoot(ws)}/${p}`
              const want = await oracle(abs, ws)
              const got = walker(abs, ws)
              if (got === null) {
                // Declined only where @actions/glob refuses the pattern itself.
                declined++
                expect(want, p).toEqual({ error: true })
              } else {
                expect(got, p).toEqual(want)
              }
            }
          } finally {
            rmSync(ws, { recursive: true, force: true })
          }
        }
      ),
      { numRuns: 200 }
    )
    expect(declined).toBeLessThan(n * 6)
  })

  it('agrees on the cases that define the semantics', async () => {
    const ws = join(top, 'fixed')
    writeEntries(ws, [
      {
        kind: 'dir',
        name: 'a',
        children: [
          { kind: 'file', name: 'a.txt' },
          { kind: 'dir', name: 'ab', children: [] }
        ]
      },
      { kind: 'link-dir', name: 'ab' },
      { kind: 'link-file', name: 'b.md' },
      { kind: 'broken', name: '.h' },
      { kind: 'file', name: '.x.txt' }
    ])
    const cases: Record<string, string[]> = {
      // A trailing `**` matches the directory itself; symlinked directories are not entered.
      'a/**': ['a', 'a/a.txt', 'a/ab'],
      '**/': ['.', 'a', 'a/ab'],
      '*': ['.h', '.x.txt', 'a', 'ab', 'b.md'],
      '*/': ['a'],
      '**/*.txt': ['.x.txt', 'a/a.txt'],
      // A symlink inside the literal prefix is passed through (lstat of the search path resolves
      // it), one where the prefix ends is not entered.
      'ab/inner/*.txt': ['ab/inner/a.txt'],
      'ab/*/a.txt': [],
      'ab/**': ['ab'],
      '[.]h': ['.h']
    }
    for (const [p, want] of Object.entries(cases)) {
      const abs = `${escapeRoot(ws)}/${p}`
      expect(walker(abs, ws), p).toEqual({ ok: want })
      expect(await oracle(abs, ws), p).toEqual({ ok: want })
    }
  })

  it('lists matches in the order of their whole paths, where a sibling sorts between a directory and its contents', () => {
    const ws = join(top, 'order')
    // '-' (0x2d), '.' (0x2e) and ' ' sort before '/' (0x2f), '0' after it: `a`, `a b`, `a-c`,
    // `a.txt`, then what is inside `a`, then `a0`.
    writeEntries(ws, [
      { kind: 'file', name: 'a0' },
      {
        kind: 'dir',
        name: 'a',
        children: [
          { kind: 'file', name: 'z' },
          { kind: 'dir', name: 'b', children: [{ kind: 'file', name: 'c' }] },
          { kind: 'file', name: 'b.txt' }
        ]
      },
      { kind: 'file', name: 'a.txt' },
      { kind: 'dir', name: 'a-c', children: [{ kind: 'file', name: 'd' }] },
      { kind: 'file', name: 'a b' }
    ])
    const want = ['a', 'a b', 'a-c', 'a-c/d', 'a.txt', 'a/b', 'a/b.txt', 'a/b/c', 'a/z', 'a0']
    expect([...want].sort()).toEqual(want)
    expect(walker(`${escapeRoot(ws)}/**`, ws)).toEqual({ ok: ['.', ...want] })
  })

  it('expandGlob keeps seeing what a dry-run created, and drops what it removed', async () => {
    const ws = join(top, 'overlay')
    writeEntries(ws, [
      {
        kind: 'dir',
        name: 'a',
        children: [
          { kind: 'file', name: 'a.txt' },
          { kind: 'file', name: 'b.md' }
        ]
      }
    ])
    const sandbox = new Sandbox(ws)
    await sandbox.init()
    const fs = new OverlayFs(new RealFs(ws))
    await fs.mkdirp(join(ws, 'new', 'deep'))
    await fs.writeFile(join(ws, 'new', 'deep', 'n.txt'), Buffer.from('x'), 0o644)
    await fs.rm(join(ws, 'a', 'a.txt'))
    expect((await expandGlob('**/*.txt', sandbox, fs)).matches).toEqual(['new/deep/n.txt'])
    expect((await expandGlob('new/**', sandbox, fs)).matches).toEqual(['new', 'new/deep', 'new/deep/n.txt'])
    expect((await expandGlob('*/', sandbox, fs)).matches).toEqual(['a', 'new'])
    expect((await expandGlob('**/*', sandbox, new RealFs(ws))).matches).toEqual(['a', 'a/a.txt', 'a/b.md'])
  })

  it('expandGlob drops .git anywhere and the state directory at the top, in any case', async () => {
    const ws = join(top, 'reserved')
    writeEntries(ws, [
      { kind: 'dir', name: '.git', children: [{ kind: 'file', name: 'a' }] },
      {
        kind: 'dir',
        name: 'a',
        children: [{ kind: 'dir', name: '.GIT', children: [{ kind: 'file', name: 'b' }] }]
      },
      { kind: 'dir', name: '.bulk-ops', children: [{ kind: 'file', name: 'a' }] },
      { kind: 'dir', name: 'b', children: [{ kind: 'dir', name: '.bulk-ops', children: [] }] },
      { kind: 'file', name: '.gitx' }
    ])
    const sandbox = new Sandbox(ws)
    await sandbox.init()
    expect((await expandGlob('**', sandbox, new RealFs(ws))).matches).toEqual([
      '.gitx',
      'a',
      'b',
      'b/.bulk-ops'
    ])
  })
})
