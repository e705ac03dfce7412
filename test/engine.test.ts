import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '../src/report/model.js'
import { runCli, startCli } from './helpers/cli.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

/** A workspace with `files`, a plan file beside it (outside the workspace) and a report path. */
function setup(
  plan: string,
  files: Record<string, string> = {}
): { ws: string; plan: string; report: string; dir: string } {
  const dir = tempDir()
  dirs.push(dir)
  const ws = join(dir, 'ws')
  writeTree(ws, { '.keep': '', ...files })
  writeFileSync(join(dir, 'plan.yml'), plan)
  return { ws, plan: join(dir, 'plan.yml'), report: join(dir, 'report.json'), dir }
}

function readReport(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report
}

function run(
  s: ReturnType<typeof setup>,
  ...extra: string[]
): { code: number | null; report: Report; stderr: string } {
  const r = runCli(['run', s.plan, '--workspace', s.ws, '--report', s.report, ...extra])
  return { code: r.code, report: readReport(s.report), stderr: r.stderr }
}

describe('resume', () => {
  it('skips everything completed earlier as done-earlier and reports where it resumed', () => {
    const s = setup(
      `version: 1
operations:
  - mkdir: out
  - write: { path: out/a.txt, content: "a" }
  - run: { shell: 'test -e "$BULK_OPS_WORKSPACE/go" && echo ok > out/b.txt', creates: out/b.txt }
  - write: { path: out/c.txt, content: "c" }
`
    )
    const first = run(s)
    expect(first.code).toBe(1)
    expect(first.report.counts).toMatchObject({ total: 4, executed: 3, failed: 1, pending: 0 })
    expect(first.report.resumedFrom).toBeNull()
    writeFileSync(join(s.ws, 'go'), '')
    const second = run(s)
    expect(second.code).toBe(0)
    expect(second.report.attempt).toBe(2)
    expect(second.report.resumedFrom).toBe(2)
    expect(second.report.operations.map(o => [o.outcome, o.reason])).toEqual([
      ['skipped', 'done-earlier'],
      ['skipped', 'done-earlier'],
      ['executed', null],
      ['skipped', 'done-earlier']
    ])
    expect(readFileSync(join(s.ws, 'out/b.txt'), 'utf8')).toBe('ok\n')
  })

  it('refuses to resume a changed plan, naming what changed, unless --fresh', () => {
    const s = setup('version: 1\noperations:\n  - mkdir: a\n  - write: { path: a/x, content: "1" }\n')
    expect(run(s).code).toBe(0)
    writeFileSync(s.plan, 'version: 1\noperations:\n  - mkdir: a\n  - write: { path: a/x, content: "2" }\n')
    const before = snapshotTree(s.ws)
    const r = runCli(['run', s.plan, '--workspace', s.ws])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/another plan/)
    expect(r.stderr).toMatch(/operations\[1\] \(write\) changed: content/)
    expect(r.stderr).toMatch(/--fresh/)
    expect(snapshotTree(s.ws)).toEqual(before)
    const fresh = runCli(['run', s.plan, '--workspace', s.ws, '--fresh', '--report', s.report])
    expect(fresh.code).toBe(1) // a/x exists with other content: conflict under on-conflict: fail
    expect(readReport(s.report).operations[1].error).toMatch(/conflict/)
  })
})

