// Parallel run operations (DESIGN.md §7): how many are in flight, in what order they start,
// path exclusion, stopping with commands in flight, and the journal they leave.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { nested } from '../src/engine/in-flight.js'
import { runPlan } from '../src/engine.js'
import { WAL_FILE } from '../src/journal/journal.js'
import { St } from '../src/journal/state.js'
import { parsePlan } from '../src/plan/load.js'
import type { Report } from '../src/report/model.js'
import { runCli, startCli } from './helpers/cli.js'
import { cleanupSetups, numberedFiles, runPlanCli, setupPlan } from './helpers/command-plans.js'
import { cleanupWorkspaces, makeWs } from './helpers/plans.js'

afterEach(() => {
  cleanupSetups()
  cleanupWorkspaces()
})

/** The log's lines `S seq path` / `E seq path`, in the order the commands wrote them. */
function events(log: string): { kind: string; seq: number; path: string }[] {
  return readFileSync(log, 'utf8')
    .trimEnd()
    .split('\n')
    .map(l => {
      const [kind, seq, path] = l.split(' ')
      return { kind, seq: Number(seq), path }
    })
}

/** Most commands in flight at once, and whether two on nested paths ever overlapped. */
function overlap(ev: ReturnType<typeof events>): { max: number; nestedOverlap: boolean } {
  const active = new Set<string>()
  let max = 0
  let nestedOverlap = false
  for (const e of ev) {
    if (e.kind === 'E') {
      active.delete(e.path)
      continue
    }
    for (const p of active) if (nested(p, e.path)) nestedOverlap = true
    active.add(e.path)
    max = Math.max(max, active.size)
  }
  return { max, nestedOverlap }
}

const LOGGED = `shell: 'echo "S $BULK_OPS_SEQ $BULK_OPS_PATH" >> LOGFILE; sleep 0.3; echo "E $BULK_OPS_SEQ $BULK_OPS_PATH" >> LOGFILE'`

/** Processes whose command line holds `marker`. */
function processesWith(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
  } catch {
    return []
  }
}

