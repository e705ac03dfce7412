// The bad-plan catalogue: every file pair under test/bad-plans/ is a plan that must be refused
// (exit 2) with a message that says what is wrong and where, and that must change nothing.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const DIR = join(import.meta.dirname, 'bad-plans')
const PLAN_NAME = /^\d{2,3}-[a-z0-9-]+\.(yml|yaml|json)$/

/** What `NN-name.expect.json` says about the plan `NN-name.yml`. */
interface Expectation {
  exit: number
  /** Substrings that must all appear in stderr. */
  message: string[]
  /** The 1-based line the message must point at (`plan.yml:LINE:COL:`). */
  line?: number
  /** The operation the message must name (`operations[N]`). */
  op?: number
  /** The field the message must name (`: FIELD: `). */
  field?: string
  /** Extra workspace set-up; `@outside` stands for a directory outside the workspace. */
  setup?: { description: string; symlinks?: Record<string, string> }
}

/** A small repository checkout for the plans to (not) act on. */
const BASE: Record<string, string | Buffer> = {
  'README.md': '# demo\n',
  'docs/guide.md': 'See [old notes](legacy/old.md).\n',
  'docs/legacy/old.md': '# Old notes\n',
  'src/index.js': "import { util } from './lib/util.js'\nutil()\n",
  'src/lib/util.js': 'export function util() {}\n',
  'images/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  'packages/a/package.json': '{ "name": "a" }\n',
  'packages/b/package.json': '{ "name": "b" }\n',
  'templates/LICENSE': 'MIT License\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/config': '[core]\n\tbare = false\n'
}

const planFiles = readdirSync(DIR)
  .filter(f => PLAN_NAME.test(f))
  .sort()

function expectationOf(plan: string): Expectation {
  const file = join(DIR, plan.replace(/\.(yml|yaml|json)$/, '.expect.json'))
  return JSON.parse(readFileSync(file, 'utf8')) as Expectation
}

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

describe('bad-plan catalogue', () => {
  it('has at least 40 cases, each plan with its expectation and each expectation with its plan', () => {
    expect(planFiles.length).toBeGreaterThanOrEqual(40)
    const all = readdirSync(DIR).filter(f => !f.startsWith('.'))
    const expects = all.filter(f => f.endsWith('.expect.json'))
    for (const f of all) {
      expect(PLAN_NAME.test(f) || f.endsWith('.expect.json'), `unexpected file ${f}`).toBe(true)
    }
    for (const e of expects) {
      const stem = e.replace(/\.expect\.json$/, '')
      expect(
        planFiles.some(p => p.replace(/\.(yml|yaml|json)$/, '') === stem),
        `${e} has no plan`
      ).toBe(true)
    }
    const numbers = planFiles.map(p => p.split('-')[0])
    expect(new Set(numbers).size, 'case numbers are unique').toBe(numbers.length)
    for (const p of planFiles) {
      const x = expectationOf(p)
      expect(x.exit, p).toBe(2)
      expect(x.message.length, p).toBeGreaterThan(0)
    }
  })

  it.each(planFiles)('%s is refused with a precise message and changes nothing', plan => {
    const x = expectationOf(plan)
    const ws = tempDir('bulk-ops-bad-plan-')
    const outside = tempDir('bulk-ops-outside-')
    dirs.push(ws, outside)
    writeTree(ws, BASE)
    writeTree(outside, { 'secret.md': 'outside the workspace\n' })
    for (const [link, target] of Object.entries(x.setup?.symlinks ?? {})) {
      mkdirSync(join(ws, link, '..'), { recursive: true })
      symlinkSync(target === '@outside' ? outside : target, join(ws, link))
    }
    const before = snapshotTree(ws, [])
    const outsideBefore = snapshotTree(outside, [])

    const r = runCli(['run', join(DIR, plan), '--workspace', ws])

    expect(r.code, r.stderr).toBe(x.exit)
    for (const m of x.message) expect(r.stderr).toContain(m)
    // Where: the plan file, and the line when the case has one.
    expect(r.stderr).toContain(plan)
    if (x.line !== undefined) expect(r.stderr).toContain(`${plan}:${x.line}:`)
    if (x.op !== undefined) expect(r.stderr).toContain(`operations[${x.op}]`)
    else if (/operations\[\d+\]/.test(r.stderr)) {
      throw new Error(`${plan}: the message names an operation; the expectation must give "op"`)
    }
    if (x.field !== undefined) expect(r.stderr).toContain(`: ${x.field}: `)
    expect(r.stderr.startsWith('bulk-ops: '), r.stderr).toBe(true)
    expect(r.stderr).not.toMatch(/^\s+at /m)
    expect(r.stderr).not.toContain('unexpected error')
    expect(r.stdout).toBe('')
    // Nothing changed, not even a state directory.
    expect(existsSync(join(ws, '.bulk-ops'))).toBe(false)
    expect(snapshotTree(ws, [])).toEqual(before)
    expect(snapshotTree(outside, [])).toEqual(outsideBefore)
  })
})