describe('stopping', () => {
  it('stops at the time budget with exit 3, everything left pending, and a resume completes it', () => {
    const ops = Array.from({ length: 12 }, (_, i) =>
      `  - run: { command: [sleep, "0.1"], creates: "" }\n`.replace('creates: ""', `creates: "done-${i}"`)
    )
    const plan = `version: 1\noperations:\n${ops.join('')}`.replace(
      /sleep, "0.1"\], creates: "done-(\d+)"/g,
      'bash, -c, "sleep 0.1; touch done-$1"], creates: "done-$1"'
    )
    const s = setup(plan)
    const first = run(s, '--time-budget', '400ms')
    expect(first.code).toBe(3)
    expect(first.report.complete).toBe(false)
    expect(first.report.stoppedBy).toBe('time-budget')
    expect(first.report.counts.pending).toBeGreaterThan(0)
    expect(first.report.counts.executed + first.report.counts.pending).toBe(12)
    expect(
      first.report.operations.filter(o => o.outcome === 'pending').every(o => o.reason === 'time-budget')
    ).toBe(true)
    const second = run(s)
    expect(second.code).toBe(0)
    expect(second.report.counts.executed).toBe(first.report.counts.pending)
    expect(second.report.resumedFrom).toBe(first.report.counts.executed)
    for (let i = 0; i < 12; i++) expect(existsSync(join(s.ws, `done-${i}`))).toBe(true)
  })

  it('on SIGINT stops a running command, exits 3 within 7 s, and a resume completes', async () => {
    const s = setup(
      `version: 1
operations:
  - write: { path: before.txt, content: "x" }
  - run: { shell: 'sleep 30 && touch slept', creates: slept }
  - write: { path: after.txt, content: "y" }
`
    )
    const child = startCli(['run', s.plan, '--workspace', s.ws, '--report', s.report])
    let err = ''
    child.stderr!.on('data', d => (err += String(d)))
    await new Promise(r => setTimeout(r, 1500))
    const sentAt = Date.now()
    child.kill('SIGINT')
    const code = await new Promise<number | null>(r => child.on('exit', c => r(c)))
    const took = Date.now() - sentAt
    expect(code, err).toBe(3)
    expect(took).toBeLessThan(7000)
    const report = readReport(s.report)
    expect(report.stoppedBy).toBe('signal')
    expect(report.operations.map(o => o.outcome)).toEqual(['executed', 'pending', 'pending'])
    expect(existsSync(join(s.ws, 'after.txt'))).toBe(false)
    writeFileSync(s.plan, readFileSync(s.plan, 'utf8')) // same plan
    writeFileSync(join(s.ws, 'slept'), '') // the guard now holds: the resume skips the long command
    const second = run(s)
    expect(second.code).toBe(0)
    expect(second.report.operations.map(o => o.reason)).toEqual(['done-earlier', 'satisfied', null])
  })

  it('continue-on-error: false stops at the first failure; the rest is pending and the exit code is 1', () => {
    const s = setup(`version: 1
defaults: { continue-on-error: false }
operations:
  - write: { path: a, content: "a" }
  - run: { command: ["false"] }
  - write: { path: b, content: "b" }
  - write: { path: c, content: "c" }
`)
    const r = run(s)
    expect(r.code).toBe(1)
    expect(r.report.counts).toMatchObject({ executed: 1, failed: 1, pending: 2 })
    expect(r.report.stoppedBy).toBe('fail-fast')
    expect(existsSync(join(s.ws, 'b'))).toBe(false)
  })
})

describe('retries', () => {
  it('counts max-attempts across runs and then gives up without running again', () => {
    const s = setup(`version: 1
operations:
  - run: { shell: 'echo x >> "$BULK_OPS_WORKSPACE/../tries"; exit 7' }
    max-attempts: 2
  - write: { path: ok, content: "ok" }
`)
    const tries = join(s.dir, 'tries')
    const one = run(s)
    expect(one.code).toBe(1)
    expect(one.report.operations[0]).toMatchObject({ outcome: 'failed', reason: null, attempts: 1 })
    expect(one.report.operations[0].error).toMatch(/exited with code 7/)
    const two = run(s)
    expect(two.report.operations[0]).toMatchObject({ outcome: 'failed', reason: 'gave-up', attempts: 2 })
    const three = run(s)
    expect(three.code).toBe(1)
    expect(three.report.operations[0]).toMatchObject({ outcome: 'failed', reason: 'gave-up', attempts: 2 })
    expect(three.report.operations[1]).toMatchObject({ outcome: 'skipped', reason: 'done-earlier' })
    expect(readFileSync(tries, 'utf8').trim().split('\n')).toHaveLength(2)
  })

  it('retries a timed-out command within the attempt', () => {
    const s = setup(`version: 1
operations:
  - run:
      shell: 'if [ -e "$BULK_OPS_WORKSPACE/../first" ]; then touch done; else touch "$BULK_OPS_WORKSPACE/../first"; sleep 5; fi'
      timeout: 500ms
      creates: done
`)
    const r = run(s)
    expect(r.code, r.stderr).toBe(0)
    expect(r.report.operations[0]).toMatchObject({ outcome: 'executed', attempts: 2 })
    expect(r.stderr).toMatch(/timed out after 500ms; retrying/)
  })
})
