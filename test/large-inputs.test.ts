// Large inputs through the CLI: a plan of 100,000 declared operations (run to the end, and refused
// when its last operation is bad), and a `write` of 50 MB (written byte for byte, and refused
// beyond the schema's limit). Each runs in a child process, so memory stays the CLI's own.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '../src/report/model.js'
import { runCli } from './helpers/cli.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const OPS = 100_000
const DIRS = 10
const SLOW = { timeout: 600_000 }
const CLI_TIMEOUT_MS = 540_000

/** schema/plan.schema.json: write.content's maxLength (characters). */
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'plan.schema.json'), 'utf8'))
const MAX_CONTENT = findMaxContent(schema)

function findMaxContent(s: unknown): number {
  // The write body's `content` wherever the schema keeps it.
  const found: number[] = []
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return
    const o = v as Record<string, unknown>
    const content = (o.properties as Record<string, { maxLength?: number }> | undefined)?.content
    if (o.properties && (o.properties as Record<string, unknown>).path && content?.maxLength) {
      found.push(content.maxLength)
    }
    for (const x of Object.values(o)) walk(x)
  }
  walk(s)
  if (found.length !== 1)
    throw new Error(`expected one write.content maxLength in the schema, found ${found}`)
  return found[0]
}

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function setup(): { root: string; ws: string } {
  const root = tempDir('bulk-ops-large-')
  dirs.push(root)
  const ws = join(root, 'ws')
  writeTree(ws, { 'README.md': '# demo\n' })
  return { root, ws }
}

/** Line `i` of the big plan: one write into one of DIRS directories. */
function writeLine(i: number): string {
  return `  - write: { path: "d${i % DIRS}/f${i}.txt", content: "${i}\\n" }`
}

/** ASCII text of exactly `n` bytes, with line breaks, quotes, backslashes and tabs (escaped in JSON). */
function blob(n: number): string {
  const line = 'The quick brown fox 0123456789 "quoted" \\back\\slash\t tab ~!@#$%^&*()_+{}|:<>?\n'
  return line.repeat(Math.ceil(n / line.length)).slice(0, n)
}

describe('a plan of 100,000 operations', () => {
  it('loads, validates and runs every operation', SLOW, () => {
    const { root, ws } = setup()
    const plan = join(root, 'plan.yml')
    const lines = ['version: 1', 'operations:']
    for (let i = 0; i < OPS; i++) lines.push(writeLine(i))
    writeFileSync(plan, lines.join('\n') + '\n')
    const reportFile = join(root, 'report.json')

    const r = runCli(['run', plan, '--workspace', ws, '--report', reportFile], { timeoutMs: CLI_TIMEOUT_MS })

    expect(r.code, r.stderr.slice(-2000)).toBe(0)
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
    expect(report.counts).toEqual({ total: OPS, executed: OPS, skipped: 0, failed: 0, pending: 0 })
    expect(report.complete).toBe(true)
    expect(report.operations).toHaveLength(OPS)
    expect(report.operations[OPS - 1]).toMatchObject({ seq: OPS - 1, kind: 'write', outcome: 'executed' })
    for (let d = 0; d < DIRS; d++) expect(readdirSync(join(ws, `d${d}`)).length).toBe(OPS / DIRS)
    for (const i of [0, 1, 54_321, OPS - 1]) {
      expect(readFileSync(join(ws, `d${i % DIRS}`, `f${i}.txt`), 'utf8')).toBe(`${i}\n`)
    }
    // The text report stays short however long the plan.
    expect(r.stdout.split('\n').length).toBeLessThan(200)
  })

  it('is refused with exit 2 naming operations[99999] and its line when only that one is bad', SLOW, () => {
    const { root, ws } = setup()
    const plan = join(root, 'late-error.yml')
    const lines = ['version: 1', 'operations:']
    for (let i = 0; i < OPS - 1; i++) lines.push(writeLine(i))
    lines.push(`  - write: { path: "/srv/f${OPS - 1}.txt", content: "x" }`)
    writeFileSync(plan, lines.join('\n') + '\n')
    const before = snapshotTree(ws, [])

    const r = runCli(['run', plan, '--workspace', ws], { timeoutMs: CLI_TIMEOUT_MS })

    expect(r.code, r.stderr.slice(-2000)).toBe(2)
    // Line 1 is `version`, line 2 `operations:`, so operation i sits on line i + 3.
    expect(r.stderr).toContain(`late-error.yml:${OPS + 2}:`)
    expect(r.stderr).toContain(`operations[${OPS - 1}]`)
    expect(r.stderr).toContain(': write.path: ')
    expect(r.stderr).toContain(`'/srv/f${OPS - 1}.txt' is absolute`)
    expect(r.stderr).not.toMatch(/operations\[(?!99999\])\d+\]/)
    expect(r.stderr).not.toMatch(/^\s+at /m)
    expect(r.stdout).toBe('')
    expect(snapshotTree(ws, [])).toEqual(before)
  })
})

describe('a write of 50 MB', () => {
  it('writes exactly those bytes', SLOW, () => {
    const { root, ws } = setup()
    const content = blob(50 * 1024 * 1024)
    const plan = join(root, 'big-write.json')
    writeFileSync(
      plan,
      JSON.stringify({ version: 1, operations: [{ write: { path: 'big/blob.txt', content } }] })
    )
    const reportFile = join(root, 'report.json')

    const r = runCli(['run', plan, '--workspace', ws, '--report', reportFile], { timeoutMs: CLI_TIMEOUT_MS })

    expect(r.code, r.stderr.slice(-2000)).toBe(0)
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
    expect(report.counts).toMatchObject({ total: 1, executed: 1, failed: 0 })
    const file = join(ws, 'big', 'blob.txt')
    expect(statSync(file).size).toBe(50 * 1024 * 1024)
    const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
    expect(sha(readFileSync(file))).toBe(sha(content))
    // No scratch file left beside it.
    expect(readdirSync(join(ws, 'big'))).toEqual(['blob.txt'])
  })

  it("is refused with exit 2 when the content exceeds the schema's maximum", SLOW, () => {
    const { root, ws } = setup()
    expect(MAX_CONTENT).toBeGreaterThan(50 * 1024 * 1024)
    const content = blob(MAX_CONTENT + 1)
    const plan = join(root, 'too-big-write.json')
    writeFileSync(
      plan,
      JSON.stringify({ version: 1, operations: [{ write: { path: 'big/blob.txt', content } }] }, null, 1)
    )
    const before = snapshotTree(ws, [])

    const r = runCli(['run', plan, '--workspace', ws], { timeoutMs: CLI_TIMEOUT_MS })

    expect(r.code, r.stderr.slice(-2000)).toBe(2)
    expect(r.stderr).toContain('too-big-write.json:')
    expect(r.stderr).toContain('operations[0]')
    expect(r.stderr).toContain(': write.content: ')
    expect(r.stderr).toContain(`longer than ${MAX_CONTENT} characters`)
    // The message quotes no megabytes of content back.
    expect(r.stderr.length).toBeLessThan(4096)
    expect(r.stderr).not.toMatch(/^\s+at /m)
    expect(snapshotTree(ws, [])).toEqual(before)
  })
})
