// A sharded run end to end, each job running dist/index.js and dist/post.js as a runner does, on its
// own fresh clone and RUNNER_TEMP, against the local Actions service (each job its own runtime
// token; each attempt its own backend id, so earlier attempts' artifacts come through REST): a
// matrix of 3 shards of a plan of every kind, shard 2's runner lost (SIGKILL, no post step), the
// merge refused with nothing changed, "Re-run failed jobs" (shard 2 resumes, then the merge), and
// the merged tree byte-identical to one runner's run of the plan.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../src/report/model.js'
import { ActionRun, readReport, signalWhen } from './helpers/action-run.js'
import { runCli } from './helpers/cli.js'
import { freshClone, makeOrigin } from './helpers/runner.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'
import { startActionsService, type ActionsService } from './support/actions-service.js'

const PLAN = `version: 1
operations:
  - mkdir: out/copies
  - write: { path: NOTES.md, content: "images optimised\\n" }
  - rename: { from: "img/*.png", to: "{stem}.img" }
  - id: optimise
    run:
      files: "img/*.img"
      shell: 'if [ -n "$SLOW" ]; then sleep 0.4; fi; printf "optimised\\n" >> "$BULK_OPS_PATH"'
  - move: { from: "img/*.img", to: "out/{name}" }
  - replace: { files: "out/*.img", find: "png", with: "PNG" }
  - copy: { from: "out/*.img", to: "out/copies/" }
  - delete: "img/*.tmp"
`

let svc: ActionsService
let root: string
let origin: string

beforeAll(async () => {
  svc = await startActionsService()
  root = tempDir('bulk-ops-e2e-shards-')
  const files: Record<string, string> = { '.github/bulk/images.yml': PLAN, 'README.md': '# images\n' }
  for (let i = 0; i < 30; i++) files[`img/photo-${i}.png`] = `png bytes ${i}\n`
  for (let i = 0; i < 3; i++) files[`img/scratch-${i}.tmp`] = 'tmp\n'
  origin = makeOrigin(join(root, 'origin'), files)
})

afterAll(async () => {
  await svc?.stop()
  if (root) removeDir(root)
})

/** One runner's uninterrupted run of the plan: its tree and report. */
function singleRun(): { tree: Record<string, string>; report: Report } {
  const ws = join(root, 'single')
  freshClone(origin, ws)
  const reportFile = join(root, 'single-report.json')
  const r = runCli([
    'run',
    join(ws, '.github/bulk/images.yml'),
    '--workspace',
    ws,
    '--state-dir',
    join(root, 'single-state'),
    '--report',
    reportFile
  ])
  expect(r.code, r.stderr).toBe(0)
  return { tree: snapshotTree(ws, ['.git']), report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report }
}

function checkoutTree(): Record<string, string> {
  const ws = join(root, 'pristine')
  freshClone(origin, ws)
  return snapshotTree(ws, ['.git'])
}

describe('a matrix of 3 shards and a merge job', () => {
  it('survives a lost shard: the merge refuses with nothing changed, the re-run resumes it, the merge equals one runner', async () => {
    const single = singleRun()
    const run = new ActionRun(svc, root, origin, 4200, {
      plan: '.github/bulk/images.yml',
      store: 'cache,artifact'
    })
    run.attemptBackendIds = true

    const shard = (i: number): { job: string; inputs: Record<string, string> } => ({
      job: `shard${i}`,
      inputs: { shard: `${i}/3` }
    })
    for (const i of [1, 3]) {
      const a = await run.attempt(1, shard(i))
      expect(a.main.code, a.main.stdout + a.main.stderr).toBe(0)
      expect(a.summary).toMatch(new RegExp(`Shard \\*\\*${i}\\*\\* of \\*\\*3\\*\\*`))
      expect(readReport(a.outputs).shard).toMatchObject({ index: i, count: 3 })
    }
    // Shard 2's runner is lost once it has saved a periodic checkpoint (in both stores): no post step.
    let seqAtKill = -1
    const lost = await run.attempt(1, {
      ...shard(2),
      env: { SLOW: '1' },
      noPost: true,
      interrupt: signalWhen(() => {
        const seqs = run.savedSeqs('artifact')
        if (seqs.length) seqAtKill = Math.max(...seqs)
        return seqs.length > 0
      }, 'SIGKILL')
    })
    expect(lost.main.signal).toBe('SIGKILL')
    expect(seqAtKill).toBeGreaterThan(0)

    const pristine = checkoutTree()
    const m1 = await run.attempt(1, { job: 'merge', inputs: { merge: 'true' } })
    expect(m1.main.code).toBe(1)
    expect(m1.main.stdout).toMatch(/::error::cannot merge: 1 of 3 shards has no complete result/)
    expect(m1.main.stdout).toMatch(/shard 2: incomplete \(attempt 1 saved checkpoints but no final result/)
    expect(m1.main.stdout).toContain('"Re-run failed jobs" re-runs the shards that failed or were lost')
    expect(m1.summary).toContain('## ❌ bulk-ops: did not merge')
    expect(m1.summary).toContain('shard 2: incomplete')
    expect(snapshotTree(m1.ws, ['.git'])).toEqual(pristine)
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: m1.ws }).toString('utf8')).toBe('')

    // "Re-run failed jobs": shard 2 resumes from its own checkpoint, then the merge runs again.
    const again = await run.attempt(2, shard(2))
    expect(again.main.code, again.main.stdout + again.main.stderr).toBe(0)
    expect(again.outputs.resumed, again.main.stdout).toBe('true')
    expect(Number(again.outputs['resumed-from'])).toBe(seqAtKill)
    const m2 = await run.attempt(2, { job: 'merge', inputs: { merge: 'true' } })
    expect(m2.main.code, m2.main.stdout + m2.main.stderr).toBe(0)
    expect(snapshotTree(m2.ws, ['.git'])).toEqual(single.tree)
    const merged = readReport(m2.outputs)
    // The whole plan's total; what shard 2 did before it was lost is done-earlier now.
    expect(merged.counts.total).toBe(single.report.counts.total)
    expect([merged.counts.failed, merged.counts.pending]).toEqual([0, 0])
    const skipped = merged.operations.filter(o => o.outcome === 'skipped')
    expect(skipped.length).toBeGreaterThan(0)
    expect(skipped.every(o => o.reason === 'done-earlier')).toBe(true)
    expect(merged.operations.map(o => [o.op, o.from, o.to])).toEqual(
      single.report.operations.map(o => [o.op, o.from, o.to])
    )
    expect(m2.outputs.total).toBe(String(single.report.counts.total))
    expect(m2.outputs.complete).toBe('true')
    expect(merged.merge!.shards.map(s => [s.index, s.attempt])).toEqual([
      [1, 1],
      [2, 2],
      [3, 1]
    ])
    expect(merged.merge!.shards[1].attempts.map(a => a.attempt)).toEqual([1, 2])
    expect(m2.summary).toMatch(/Merged \*\*3\*\* shards into one result/)
    expect(m2.summary).toContain('merge of **3** shards')
    expect(m2.outputs.summary).toContain('| 2 |')
    // The merged checkout is what the pull-request step commits: git sees the plan's changes only.
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: m2.ws }).toString('utf8')
    expect(status).toContain('NOTES.md')
    expect(status).not.toContain('bulk-ops')
  }, 180_000)
})
