import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../src/cli-main.js'
import type { Counts, OpReport } from '../src/report/model.js'
import { Progress } from '../src/report/progress.js'
import { runCli } from './helpers/cli.js'
import { removeDir, tempDir, writeTree } from './helpers/tree.js'

/** The terminal's escape character (progress lines clear the line with ESC [2K). */
const ESC = '\u001b'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function setup(plan: string, files: Record<string, string>): { dir: string; ws: string; plan: string } {
  const dir = tempDir('bulk-ops-cli-report-')
  dirs.push(dir)
  const ws = join(dir, 'ws')
  writeTree(ws, { '.keep': '', ...files })
  writeFileSync(join(dir, 'plan.yml'), plan)
  return { dir, ws, plan: join(dir, 'plan.yml') }
}

const PLAN = `version: 1
defaults: { max-attempts: 2 }
operations:
  - id: archive
    move: { from: "legacy/*.md", to: "docs/{name}" }
  - id: gate
    run: { shell: 'test -e "$BULK_OPS_WORKSPACE/open"', creates: open }
  - write: { path: done.txt, content: "done" }
`

describe('CLI summary', () => {
  it('prints the summary as plain text and writes the Markdown with --summary, first and resumed', () => {
    const s = setup(PLAN, { 'legacy/a.md': 'a', 'legacy/b|<x>.md': 'b' })
    const args = ['run', s.plan, '--workspace', s.ws, '--state-dir', join(s.dir, 'state')]
    const first = runCli([...args, '--summary', join(s.dir, 's1.md'), '--report', join(s.dir, 'r.json')])
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(
      /^bulk-ops: finished with 1 failed — attempt 1, plan [0-9a-f]{16} \(.*plan\.yml\), /
    )
    expect(first.stdout).toContain('  4 operations: executed 3, skipped 0, failed 1, pending 0')
    expect(first.stdout).toMatch(/^ {2}#2 gate \(run\) \[retry, tries 1\]: shell script exited with code 1$/m)
    expect(first.stdout).toContain(
      'next: Running the same command again resumes at #2: it retries 1 failed operation; completed operations are skipped as done-earlier.'
    )
    const md1 = readFileSync(join(s.dir, 's1.md'), 'utf8')
    expect(md1.split('\n')[0]).toBe('## ❌ bulk-ops: finished with 1 failed')
    expect(md1).toContain(`Full report: <code>${join(s.dir, 'r.json').replace(/_/g, '&#95;')}</code>.`)
    expect(md1).toContain(
      '<code>legacy/b&#124;&#60;x&#62;.md</code> → <code>docs/b&#124;&#60;x&#62;.md</code>'
    )

    writeFileSync(join(s.ws, 'open'), '')
    const second = runCli([...args, '--summary', join(s.dir, 's2.md')])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/^bulk-ops: complete — attempt 2, resumed from #2, journal of attempt 1, /)
    // The gate's guard holds now: satisfied, not run.
    expect(second.stdout).toContain(
      '  4 operations: executed 0, skipped 4 (done-earlier 3, satisfied 1), failed 0, pending 0'
    )
    expect(second.stdout).toMatch(
      /^attempts:\n {2}attempt {2}started .*\n {2}1 .* 1 failed\n {2}2 .* complete$/m
    )
    expect(second.stdout).toMatch(/^ {2}archive +move +2 +0 +2 +0 +0$/m)
    expect(second.stdout).toContain('next: Nothing is left to do.')
    const md2 = readFileSync(join(s.dir, 's2.md'), 'utf8')
    expect(md2).toContain('Attempt **2** · resumed from **#2**, journal of attempt 1')
    expect(md2).toContain('### Skipped (4: done-earlier 3, satisfied 1)')
  })

  it('shows progress: a line redrawn in place on a terminal, lines now and then in a log', async () => {
    const s = setup(
      `version: 1
operations:
  - run: { files: "f/*", shell: 'sleep 0.05' }
`,
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f/${i}`, '']))
    )
    const run = async (tty: boolean): Promise<{ out: string; err: string }> => {
      let out = ''
      let err = ''
      const code = await main(
        ['run', s.plan, '--workspace', s.ws, '--fresh', '--state-dir', join(s.dir, `state-${tty}`)],
        {
          out: t => void (out += t),
          err: t => void (err += t),
          tty,
          progressEveryMs: 300,
          progressDelayMs: 0
        }
      )
      expect(code).toBe(0)
      return { out, err }
    }
    const term = await run(true)
    expect(term.err).toMatch(
      new RegExp(
        `\r${ESC}\\[2Kbulk-ops: [\\d,]+ of [\\d,]+ operations done, [\\d.,]+/s, ~[\\w.]+ left \\(at #\\d+\\): \\d+ executed, 0 skipped, 0 failed, 0 pending · `
      )
    )
    // The line is cleared before the summary, which stays clean.
    expect(term.err.endsWith('\r\x1b[2K')).toBe(true)
    expect(term.out).not.toMatch(new RegExp(`\r|${ESC}`))
    const log = await run(false)
    const lines = log.err.split('\n').filter(l => l.startsWith('bulk-ops: '))
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.length).toBeLessThan(20)
    expect(log.err).not.toMatch(new RegExp(`\r|${ESC}`))
  })
})

describe('Progress', () => {
  const counts = (n: number): Counts => ({ total: n, executed: n, skipped: 0, failed: 0, pending: 0 })
  const r = (seq: number): OpReport => ({
    seq,
    op: 'x',
    kind: 'write',
    from: null,
    to: 'a',
    outcome: 'executed',
    reason: null,
    attempts: 1,
    error: null
  })

  it('stays quiet in short runs, then writes a log line every interval', () => {
    let t = 0
    const out: string[] = []
    const p = new Progress({
      write: s => out.push(s),
      tty: false,
      now: () => t,
      delayMs: 2000,
      everyMs: 10_000
    })
    for (let i = 0; i < 100; i++) {
      t = i * 500
      p.update(counts(i + 1), r(i))
    }
    p.done()
    // At 2 s, 12 s, 22 s, 32 s, 42 s of a 49.5 s run.
    expect(out).toHaveLength(5)
    expect(out[0]).toBe(
      'bulk-ops: 5 operations done, 2.5/s (at #4): 5 executed, 0 skipped, 0 failed, 0 pending · 2.0s\n'
    )
  })

  it('shows what is in flight, the rate and the time left for the operations known', () => {
    let t = 0
    const out: string[] = []
    const p = new Progress({ write: s => out.push(s), tty: false, now: () => t, delayMs: 0, everyMs: 0 })
    t = 4000
    p.update(counts(10), r(9), { inFlight: 3, known: 50 })
    expect(out[0]).toMatch(
      /^bulk-ops: 10 of 50 operations done, 3 in flight, 2\.5\/s, ~16\.0s left \(at #9\)/
    )
    p.update(counts(50), r(49), { inFlight: 0, known: 50 })
    expect(out[1]).toMatch(/^bulk-ops: 50 operations done, 13\/s \(at #49\)/)
  })

  it('redraws one terminal line and clears it at the end', () => {
    let t = 0
    const out: string[] = []
    const p = new Progress({ write: s => out.push(s), tty: true, now: () => t, delayMs: 0, redrawMs: 100 })
    for (let i = 0; i < 10; i++) {
      t = i * 60
      p.update(counts(i + 1), r(i))
    }
    p.done()
    expect(out.every(l => l.startsWith('\r\x1b[2K'))).toBe(true)
    expect(out.slice(0, -1).every(l => !l.includes('\n'))).toBe(true)
    expect(out.length).toBe(6)
    expect(out.at(-1)).toBe('\r\x1b[2K')
  })
})
