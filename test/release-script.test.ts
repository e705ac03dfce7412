// `npm run release -- X.Y.Z` on a copy of this repository (a git repository of its own, with this
// checkout's node_modules), with a quick stand-in for `npm test`: it prepares the release when
// everything holds, and otherwise changes nothing, or puts everything back.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newestRelease, parseChangelog, releaseNotes } from '../scripts/changelog.mjs'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'

const ROOT = join(import.meta.dirname, '..')
/** What the release script reads and what the build needs. */
const COPY = ['package.json', 'package-lock.json', 'CHANGELOG.md', 'scripts', 'src', 'schema']
const ENTRY = '- Something new.'
const CURRENT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
const [MAJOR, MINOR] = CURRENT.split('.').map(Number)
/** The version a test releases: the next minor one. */
const NEXT = `${MAJOR}.${MINOR + 1}.0`

/** The changelog with `body` as the whole Unreleased section. */
function withUnreleased(text: string, body: string): string {
  const { lines, sections } = parseChangelog(text)
  const u = sections.find(x => x.name === 'Unreleased')!
  return [...lines.slice(0, u.line + 1), '', ...(body ? [body, ''] : []), ...lines.slice(u.end)].join('\n')
}

let base: string
let n = 0

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
    cwd,
    encoding: 'utf8'
  })

beforeAll(() => {
  base = tempDir('bulk-ops-release-')
  const origin = join(base, 'origin')
  for (const p of COPY) cpSync(join(ROOT, p), join(origin, p), { recursive: true })
  writeFileSync(join(origin, '.gitignore'), 'node_modules\n')
  // dist/ as the copy builds it (the bundle's path comments depend on where node_modules is).
  symlinkSync(join(ROOT, 'node_modules'), join(origin, 'node_modules'))
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: origin, stdio: 'pipe' })
  // Something to release.
  const changelog = readFileSync(join(origin, 'CHANGELOG.md'), 'utf8')
  writeFileSync(join(origin, 'CHANGELOG.md'), withUnreleased(changelog, ENTRY))
  git(origin, 'init', '-q', '-b', 'main')
  git(origin, 'add', '-A')
  git(origin, 'commit', '-qm', 'base')
})

afterAll(() => {
  if (base) removeDir(base)
})

/** A fresh clone of the copy, with node_modules, ready for the script; `change` edits and commits it first. */
function checkout(change?: (dir: string) => void): string {
  const dir = join(base, `case-${++n}`)
  git(base, 'clone', '-q', join(base, 'origin'), dir)
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  if (change) {
    change(dir)
    git(dir, 'add', '-A')
    git(dir, 'commit', '-qm', 'change')
  }
  return dir
}

/** Runs the release script in `dir`; the stand-in test command marks that it ran and exits with `testExit`. */
function release(dir: string, args: string[], testExit = 0, alsoWrite?: string) {
  const mark = join(dir, '..', `tests-ran-${n}`)
  const also = alsoWrite ? `require('fs').writeFileSync(${JSON.stringify(join(dir, alsoWrite))}, 'x');` : ''
  const test = [
    'node',
    '-e',
    `require('fs').writeFileSync(${JSON.stringify(mark)}, 'ran'); ${also} process.exit(${testExit})`
  ]
  const r = spawnSync(process.execPath, ['scripts/release.mjs', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BULK_OPS_RELEASE_TEST_COMMAND: JSON.stringify(test) }
  })
  return { code: r.status, out: r.stdout, err: r.stderr, testsRan: existsSync(mark) }
}

