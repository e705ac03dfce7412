// What a release publishes agrees with itself: the LICENSE is the MIT license package.json
// declares, the changelog's newest version is package.json's (and package-lock.json's), the
// changelog tools that the release script and workflow use do what they say, and the release
// workflow checks before it publishes, with least privilege, and moves the major tag right.
import fc from 'fast-check'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  compareVersions,
  newestRelease,
  parseChangelog,
  releaseNotes,
  releaseUnreleased
} from '../scripts/changelog.mjs'
import { makeOrigin } from './helpers/runner.js'
import { removeDir, tempDir } from './helpers/tree.js'

const ROOT = join(import.meta.dirname, '..')
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8')
const pkg = JSON.parse(read('package.json')) as { version: string; license: string }
const lock = JSON.parse(read('package-lock.json')) as {
  version: string
  packages: Record<string, { version?: string }>
}
const changelog = read('CHANGELOG.md')

describe('LICENSE and package.json', () => {
  it('LICENSE is the MIT license, as package.json declares, with the copyright of the bulk-ops authors', () => {
    expect(pkg.license).toBe('MIT')
    expect(existsSync(join(ROOT, 'LICENSE'))).toBe(true)
    const text = read('LICENSE')
    const lines = text.split('\n')
    expect(lines[0]).toBe('MIT License')
    expect(lines[2]).toBe('Copyright (c) 2026 The bulk-ops authors')
    // The license's own words, as the SPDX text has them (line breaks aside).
    const words = text.replace(/\s+/g, ' ')
    for (const clause of [
      'Permission is hereby granted, free of charge, to any person obtaining a copy of this software',
      'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.',
      'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'
    ])
      expect(words).toContain(clause)
  })
})

