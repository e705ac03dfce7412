import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runPlan } from '../src/engine.js'
import { silentLogger } from '../src/logger.js'
import { parsePlan } from '../src/plan/load.js'
import { Sandbox } from '../src/plan/paths.js'
import { preflight } from '../src/plan/preflight.js'
import { linesOf } from '../src/report/lines.js'
import type { OpReport, Report } from '../src/report/model.js'
import { reportPieces, writeReportFile } from '../src/report/report-file.js'
import { cleanupWorkspaces, makeWs, type TestWs } from './helpers/plans.js'

afterEach(cleanupWorkspaces)

/** Every way a line gets its paths: globs, templates, fan-outs, failed renders and expansions. */
const PLAN = `version: 1
defaults: { max-attempts: 1 }
operations:
  - rename: { from: "src/**/*.js", to: "{stem}.mjs" }
  - move: { from: "legacy/**/*.md", to: "docs/{relpath}" }
  - copy: { from: LICENSE, to: "{path}/LICENSE" }
    each: "packages/*/"
  - rename: { from: "bad/*", to: "{ext}" }
  - delete: "nothing/**/*.tmp"
  - write: { path: same.txt, content: "same" }
  - write: { path: differs.txt, content: "new\\n" }
  - copy: { from: missing.txt, to: x.txt }
  - delete: gone
`

const FILES = {
  'src/a.js': '',
  'src/deep/b.js': '',
  'legacy/x.md': '',
  'legacy/sub/y.md': '',
  LICENSE: 'MIT\n',
  'packages/p1/index.js': '',
  'packages/p2/index.js': '',
  'bad/noext': '',
  'same.txt': 'same',
  'differs.txt': 'old\n'
}

/** Runs `yaml`, keeping a copy of each operation's report as it was when the operation ended. */
async function run(
  t: TestWs,
  yaml: string,
  o: { dryRun?: boolean } = {}
): Promise<{ report: Report; ended: OpReport[] }> {
  const plan = parsePlan(yaml, 'plan.yml')
  const sandbox = new Sandbox(t.ws)
  await sandbox.init()
  await preflight(plan, sandbox)
  const ended: OpReport[] = []
  const { report } = await runPlan({
    plan,
    workspace: t.ws,
    stateDir: o.dryRun ? undefined : t.freshState(),
    dryRun: o.dryRun,
    logger: silentLogger,
    retryBaseMs: 1,
    onProgress: (_c, r) => ended.push(structuredClone(r))
  })
  return { report, ended }
}

function built(report: Report): OpReport[] {
  const lines = linesOf(report)
  return Array.from({ length: lines.length }, (_, i) => lines.line(i))
}

describe('report lines kept in columns', () => {
  for (const dryRun of [false, true]) {
    it(`are built again exactly as each operation ended${dryRun ? ' (dry-run)' : ''}`, async () => {
      const { report, ended } = await run(makeWs(FILES), PLAN, { dryRun })
      const lines = built(report)
      expect(lines).toEqual(ended)
      // Every field the summaries read without building a line agrees with the line.
      const l = linesOf(report)
      lines.forEach((r, i) => {
        expect([l.seq(i), l.op(i), l.kind(i), l.outcome(i), l.reason(i), l.classification(i)]).toEqual([
          r.seq,
          r.op,
          r.kind,
          r.outcome,
          r.reason,
          r.classification
        ])
        expect(l.hasDiff(i)).toBe(!!r.diff)
      })
      expect(new Set(lines.map(r => r.outcome))).toEqual(
        dryRun ? new Set(['skipped', 'failed']) : new Set(['executed', 'skipped', 'failed'])
      )
      // A template that does not render fails with its match; a glob that matched nothing, with itself.
      const failed = lines.filter(r => r.outcome === 'failed').map(r => [r.kind, r.from, r.to])
      expect(failed).toEqual(
        expect.arrayContaining([
          ['rename', 'bad/noext', null],
          ['delete', 'nothing/**/*.tmp', null]
        ])
      )
      expect(lines.find(r => r.kind === 'move')).toMatchObject({
        from: 'legacy/sub/y.md',
        to: 'docs/sub/y.md'
      })
      expect(report.operations).toEqual(lines)
    })
  }

  it('keep the lines of declared operations the run never expanded', async () => {
    const yaml = `version: 1
defaults: { continue-on-error: false }
operations:
  - copy: { from: missing.txt, to: x.txt }
  - move: { from: "legacy/**/*.md", to: "docs/{relpath}" }
  - write: { path: late.txt, content: "x" }
`
    const { report, ended } = await run(makeWs(FILES), yaml)
    expect(built(report)).toEqual(ended)
    expect(built(report).map(r => [r.seq, r.outcome, r.reason, r.from, r.to])).toEqual([
      [0, 'failed', null, 'missing.txt', 'x.txt'],
      [null, 'pending', 'fail-fast', 'legacy/**/*.md', 'docs/{relpath}'],
      [null, 'pending', 'fail-fast', 'late.txt', null]
    ])
  })

  it('see edits made to the operations array once it is built', async () => {
    const { report } = await run(makeWs(FILES), PLAN)
    report.operations[0].error = 'edited'
    expect(linesOf(report).line(0).error).toBe('edited')
  })
})

describe('the JSON report file', () => {
  it('is streamed to exactly what JSON.stringify writes, for a run and a dry-run', async () => {
    for (const dryRun of [false, true]) {
      const t = makeWs(FILES)
      const { report } = await run(t, PLAN, { dryRun })
      const file = join(t.dir, 'report.json')
      writeReportFile(file, report)
      expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(report, null, 2) + '\n')
    }
  })

  it('is written in pieces, none holding all the lines', () => {
    const op: OpReport = {
      seq: 0,
      op: 'operations[0]',
      kind: 'delete',
      from: 'a/b.txt',
      to: null,
      outcome: 'executed',
      reason: null,
      attempts: 1,
      error: null
    }
    const operations = Array.from({ length: 5000 }, (_, seq) => ({ ...op, seq }))
    const report = { version: 1, counts: { total: 5000 }, operations } as unknown as Report
    const pieces = [...reportPieces(report)]
    expect(pieces.length).toBeGreaterThan(2)
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2) + '\n')
    const empty = { ...report, operations: [] }
    expect([...reportPieces(empty)].join('')).toBe(JSON.stringify(empty, null, 2) + '\n')
  })
})
