import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Outputs } from '../src/constants.js'
import { annotationsFor, ANNOTATION_CAP } from '../src/report/annotations.js'
import { ReportCarrier } from '../src/report/audit-store.js'
import type { OpReport, Report } from '../src/report/model.js'
import { actionOutputs } from '../src/report/outputs.js'
import type { Candidate, CheckpointId, CheckpointStore } from '../src/store/types.js'
import { removeDir, tempDir } from './helpers/tree.js'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function op(seq: number, o: Partial<OpReport> = {}): OpReport {
  return {
    seq,
    op: 'fmt',
    kind: 'run',
    from: `src/f${seq}.ts`,
    to: null,
    outcome: 'executed',
    reason: null,
    attempts: 1,
    error: null,
    ...o
  }
}

function report(ops: OpReport[]): Report {
  const counts = { total: ops.length, executed: 0, skipped: 0, failed: 0, pending: 0 }
  for (const o of ops) counts[o.outcome]++
  return {
    version: 1,
    planId: 'feedfacefeedface',
    attempt: 2,
    complete: counts.pending === 0,
    resumedFrom: 3,
    dryRun: false,
    stoppedBy: null,
    startedAt: '2025-05-01T10:00:00.000Z',
    durationMs: 1000,
    counts,
    attempts: [],
    operations: ops
  }
}

describe('outputs', () => {
  it('sets every output that action.yml declares, and nothing else', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> }
    const out = actionOutputs(report([op(0), op(1, { outcome: 'pending', reason: 'signal' })]), {
      resumed: true,
      reportPath: '/tmp/r/report.json',
      summary: '### summary',
      checkpointKey: 'bulk-ops-k'
    })
    expect(Object.keys(out).sort()).toEqual(Object.keys(action.outputs).sort())
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(action.outputs).sort())
    expect(out).toEqual({
      total: '2',
      executed: '1',
      skipped: '0',
      failed: '0',
      pending: '1',
      complete: 'false',
      resumed: 'true',
      'resumed-from': '3',
      'plan-id': 'feedfacefeedface',
      report: '/tmp/r/report.json',
      summary: '### summary',
      'checkpoint-key': 'bulk-ops-k'
    })
  })
})

describe('annotations', () => {
  it('puts an error on the file of each failed operation and a warning on each that gave up', () => {
    const r = report([
      op(0),
      op(1, { outcome: 'failed', error: 'exit 1\nsyntax error' }),
      op(2, {
        outcome: 'failed',
        reason: 'gave-up',
        attempts: 3,
        error: 'exit 2',
        kind: 'move',
        to: 'lib/f2.ts'
      }),
      op(3, { outcome: 'failed', from: 'src/**/*.ts', error: "glob 'src/**/*.ts' matched nothing" }),
      op(4, { outcome: 'failed', from: null, error: 'gate closed' })
    ])
    const a = annotationsFor(r, p => `sub/${p}`)
    expect(a).toEqual([
      {
        level: 'error',
        title: 'bulk-ops: #1 fmt (run) failed',
        message: 'src/f1.ts: exit 1\nsyntax error\nA re-run retries it.',
        file: 'sub/src/f1.ts'
      },
      // A glob is not a file; an operation without a path has none.
      {
        level: 'error',
        title: 'bulk-ops: #3 fmt (run) failed',
        message: "src/**/*.ts: glob 'src/**/*.ts' matched nothing\nA re-run retries it."
      },
      {
        level: 'error',
        title: 'bulk-ops: #4 fmt (run) failed',
        message: 'gate closed\nA re-run retries it.'
      },
      {
        level: 'warning',
        title: 'bulk-ops: #2 fmt (move) gave up after 3 tries',
        message:
          'src/f2.ts → lib/f2.ts: exit 2\nA re-run does not retry it; raise max-attempts to try again.',
        file: 'sub/src/f2.ts'
      }
    ])
  })

  it('caps them at what GitHub shows per step, the last one counting the rest', () => {
    const ops = Array.from({ length: 44 }, (_, i) =>
      op(i, { outcome: 'failed', error: 'boom', reason: i % 4 === 0 ? 'gave-up' : null })
    )
    const a = annotationsFor(report(ops))
    const errors = a.filter(x => x.level === 'error')
    const warnings = a.filter(x => x.level === 'warning')
    expect(errors).toHaveLength(ANNOTATION_CAP)
    expect(errors.slice(0, 9).map(x => x.file)).toEqual(
      ops
        .filter(o => o.reason !== 'gave-up')
        .slice(0, 9)
        .map(o => o.from)
    )
    expect(errors[9]).toMatchObject({ message: expect.stringMatching(/^… and 24 more failed operations/) })
    expect(errors[9].file).toBeUndefined()
    expect(warnings).toHaveLength(ANNOTATION_CAP)
    expect(warnings[9].message).toMatch(/^… and 2 more operations gave up/)
  })
})

class FakeStore implements CheckpointStore {
  saved: { dir: string; files: string[]; id: CheckpointId }[] = []
  constructor(readonly kind: 'cache' | 'artifact') {}
  save(dir: string, id: CheckpointId): Promise<string | null> {
    this.saved.push({ dir, files: readdirSync(dir).sort(), id })
    return Promise.resolve(`${this.kind}-${id.seq}${id.final ? '' : '-p'}`)
  }
  candidates(): Promise<Candidate[]> {
    return Promise.resolve([])
  }
  lookingFor(): string {
    return `${this.kind} checkpoints`
  }
  restore(): Promise<boolean> {
    return Promise.resolve(false)
  }
  cleanup(): Promise<void> {
    return Promise.resolve()
  }
  storedBytes(): number {
    return 7
  }
}

describe('the JSON report in the audit artifact', () => {
  it('rides along with the final artifact checkpoint only', async () => {
    const dir = tempDir('bulk-ops-carrier-')
    dirs.push(dir)
    const staging = join(dir, 'checkpoint')
    mkdirSync(staging)
    writeFileSync(join(staging, 'checkpoint.json'), '{}')
    const reportPath = join(dir, 'report.json')
    const cache = new ReportCarrier(new FakeStore('cache'), reportPath)
    const artifact = new ReportCarrier(new FakeStore('artifact'), reportPath)
    // No report yet (periodic checkpoints): nothing extra.
    await artifact.save(staging, { planId: 'p', runId: '1', attempt: 1, seq: 3 })
    expect(existsSync(join(staging, 'report.json'))).toBe(false)
    writeFileSync(reportPath, '{"version":1}\n')
    await cache.save(staging, { planId: 'p', runId: '1', attempt: 1, seq: 5, final: true })
    expect(existsSync(join(staging, 'report.json'))).toBe(false)
    expect(cache.artifact).toBe('')
    await artifact.save(staging, { planId: 'p', runId: '1', attempt: 1, seq: 5, final: true })
    expect(readFileSync(join(staging, 'report.json'), 'utf8')).toBe('{"version":1}\n')
    expect(artifact.artifact).toBe('artifact-5')
    expect(artifact.kind).toBe('artifact')
    expect(artifact.storedBytes()).toBe(7)
  })
})
