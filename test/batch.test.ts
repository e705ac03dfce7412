// Batched run operations (DESIGN.md §7): how batches form, what a command gets, a failing batch.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BATCH_ARGV_BYTES } from '../src/engine/batch.js'
import { runCli } from './helpers/cli.js'
import { cleanupSetups, numberedFiles, runPlanCli, setupPlan } from './helpers/command-plans.js'

afterEach(cleanupSetups)

/** A command that logs `SEQ ATTEMPT COUNT: PATHS` for its invocation and marks each path done. */
const ARGV = `[bash, -c, 'echo "$BULK_OPS_SEQ $BULK_OPS_ATTEMPT $#: $*" >> LOGFILE; for p; do touch "$p.done"; done', x, "{paths}"]`

describe('batched run operations', () => {
  it('hand at most `batch` paths to one invocation, in seq order, without those whose guard holds', () => {
    const tree = { ...numberedFiles(12), 'f/03.txt.done': '', 'f/04.txt.done': '' }
    const s = setupPlan(
      `version: 1\noperations:\n  - run: { files: "f/*.txt", command: ${ARGV}, creates: "{path}.done", batch: 4 }\n    parallel: 2\n`,
      tree
    )
    const r = runPlanCli(s)
    expect(r.code, r.stderr).toBe(0)
    expect(r.report.counts).toMatchObject({ total: 12, executed: 10, skipped: 2 })
    expect(r.report.operations.filter(o => o.reason === 'satisfied').map(o => o.seq)).toEqual([3, 4])
    const lines = readFileSync(s.log, 'utf8')
      .trim()
      .split('\n')
      .sort((a, b) => parseInt(a) - parseInt(b))
    expect(lines).toEqual([
      '0 1 4: f/00.txt f/01.txt f/02.txt f/05.txt',
      '6 1 4: f/06.txt f/07.txt f/08.txt f/09.txt',
      '10 1 2: f/10.txt f/11.txt'
    ])
  })

  it('give a shell script the paths NUL-separated in BULK_OPS_PATHS_FILE', () => {
    const s = setupPlan(
      `version: 1
operations:
  - run:
      files: "f/*"
      shell: 'while IFS= read -r -d "" p; do printf "%s|" "$p" >> LOGFILE; done < "$BULK_OPS_PATHS_FILE"; echo >> LOGFILE'
      batch: 3
`,
      { 'f/a b.txt': '', 'f/c\nd.txt': '', 'f/e.txt': '', 'f/g.txt': '' }
    )
    const r = runPlanCli(s)
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(s.log, 'utf8')).toBe('f/a b.txt|f/c\nd.txt|f/e.txt|\nf/g.txt|\n')
  })

  it("write BULK_OPS_PATHS_FILE in the runner's temporary directory (never one inside the workspace) and remove it when the batch is done", () => {
    const listed = (runnerTemp: (s: { dir: string; ws: string }) => string) => {
      const s = setupPlan(
        `version: 1
operations:
  - run:
      files: "f/*"
      shell: 'test -s "$BULK_OPS_PATHS_FILE" && printf "%s\\n" "$BULK_OPS_PATHS_FILE" >> LOGFILE'
      batch: 2
`,
        numberedFiles(4)
      )
      const temp = runnerTemp(s)
      mkdirSync(temp, { recursive: true })
      const r = runCli(['run', s.plan, '--workspace', s.ws], { env: { RUNNER_TEMP: temp } })
      expect(r.code, r.stderr).toBe(0)
      const lists = readFileSync(s.log, 'utf8').trim().split('\n')
      expect(lists).toHaveLength(2)
      return { temp, lists }
    }
    const outside = listed(s => join(s.dir, 'runner-temp'))
    for (const l of outside.lists) expect(l.startsWith(`${outside.temp}/bulk-ops-paths-`)).toBe(true)
    expect(readdirSync(outside.temp)).toEqual([])
    const inside = listed(s => join(s.ws, 'tmp'))
    for (const l of inside.lists) expect(l.startsWith(`${inside.temp}/`)).toBe(false)
    expect(readdirSync(inside.temp)).toEqual([])
  })

  it(`keep each invocation's argv under ${BATCH_ARGV_BYTES / 1024} KiB`, () => {
    const long = 'x'.repeat(200)
    const tree = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`${long}/${long}/${long}/${String(i).padStart(3, '0')}.txt`, ''])
    )
    const s = setupPlan(
      `version: 1\noperations:\n  - run: { files: "**/*.txt", command: [bash, -c, 'printf "%s\\\\n" "$@" | wc -c >> LOGFILE', x, "{paths}"], batch: 1000 }\n`,
      tree
    )
    const r = runPlanCli(s)
    expect(r.code, r.stderr).toBe(0)
    const sizes = readFileSync(s.log, 'utf8').trim().split('\n').map(Number)
    expect(sizes.length).toBeGreaterThanOrEqual(2)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(500 * (3 * 201 + 8))
    for (const n of sizes) expect(n).toBeLessThan(BATCH_ARGV_BYTES)
  })

  it('fail every operation of a failing batch with its exit code; the next attempt retries them', () => {
    const s = setupPlan(
      `version: 1
operations:
  - run:
      files: "f/*.txt"
      command: [bash, -c, 'echo "$BULK_OPS_SEQ $BULK_OPS_ATTEMPT" >> LOGFILE; [ "$BULK_OPS_SEQ" != 3 ] || [ -e ok ] || (echo "bad batch" >&2; exit 9)', x, "{paths}"]
      batch: 3
    parallel: 2
`,
      numberedFiles(9)
    )
    const first = runPlanCli(s)
    expect(first.code).toBe(1)
    expect(first.report.counts).toMatchObject({ executed: 6, failed: 3 })
    const failed = first.report.operations.filter(o => o.outcome === 'failed')
    expect(failed.map(o => o.seq)).toEqual([3, 4, 5])
    for (const o of failed) expect(o.error).toMatch(/exited with code 9; stderr:\nbad batch/)
    writeFileSync(join(s.ws, 'ok'), '')
    const second = runPlanCli(s)
    expect(second.code, second.stderr).toBe(0)
    expect(second.report.operations.filter(o => o.reason === 'done-earlier').length).toBe(6)
    expect(second.report.operations.filter(o => o.outcome === 'executed').map(o => o.seq)).toEqual([3, 4, 5])
    expect(readFileSync(s.log, 'utf8').trim().split('\n').sort()).toEqual(['0 1', '3 1', '3 2', '6 1'])
  })
})
