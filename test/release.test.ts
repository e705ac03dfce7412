// What a release publishes agrees with itself: the LICENSE is the MIT license package.json
// declares, the changelog's newest version is package.json's (and package-lock.json's), and the
// changelog tools that the release script and workflow use do what they say.
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  compareVersions,
  newestRelease,
  parseChangelog,
  releaseNotes,
  releaseUnreleased
} from '../scripts/changelog.mjs'

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
