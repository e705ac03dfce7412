import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { marked } from 'marked'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runCli } from './helpers/cli.js'
import { removeDir, tempDir } from './helpers/tree.js'
import { makeDemoRepo } from '../scripts/demo-repo.mjs'

const README = 'README.md'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml
const readme = readFileSync(README, 'utf8')

/** The rows of the first table under the `## heading` of the README, cells trimmed. */
function tableUnder(heading: string): string[][] {
  const start = readme.indexOf(`\n## ${heading}\n`)
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThan(0)
  const section = readme.slice(start + 1).split(/\n## /)[0]
  const lines = section.split('\n').filter(l => l.startsWith('|'))
  expect(lines.length, `a table under "## ${heading}"`).toBeGreaterThan(2)
  expect(lines[1]).toMatch(/^\|[\s:|-]+\|$/)
  return [lines[0], ...lines.slice(2)].map(l =>
    l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map(c => c.trim().replace(/\\\|/g, '|'))
  )
}

/** Cell text as plain words: no code marks, one space between words. */
function plain(s: string): string {
  return s.replace(/`/g, '').replace(/\s+/g, ' ').trim()
}

describe('README documents action.yml', () => {
  it('lists every input with its default and the description of action.yml, in order', () => {
    const [head, ...rows] = tableUnder('Inputs')
    expect(head).toEqual(['input', 'default', 'description'])
    expect(rows.map(r => plain(r[0]))).toEqual(Object.keys(action.inputs))
    for (const r of rows) {
      const input = action.inputs[plain(r[0])]
      const def = input.required ? '(required)' : input.default ? input.default : '(none)'
      expect(plain(r[1]), `default of ${r[0]}`).toBe(def)
      expect(plain(r[2]), `description of ${r[0]}`).toBe(plain(input.description))
    }
  })

  it('lists every output with the description of action.yml, in order', () => {
    const [head, ...rows] = tableUnder('Outputs')
    expect(head).toEqual(['output', 'description'])
    expect(rows.map(r => plain(r[0]))).toEqual(Object.keys(action.outputs))
    for (const r of rows)
      expect(plain(r[1]), `description of ${r[0]}`).toBe(plain(action.outputs[plain(r[0])].description))
  })
})

// ---------------------------------------------------------------------------------------------
// The demo's summaries, shown in the README, are real: this test runs the demo (the same sample
// repository and plan as `npm run demo`) and compares. UPDATE_README=1 rewrites them.

const dirs: string[] = []
afterAll(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

/** Times and durations change from run to run. */
function normalize(md: string): string {
  return md
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/g, '<time>')
    .replace(/\b(\d+ms|\d+\.\d+s|\d+m \d+s|\d+h \d+m \d+s)\b/g, '<duration>')
}

function block(name: string): { start: number; end: number; text: string } {
  const open = `<!-- ${name}:begin -->\n`
  const close = `<!-- ${name}:end -->`
  const start = readme.indexOf(open)
  const end = readme.indexOf(close)
  expect(start, `README has ${open.trim()}`).toBeGreaterThan(0)
  expect(end).toBeGreaterThan(start)
  return { start: start + open.length, end, text: readme.slice(start + open.length, end) }
}

describe('README shows the demo', () => {
  it('with the real summaries of its two attempts, which render as GFM', () => {
    const base = tempDir('bulk-ops-readme-demo-')
    dirs.push(base)
    makeDemoRepo(join(base, 'sample-repo'))
    copyFileSync('scripts/demo-plan.yml', join(base, 'demo-plan.yml'))
    const run = (summary: string) =>
      runCli(
        [
          'run',
          'demo-plan.yml',
          '--workspace',
          'sample-repo',
          '--state-dir',
          'state',
          '--report',
          'report.json',
          '--summary',
          summary
        ],
        { cwd: base }
      )
    expect(run('attempt-1.md').code).toBe(1)
    expect(run('attempt-2.md').code).toBe(0)
    const got = {
      'demo-attempt-1': readFileSync(join(base, 'attempt-1.md'), 'utf8'),
      'demo-attempt-2': readFileSync(join(base, 'attempt-2.md'), 'utf8')
    }
    if (process.env.UPDATE_README) {
      let text = readme
      for (const [name, md] of Object.entries(got)) {
        const open = `<!-- ${name}:begin -->\n`
        const a = text.indexOf(open) + open.length
        text = text.slice(0, a) + md + text.slice(text.indexOf(`<!-- ${name}:end -->`))
      }
      writeFileSync(README, text)
      return
    }
    for (const [name, md] of Object.entries(got)) {
      expect(
        normalize(block(name).text),
        `${name}: refresh with UPDATE_README=1 npm run test:unit -- test/readme.test.ts`
      ).toBe(normalize(md))
      const html = marked.parse(md, { async: false, gfm: true })
      expect(html).toContain('<table>')
      expect(html).toContain('<details>')
    }
    expect(got['demo-attempt-1']).toContain('## ❌ bulk-ops: finished with 1 failed')
    expect(got['demo-attempt-2']).toContain('## ✅ bulk-ops: complete')
    expect(got['demo-attempt-2']).toContain('resumed from **#')
  })
})

describe('README says where it runs, how it is released and under which license', () => {
  /** The text of the `## heading` section. */
  function section(heading: string): string {
    const start = readme.indexOf(`\n## ${heading}\n`)
    expect(start, `README has a "## ${heading}" section`).toBeGreaterThan(0)
    return readme.slice(start + 1).split(/\n## /)[0]
  }

  it('Runners: Linux supported; macOS and Windows refused, with what would go wrong', () => {
    const text = section('Runners')
    expect(text).toMatch(/runs on \*\*Linux runners\*\*/)
    expect(text).toMatch(/\*\*macOS and Windows runners\*\* the main step fails at once/)
    expect(text).toMatch(/case-insensitive/)
    expect(text).toMatch(/CRLF/)
  })

  it('Releases: semver tags, the moving major tag, and the release command that package.json has', () => {
    const text = section('Releases')
    expect(text).toContain('`vX.Y.Z`')
    expect(text).toMatch(/the major tag `vX`\s+moves to the newest `vX\.Y\.Z`/)
    expect(text).toContain('`npm run release -- X.Y.Z`')
    expect(text).toContain('`.github/workflows/release.yml`')
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.release).toBe('node scripts/release.mjs')
  })

  it("License: package.json's license, linked to LICENSE", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string }
    expect(section('License')).toMatch(
      new RegExp(`^## License\\n\\n${pkg.license}: see \\[LICENSE\\]\\(LICENSE\\)`)
    )
  })
})
