// The bad-plan catalogue: every file pair under test/bad-plans/ is a plan that must be refused
// (exit 2) with a message that says what is wrong and where, and that must change nothing.
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CATALOGUE_DIR,
  CATALOGUE_TREE,
  catalogueCases,
  expectationOf,
  PLAN_NAME
} from './helpers/bad-plan-catalogue.js'
import { runCli } from './helpers/cli.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const DIR = CATALOGUE_DIR
const BASE: Record<string, string | Buffer> = {
  ...CATALOGUE_TREE,
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/config': '[core]\n\tbare = false\n'
}
const planFiles = catalogueCases()

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