/** The tree without .git and node_modules: what the script may change. */
const tree = (dir: string): Record<string, string> => snapshotTree(dir, ['.git', 'node_modules'])
const status = (dir: string): string => git(dir, 'status', '--porcelain', '--untracked-files=all')
const json = (dir: string, f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'))

describe('npm run release -- X.Y.Z', () => {
  it('bumps package.json and package-lock.json, moves Unreleased under the version, rebuilds dist/, prints the tag command', async () => {
    // A stale bundle in the commit: the release rebuilds it.
    const dir = checkout(d =>
      writeFileSync(join(d, 'dist/cli.js'), readFileSync(join(d, 'dist/cli.js'), 'utf8') + '// stale\n')
    )
    const before = new Date().toISOString().slice(0, 10)
    const r = release(dir, [NEXT])
    const after = new Date().toISOString().slice(0, 10)
    expect(r.code, r.err + r.out).toBe(0)
    expect(r.testsRan).toBe(true)

    expect(json(dir, 'package.json').version).toBe(NEXT)
    const lock = json(dir, 'package-lock.json')
    expect([lock.version, lock.packages[''].version]).toEqual([NEXT, NEXT])
    // Nothing else in the lock file changed.
    const oldLock = json(ROOT, 'package-lock.json')
    oldLock.version = oldLock.packages[''].version = NEXT
    expect(lock).toEqual(oldLock)

    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')
    const newest = newestRelease(changelog)
    expect(newest.version).toBe(NEXT)
    expect([before, after]).toContain(newest.date)
    expect(releaseNotes(changelog, NEXT)).toBe(`${ENTRY}\n`)
    expect(parseChangelog(changelog).sections[0]).toMatchObject({ name: 'Unreleased', body: '' })
    expect(releaseNotes(changelog, CURRENT)).toBe(
      releaseNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), CURRENT)
    )
    expect(changelog).toContain(`[unreleased]: https://github.com/bulk-ops/bulk-ops/compare/v${NEXT}...HEAD`)
    expect(changelog).toContain(
      `[${NEXT}]: https://github.com/bulk-ops/bulk-ops/compare/v${CURRENT}...v${NEXT}`
    )

    // The release commit passes the format check of `npm test`.
    for (const f of ['CHANGELOG.md', 'package.json']) {
      const options = { ...(await prettier.resolveConfig(join(ROOT, f))), filepath: join(dir, f) }
      expect(await prettier.check(readFileSync(join(dir, f), 'utf8'), options), `${f} is formatted`).toBe(
        true
      )
    }
    // dist/ is the fresh build again.
    expect(snapshotTree(join(dir, 'dist'), [])).toEqual(snapshotTree(join(base, 'origin', 'dist'), []))
    expect(status(dir).split('\n').filter(Boolean).sort()).toEqual([
      ' M CHANGELOG.md',
      ' M dist/cli.js',
      ' M package-lock.json',
      ' M package.json'
    ])
    expect(r.out).toContain(
      `git add -A && git commit -m "Release v${NEXT}" && git tag -a v${NEXT} -m "v${NEXT}" && git push --atomic origin HEAD v${NEXT}`
    )
    expect(r.out).toContain(`moves v${MAJOR} to it`)
  })

  it('changes nothing, and runs no tests, when the working tree is not clean', () => {
    const dir = checkout()
    writeFileSync(join(dir, 'notes.txt'), 'work in progress\n')
    const before = tree(dir)
    const r = release(dir, [NEXT])
    expect(r.code).toBe(1)
    expect(r.err).toContain('release: the working tree is not clean; commit or stash first:\n?? notes.txt\n')
    expect(r.err).toContain('?? notes.txt')
    expect(r.testsRan).toBe(false)
    expect(tree(dir)).toEqual(before)
  })

  it('changes nothing when the tests fail', () => {
    const dir = checkout()
    const before = tree(dir)
    const r = release(dir, [NEXT], 1)
    expect(r.code).toBe(1)
    expect(r.testsRan).toBe(true)
    expect(r.err).toMatch(/release: the tests failed \(.*\); nothing was changed/)
    expect(tree(dir)).toEqual(before)
    expect(status(dir)).toBe('')
  })

  it('changes nothing when the tests leave files behind', () => {
    const dir = checkout()
    const before = tree(dir)
    const r = release(dir, [NEXT], 0, 'stray.txt')
    expect(r.code).toBe(1)
    expect(r.err).toContain('the working tree is not clean after the tests (they changed files)')
    expect(r.err).toContain('?? stray.txt')
    const after = tree(dir)
    delete after['stray.txt']
    expect(after).toEqual(before)
  })

  it('puts everything back when the build fails after the version and changelog changed', () => {
    const dir = checkout(d => writeFileSync(join(d, 'src/index.ts'), 'export const broken = (\n'))
    const before = tree(dir)
    const r = release(dir, [NEXT])
    expect(r.code).toBe(1)
    expect(r.testsRan).toBe(true)
    expect(r.err).toMatch(/release: the build failed; everything was put back/)
    expect(tree(dir)).toEqual(before)
    expect(status(dir)).toBe('')
  })

  it.each([
    [[], 'usage: npm run release -- X.Y.Z'],
    [[`v${NEXT}`], `'v${NEXT}' is not a version X.Y.Z (write ${NEXT}, without the v)`],
    [['0.2'], "'0.2' is not a version X.Y.Z"],
    [[CURRENT], `version ${CURRENT} is not newer than package.json's ${CURRENT}`],
    [['0.0.0'], `version 0.0.0 is not newer than package.json's ${CURRENT}`]
  ])('refuses %j before any test or change', (args, message) => {
    const dir = checkout()
    const before = tree(dir)
    const r = release(dir, args)
    expect(r.code).toBe(1)
    expect(r.err).toContain(message)
    expect(r.testsRan).toBe(false)
    expect(tree(dir)).toEqual(before)
  })

  it('refuses a version whose tag exists, and a changelog with nothing under Unreleased', () => {
    const tagged = checkout()
    git(tagged, 'tag', `v${NEXT}`)
    const r1 = release(tagged, [NEXT])
    expect([r1.code, r1.testsRan]).toEqual([1, false])
    expect(r1.err).toContain(`tag v${NEXT} exists already`)

    const empty = checkout(d =>
      writeFileSync(
        join(d, 'CHANGELOG.md'),
        withUnreleased(readFileSync(join(d, 'CHANGELOG.md'), 'utf8'), '')
      )
    )
    const before = tree(empty)
    const r2 = release(empty, [NEXT])
    expect([r2.code, r2.testsRan]).toEqual([1, false])
    expect(r2.err).toContain('the Unreleased section is empty')
    expect(tree(empty)).toEqual(before)
  })
})