describe('CHANGELOG.md', () => {
  it("the newest released version is package.json's and package-lock.json's", () => {
    const newest = newestRelease(changelog)
    expect(newest.version).toBe(pkg.version)
    expect(lock.version).toBe(pkg.version)
    expect(lock.packages[''].version).toBe(pkg.version)
  })

  it('is in the Keep a Changelog form: Unreleased first, then releases newest first, dated, with links', () => {
    expect(changelog.startsWith('# Changelog\n')).toBe(true)
    const { sections, links } = parseChangelog(changelog)
    expect(sections[0].name).toBe('Unreleased')
    const released = sections.slice(1)
    expect(released.length).toBeGreaterThan(0)
    for (const s of released) {
      expect(s.name).toMatch(/^\d+\.\d+\.\d+$/)
      expect(s.date, `date of ${s.name}`).toMatch(/^\d{4}-\d\d-\d\d$/)
      expect(Number.isNaN(Date.parse(s.date!)), `date of ${s.name}`).toBe(false)
      expect(s.body, `entries of ${s.name}`).toMatch(/^- /m)
    }
    for (let i = 1; i < released.length; i++)
      expect(compareVersions(released[i - 1].name, released[i].name)).toBeGreaterThan(0)
    const defined = links.map(l => /^\[([^\]]+)\]:/.exec(l)![1].toLowerCase())
    for (const s of sections) expect(defined, `link for ${s.name}`).toContain(s.name.toLowerCase())
  })

  it("`node scripts/changelog.mjs notes VERSION` prints that version's section, and fails for a missing one", () => {
    const ok = spawnSync(process.execPath, ['scripts/changelog.mjs', 'notes', pkg.version], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toBe(releaseNotes(changelog, pkg.version))
    expect(ok.stdout).toMatch(/^- /m)
    expect(ok.stdout).not.toMatch(/^## |^\[[^\]]+\]: /m)
    const missing = spawnSync(process.execPath, ['scripts/changelog.mjs', 'notes', '99.0.0'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('no section for version 99.0.0')
  })
})

describe('releaseUnreleased', () => {
  const sample = [
    '# Changelog',
    '',
    'Intro.',
    '',
    '## [Unreleased]',
    '',
    '### Fixed',
    '',
    '- A fix.',
    '',
    '## [1.2.0] - 2026-01-02',
    '',
    '- Older.',
    '',
    '[unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD',
    '[1.2.0]: https://github.com/o/r/releases/tag/v1.2.0',
    ''
  ].join('\n')

  it('moves the Unreleased entries under the new version, leaves Unreleased empty and updates the links', () => {
    expect(releaseUnreleased(sample, '1.3.0', '2026-12-01')).toBe(
      [
        '# Changelog',
        '',
        'Intro.',
        '',
        '## [Unreleased]',
        '',
        '## [1.3.0] - 2026-12-01',
        '',
        '### Fixed',
        '',
        '- A fix.',
        '',
        '## [1.2.0] - 2026-01-02',
        '',
        '- Older.',
        '',
        '[unreleased]: https://github.com/o/r/compare/v1.3.0...HEAD',
        '[1.3.0]: https://github.com/o/r/compare/v1.2.0...v1.3.0',
        '[1.2.0]: https://github.com/o/r/releases/tag/v1.2.0',
        ''
      ].join('\n')
    )
  })

  it('refuses an empty Unreleased section, a version that is not newer, and one that is not X.Y.Z', () => {
    const released = releaseUnreleased(sample, '1.3.0', '2026-12-01')
    expect(() => releaseUnreleased(released, '1.4.0', '2026-12-02')).toThrow(/Unreleased section is empty/)
    expect(() => releaseUnreleased(sample, '1.2.0', '2026-12-01')).toThrow(/not newer than 1\.2\.0/)
    expect(() => releaseUnreleased(sample, '1.1.9', '2026-12-01')).toThrow(/not newer than 1\.2\.0/)
    expect(() => releaseUnreleased(sample, 'v1.3.0', '2026-12-01')).toThrow(/not a version X\.Y\.Z/)
    expect(() => releaseUnreleased(sample, '1.3', '2026-12-01')).toThrow(/not a version X\.Y\.Z/)
    expect(() => releaseUnreleased(sample.replace('## [Unreleased]\n', ''), '1.3.0', '2026-12-01')).toThrow(
      /no "## \[Unreleased\]" section/
    )
  })

  it('for any entries and newer version: the release notes are the entries, the newest release is the version', () => {
    const entry = fc
      .array(fc.stringMatching(/^[A-Za-z0-9 `.,()-]{1,40}$/), { minLength: 1, maxLength: 5 })
      .map(items => items.map(i => `- ${i.trim() || 'x'}`).join('\n'))
    const bump = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)).filter(([a, b, c]) => a + b + c > 0)
    fc.assert(
      fc.property(entry, bump, (entries, [a, b, c]) => {
        const text = sample.replace('### Fixed\n\n- A fix.', entries)
        const version = `${1 + a}.${2 + b}.${c}`
        const out = releaseUnreleased(text, version, '2026-12-01')
        expect(releaseNotes(out, version)).toBe(entries + '\n')
        expect(newestRelease(out)).toEqual({ version, date: '2026-12-01' })
        expect(releaseNotes(out, '1.2.0')).toBe('- Older.\n')
        expect(parseChangelog(out).sections[0]).toMatchObject({ name: 'Unreleased', body: '' })
      }),
      { numRuns: 100 }
    )
  })
})

interface WorkflowStep {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, { needs?: string; permissions?: Record<string, string>; steps: WorkflowStep[] }>
}

const releaseText = read('.github/workflows/release.yml')
const releaseWf = parse(releaseText) as Workflow
const stepNamed = (job: string, name: string): WorkflowStep => {
  const step = releaseWf.jobs[job].steps.find(s => s.name === name)
  expect(step, `${job}: step "${name}"`).toBeDefined()
  return step!
}

describe('the release workflow', () => {
  it('runs on a pushed tag vX.Y.Z only', () => {
    expect(releaseWf.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } })
  })

  it('verifies before it publishes: tag = version, changelog notes, dist/ = fresh build, npm test', () => {
    expect(releaseWf.jobs.publish.needs).toBe('verify')
    const verify = releaseWf.jobs.verify.steps
    const runs = verify.map(s => s.run ?? '')
    const at = (re: RegExp): number => runs.findIndex(r => re.test(r))
    expect(at(/^npm ci$/)).toBeGreaterThan(at(/require\('\.\/package\.json'\)\.version/))
    expect(at(/npm run build[\s\S]*git status --porcelain -- dist/)).toBeGreaterThan(at(/^npm ci$/))
    expect(at(/^npm test$/)).toBeGreaterThan(at(/npm run build/))
    expect(at(/changelog\.mjs notes/)).toBeGreaterThanOrEqual(0)
  })

  it('has least privilege: read-only but for the publish job, no credentials left in checkouts, no npm install where it can write', () => {
    expect(releaseWf.permissions).toEqual({ contents: 'read' })
    expect(releaseWf.jobs.verify.permissions).toBeUndefined()
    expect(releaseWf.jobs.publish.permissions).toEqual({ contents: 'write' })
    for (const job of Object.values(releaseWf.jobs)) {
      for (const s of job.steps.filter(x => x.uses?.startsWith('actions/checkout@')))
        expect(s.with?.['persist-credentials']).toBe(false)
    }
    expect(releaseWf.jobs.publish.steps.map(s => s.run ?? '').join('\n')).not.toMatch(/\bnpm\b|\bnpx\b/)
    // Event data reaches scripts through env, never spliced into them.
    for (const job of Object.values(releaseWf.jobs))
      for (const s of job.steps) expect(s.run ?? '').not.toContain('${{')
  })

  // The commits of these actions' release tags (read from their repositories' tags).
  const PINS = [
    'actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09 # v5.1.0',
    'actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0'
  ]

  it.each(['.github/workflows/release.yml', '.github/workflows/ci.yml'])(
    '%s uses only actions/checkout and actions/setup-node, pinned to the full commit SHAs of their release tags',
    file => {
      const uses = [...read(file).matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)]
        .map(m => m[1] + m[2])
        .filter(u => u !== './')
      expect(uses.length).toBeGreaterThan(0)
      for (const u of uses) expect(PINS, file).toContain(u)
    }
  )
})

describe("the release workflow's scripts, run as the runner runs them (bash -eo pipefail, a stand-in gh)", () => {
  const dirs: string[] = []
  afterAll(() => {
    while (dirs.length) removeDir(dirs.pop()!)
  })

  /** A git repository with one commit, a stand-in `gh` that logs its arguments, and RUNNER_TEMP. */
  function runner(): { repo: string; bin: string; temp: string; log: string; sha: string } {
    const dir = tempDir('bulk-ops-release-wf-')
    dirs.push(dir)
    const repo = makeOrigin(join(dir, 'repo'), { 'README.md': 'x\n' })
    const bin = join(dir, 'bin')
    const temp = join(dir, 'temp')
    mkdirSync(bin)
    mkdirSync(temp)
    writeFileSync(
      join(bin, 'gh'),
      [
        '#!/bin/sh',
        'printf "%s\\n" "$*" >> "$GH_LOG"',
        'case "$*" in',
        '  "release view "*) exit "${GH_RELEASE_EXISTS:-1}" ;;',
        '  *matching-refs*) for t in $GH_TAGS; do echo "refs/tags/$t"; done ;;',
        '  "api repos/"*"/git/ref/tags/"*) exit "${GH_MAJOR_EXISTS:-1}" ;;',
        'esac',
        ''
      ].join('\n')
    )
    chmodSync(join(bin, 'gh'), 0o755)
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim()
    return { repo, bin, temp, log: join(dir, 'gh.log'), sha }
  }

  function runStep(step: WorkflowStep, cwd: string, env: Record<string, string>) {
    const scripts = tempDir('bulk-ops-release-step-')
    dirs.push(scripts)
    const script = join(scripts, 'step.sh')
    writeFileSync(script, step.run!)
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        PATH: `${env.PATH_FIRST ?? ''}:${dirname(process.execPath)}:${process.env.PATH}`
      }
    })
    return { code: r.status, out: r.stdout + r.stderr }
  }
  const ghCalls = (log: string): string[] =>
    existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n') : []

  it("the tag check passes for package.json's version and fails, naming both, for another", () => {
    const step = stepNamed('verify', "The tag is package.json's version")
    expect(runStep(step, ROOT, { TAG: `v${pkg.version}` }).code).toBe(0)
    const bad = runStep(step, ROOT, { TAG: 'v99.0.0' })
    expect(bad.code).toBe(1)
    expect(bad.out).toContain(`::error::tag v99.0.0 is not package.json's version ${pkg.version}`)
  })

  it("the release notes are this version's changelog section", () => {
    const { temp } = runner()
    const r = runStep(stepNamed('publish', 'Release notes from CHANGELOG.md'), ROOT, {
      TAG: `v${pkg.version}`,
      RUNNER_TEMP: temp
    })
    expect(r.code, r.out).toBe(0)
    expect(readFileSync(join(temp, 'notes.md'), 'utf8')).toBe(releaseNotes(changelog, pkg.version))
    expect(
      runStep(stepNamed('publish', 'Release notes from CHANGELOG.md'), ROOT, {
        TAG: 'v99.0.0',
        RUNNER_TEMP: temp
      }).code
    ).toBe(1)
  })

  it('creates the release with those notes, or updates the notes of one a re-run finds', () => {
    const step = stepNamed('publish', 'Create the GitHub release')
    for (const exists of ['1', '0']) {
      const { repo, bin, temp, log } = runner()
      const r = runStep(step, repo, {
        TAG: 'v1.2.0',
        RUNNER_TEMP: temp,
        PATH_FIRST: bin,
        GH_LOG: log,
        GH_RELEASE_EXISTS: exists
      })
      expect(r.code, r.out).toBe(0)
      expect(ghCalls(log)).toEqual([
        'release view v1.2.0',
        exists === '1'
          ? `release create v1.2.0 --verify-tag --title v1.2.0 --notes-file ${temp}/notes.md`
          : `release edit v1.2.0 --title v1.2.0 --notes-file ${temp}/notes.md`
      ])
    }
  })

  it.each([
    // tag, the repository's vX.Y.Z tags, does vX exist, what is asked of the API
    ['v1.2.0', 'v1.0.0 v1.1.3 v1.2.0', '0', 'PATCH'],
    ['v1.0.0', 'v1.0.0', '1', 'POST'],
    ['v1.10.0', 'v1.9.0 v1.10.0 v1.2.0', '0', 'PATCH'],
    ['v1.9.1', 'v1.9.0 v1.9.1 v1.10.0', '0', 'none'],
    ['v2.0.0', 'v2.0.0 v2.0.0-rc.1', '1', 'POST']
  ])('moves the major tag for %s (tags %s, major exists %s): %s', (tag, tags, majorExists, expected) => {
    const { repo, bin, temp, log, sha } = runner()
    const major = tag.split('.')[0]
    const r = runStep(stepNamed('publish', 'Move the major tag to the release commit'), repo, {
      TAG: tag,
      REPO: 'bulk-ops/bulk-ops',
      RUNNER_TEMP: temp,
      PATH_FIRST: bin,
      GH_LOG: log,
      GH_TAGS: tags,
      GH_MAJOR_EXISTS: majorExists
    })
    expect(r.code, r.out).toBe(0)
    const calls = ghCalls(log)
    expect(calls[0]).toBe(
      `api repos/bulk-ops/bulk-ops/git/matching-refs/tags/${major}. --paginate --jq .[].ref`
    )
    const writes = calls.filter(c => /--method/.test(c))
    if (expected === 'none') {
      expect(writes).toEqual([])
      expect(r.out).toContain(`::notice::${major} stays where it is: v1.10.0 is newer than ${tag}`)
    } else {
      expect(calls[1]).toBe(`api repos/bulk-ops/bulk-ops/git/ref/tags/${major}`)
      expect(writes).toEqual([
        expected === 'PATCH'
          ? `api --method PATCH repos/bulk-ops/bulk-ops/git/refs/tags/${major} -f sha=${sha} -F force=true`
          : `api --method POST repos/bulk-ops/bulk-ops/git/refs -f ref=refs/tags/${major} -f sha=${sha}`
      ])
      expect(r.out).toContain(`::notice::${major} now points at ${sha} (${tag})`)
    }
  })
})