describe('parallel run operations', () => {
  it('keep at most `parallel` commands in flight, start them in seq order and journal each', () => {
    const s = setupPlan(
      `version: 1\noperations:\n  - run: { files: "f/*.txt", ${LOGGED} }\n    parallel: 3\n`,
      numberedFiles(8)
    )
    const r = runPlanCli(s)
    expect(r.code, r.stderr).toBe(0)
    expect(r.report.counts).toMatchObject({ total: 8, executed: 8 })
    expect(r.report.operations.map(o => o.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    const ev = events(s.log)
    const { max } = overlap(ev)
    expect(max).toBeGreaterThanOrEqual(2)
    expect(max).toBeLessThanOrEqual(3)
    // Dispatch order is the order of the start records (two processes may reach the log in either order).
    const wal = readFileSync(join(s.ws, '.bulk-ops', WAL_FILE), 'utf8')
    const starts = [...wal.matchAll(/"t":"s","q":(\d+)/g)].map(m => Number(m[1]))
    expect(starts).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(wal.match(/"t":"x"/g)?.length).toBe(8)
    expect(r.report.commands).toEqual([
      { op: 'operations[0]', parallel: 3, commands: 8, durationMs: expect.any(Number) }
    ])
  })

  it("log each invocation's stdout and stderr whole, apart from the others, and set its environment", () => {
    const s = setupPlan(
      `version: 1
operations:
  - run:
      files: "f/*.txt"
      shell: 'for i in 1 2 3 4 5; do echo "out $BULK_OPS_SEQ $i"; echo "err $BULK_OPS_SEQ $i" >&2; sleep 0.05; done; echo "$BULK_OPS_SEQ $BULK_OPS_ATTEMPT $BULK_OPS_PATH" >> LOGFILE'
    parallel: 4
`,
      numberedFiles(10)
    )
    const summary = join(s.dir, 'summary.md')
    const r = runPlanCli(s, '--verbose', '--summary', summary)
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(summary, 'utf8')).toMatch(
      /### Commands\n\n.*\n.*\n\| <code>operations&#91;0&#93;<\/code> \| 10 \| 4 \| - \| [\d.]+ \| /
    )
    for (let q = 0; q < 10; q++) {
      const lines = [1, 2, 3, 4, 5].map(i => `out ${q} ${i}`).join('\n')
      expect(r.stderr).toContain(`#${q} stdout:\n${lines}\n`)
      expect(r.stderr).toContain(`#${q} stderr:\n${lines.replaceAll('out', 'err')}\n`)
    }
    const env = readFileSync(s.log, 'utf8').trim().split('\n').sort()
    expect(env).toEqual(Array.from({ length: 10 }, (_, i) => `${i} 1 f/0${i}.txt`))
    const text = runCli(['run', s.plan, '--workspace', s.ws, '--fresh']).stdout
    expect(text).toMatch(/commands of operations\[0\]: 10 run, parallel 4, [\d.]+\/s over /)
  })

  it('number the tries of a command across runs in BULK_OPS_ATTEMPT', () => {
    const s = setupPlan(
      `version: 1
operations:
  - run: { files: "f/*.txt", shell: 'echo "$BULK_OPS_ATTEMPT" >> LOGFILE; [ "$BULK_OPS_ATTEMPT" = 2 ]' }
    parallel: 2
`,
      numberedFiles(2)
    )
    expect(runPlanCli(s).code).toBe(1)
    expect(runPlanCli(s).code).toBe(0)
    expect(readFileSync(s.log, 'utf8')).toBe('1\n1\n2\n2\n')
  })

  it('never run two commands on the same path or one inside another at once', () => {
    const tree = { 'd/a/x.txt': 'x', 'd/a/y.txt': 'y', 'd/b/z.txt': 'z', 'd/c.txt': 'c' }
    const s = setupPlan(
      `version: 1\noperations:\n  - run: { files: "d/**", ${LOGGED} }\n    parallel: 4\n`,
      tree
    )
    const r = runPlanCli(s)
    expect(r.code, r.stderr).toBe(0)
    expect(r.report.operations.map(o => o.from)).toContain('d/a')
    const o = overlap(events(s.log))
    expect(o.nestedOverlap).toBe(false)
    expect(o.max).toBeGreaterThanOrEqual(2)
  })

  it('take the --parallel flag as the default, and the operation over it', () => {
    const plan = `version: 1\noperations:\n  - run: { files: "f/*.txt", ${LOGGED} }\n`
    const s = setupPlan(plan, numberedFiles(4))
    runPlanCli(s, '--parallel', '4')
    expect(overlap(events(s.log)).max).toBeGreaterThanOrEqual(2)
    const one = setupPlan(`${plan}    parallel: 1\n`, numberedFiles(4))
    runPlanCli(one, '--parallel', 'auto')
    expect(overlap(events(one.log)).max).toBe(1)
    const bad = runCli(['run', s.plan, '--workspace', s.ws, '--parallel', '0'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--parallel: '0' is not a whole number from 1 to 1024, or auto/)
  })

  it('under continue-on-error: false, a failure interrupts the commands in flight: pending, exit 1', () => {
    const s = setupPlan(
      `version: 1
defaults: { continue-on-error: false }
operations:
  - run: { files: "f/*.txt", shell: 'if [ "$BULK_OPS_SEQ" = 0 ]; then exit 7; fi; sleep 20', creates: "{path}.never" }
    parallel: 3
`,
      numberedFiles(6)
    )
    const started = Date.now()
    const r = runPlanCli(s)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(r.code).toBe(1)
    expect(r.report.stoppedBy).toBe('fail-fast')
    expect(r.report.counts).toMatchObject({ total: 6, failed: 1, pending: 5, executed: 0 })
    expect(r.report.operations[0].error).toMatch(/exited with code 7/)
    expect(r.report.operations.slice(1).every(o => o.reason === 'fail-fast')).toBe(true)
  })

  it('on SIGINT with commands in flight: exit 3 within 7 s, no process left, and the resume completes', async () => {
    const marker = `30.${Date.now() % 100000}`
    const s = setupPlan(
      `version: 1
operations:
  - run:
      files: "f/*.txt"
      command: [bash, -c, 'if [ -e go ]; then touch "$1.done"; else sleep ${marker}; fi', bulk-ops-test, "{path}"]
      creates: "{path}.done"
    parallel: 3
`,
      numberedFiles(6)
    )
    const child = startCli(['run', s.plan, '--workspace', s.ws, '--report', s.report])
    let err = ''
    child.stderr!.on('data', d => (err += String(d)))
    const exited = new Promise<number | null>(r => child.on('exit', c => r(c)))
    for (let i = 0; i < 100 && processesWith(`sleep ${marker}`).length < 6; i++) {
      await new Promise(r => setTimeout(r, 100))
    }
    // Three commands in flight: each a bash and its sleep.
    expect(processesWith(`sleep ${marker}`).length).toBe(6)
    const sentAt = Date.now()
    child.kill('SIGINT')
    const code = await exited
    expect(Date.now() - sentAt).toBeLessThan(7000)
    expect(code, err).toBe(3)
    expect(processesWith(`sleep ${marker}`)).toEqual([])
    const first = JSON.parse(readFileSync(s.report, 'utf8')) as Report
    expect(first.counts).toMatchObject({ total: 6, pending: 6 })
    expect(first.stoppedBy).toBe('signal')
    writeFileSync(join(s.ws, 'go'), '')
    const second = runPlanCli(s)
    expect(second.code, second.stderr).toBe(0)
    expect(second.report.counts).toMatchObject({ total: 6, executed: 6 })
    for (let i = 0; i < 6; i++) expect(existsSync(join(s.ws, `f/0${i}.txt.done`))).toBe(true)
  })
})

describe('nested paths', () => {
  it('hold a path and the paths inside it, not a sibling with a common prefix', () => {
    expect(nested('a', 'a')).toBe(true)
    expect(nested('a', 'a/b')).toBe(true)
    expect(nested('a/b/c', 'a')).toBe(true)
    expect(nested('a', 'ab')).toBe(false)
    expect(nested('a/b', 'a/c')).toBe(false)
    expect(nested('', 'x')).toBe(true)
  })
})

describe('stops and checkpoints with commands in flight', () => {
  it('at the time budget, the commands in flight are interrupted after the grace period: pending, exit 3', () => {
    const s = setupPlan(
      `version: 1
operations:
  - run: { files: "f/*.txt", shell: 'sleep 20', creates: "{path}.never" }
    parallel: 2
`,
      numberedFiles(4)
    )
    const started = Date.now()
    const r = runPlanCli(s, '--time-budget', '1s')
    expect(Date.now() - started).toBeLessThan(12_000)
    expect(r.code).toBe(3)
    expect(r.report.stoppedBy).toBe('time-budget')
    expect(r.report.counts).toMatchObject({ total: 4, pending: 4 })
    expect(r.report.operations.every(o => o.reason === 'time-budget')).toBe(true)
  })

  it('take a checkpoint as a consistent cut: nothing in flight, nothing started but unfinished', async () => {
    const t = makeWs(numberedFiles(12))
    const plan = parsePlan(
      `version: 1
operations:
  - run: { files: "f/*.txt", shell: 'sleep 0.05; touch "$BULK_OPS_PATH.done"' }
    parallel: 3
`,
      'plan.yml'
    )
    let inFlight = 0
    const cuts: { inFlight: number; started: number; done: number }[] = []
    const { report } = await runPlan({
      plan,
      workspace: t.ws,
      stateDir: t.freshState(),
      checkpointEveryMs: 0,
      onProgress: (_c, _r, live) => void (inFlight = live.inFlight),
      onCheckpoint: async j => {
        const st = j.state
        let started = 0
        let done = 0
        for (let q = 0; q < st.total; q++) {
          if (st.status[q] === St.Started) started++
          if (st.isDone(q)) done++
        }
        cuts.push({ inFlight, started, done })
      }
    })
    expect(report.counts.executed).toBe(12)
    expect(cuts.length).toBeGreaterThanOrEqual(3)
    for (const c of cuts)
      expect({ inFlight: c.inFlight, started: c.started }).toEqual({ inFlight: 0, started: 0 })
    expect(cuts.map(c => c.done)).toEqual([...cuts.map(c => c.done)].sort((a, b) => a - b))
  })
})
