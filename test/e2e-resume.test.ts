import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../src/report/model.js'
import { ActionRun, readReport, signalWhen, uninterruptedTree } from './helpers/action-run.js'
import { freshClone } from './helpers/runner.js'
import { makeSampleOrigin } from './helpers/sample-repo.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'
import { startActionsService, type ActionsService } from './support/actions-service.js'

let svc: ActionsService
let root: string
let origin: string
let want: Record<string, string>

beforeAll(async () => {
  svc = await startActionsService()
  root = tempDir('bulk-ops-e2e-')
  origin = makeSampleOrigin(join(root, 'origin'))
  // The reference: one uninterrupted run on a fresh checkout.
  const ref = join(root, 'reference')
  freshClone(origin, ref)
  want = uninterruptedTree(ref, join(root, 'ref-state'))
})

afterAll(async () => {
  await svc?.stop()
  if (root) removeDir(root)
})

let nextRun = 1000

function scenario(store: string): ActionRun {
  return new ActionRun(svc, root, origin, nextRun++, { plan: '.github/bulk/plan.yml', store })
}

/** Attempt 2 on a fresh clone: resumes at `from`, ends as the uninterrupted run did. */
async function expectResumed(s: ActionRun, from: number): Promise<Report> {
  const a2 = await s.attempt(2)
  expect(a2.main.code, a2.main.stdout + a2.main.stderr).toBe(0)
  expect(a2.outputs.resumed, a2.main.stdout).toBe('true')
  expect(Number(a2.outputs['resumed-from'])).toBe(from)
  expect(snapshotTree(a2.ws, ['.git'])).toEqual(want)
  const rep = readReport(a2.outputs)
  expect(rep.complete).toBe(true)
  for (const o of rep.operations) {
    if (o.seq !== null && o.seq < from)
      expect([o.seq, o.outcome, o.reason]).toEqual([o.seq, 'skipped', 'done-earlier'])
  }
  expect(rep.counts.failed).toBe(0)
  return rep
}

describe.each(['cache', 'artifact', 'cache,artifact'])('Re-run failed jobs with store: %s', store => {
  it('resumes after a failed operation', async () => {
    const s = scenario(store)
    const a1 = await s.attempt(1, { env: { FAIL_ONCE: '1' } })
    expect(a1.main.code, a1.main.stdout).toBe(1)
    expect(a1.main.stdout).toMatch(/::error::.*operations failed/)
    const gate = readReport(a1.outputs).operations.find(o => o.op === 'gate')!
    expect(gate.outcome).toBe('failed')
    expect(a1.outputs['checkpoint-key']).toMatch(
      store.startsWith('cache') ? /^bulk-ops-[0-9a-f]{16}-\d+-1-\d+/ : /^bulk-ops-[0-9a-f]{16}-a1$/
    )
    const rep = await expectResumed(s, gate.seq!)
    expect(rep.operations.find(o => o.op === 'gate')!.outcome).toBe('executed')
  })

  it('resumes after SIGINT, with the post step saving the checkpoint', async () => {
    const s = scenario(store)
    const a1 = await s.attempt(1, {
      env: { SLOW: '1' },
      interrupt: signalWhen(() => existsSync(join(s.marks, 'slow-started')), 'SIGINT')
    })
    expect(a1.main.stdout).toMatch(/SIGINT received/)
    expect(a1.post!.stdout).toMatch(/checkpoint saved as/)
    const r1 = readReport(a1.outputs)
    expect(r1.stoppedBy).toBe('signal')
    const gate = r1.operations.find(o => o.op === 'gate')!
    expect(gate.outcome).toBe('pending')
    await expectResumed(s, gate.seq!)
  })

  it('resumes from the last periodic checkpoint after SIGKILL, with no post step', async () => {
    const s = scenario(store)
    let seqAtKill = -1
    const a1 = await s.attempt(1, {
      env: { SLOW: '1', STEP_SLEEP: '0.4' },
      noPost: true,
      interrupt: signalWhen(() => {
        const seqs = s.savedSeqs()
        if (!existsSync(join(s.marks, 'slow-started')) || !seqs.length) return false
        seqAtKill = Math.max(...seqs)
        return true
      }, 'SIGKILL')
    })
    expect(a1.main.signal).toBe('SIGKILL')
    expect(seqAtKill).toBeGreaterThan(0)
    await expectResumed(s, seqAtKill)
  })
})

describe('a re-run on a runner whose paths differ', () => {
  it('resumes from the cache alone when the workspace and RUNNER_TEMP paths both changed', async () => {
    const s = scenario('cache')
    const a1 = await s.attempt(1, { env: { FAIL_ONCE: '1' } })
    expect(a1.main.code, a1.main.stdout).toBe(1)
    const gate = readReport(a1.outputs).operations.find(o => o.op === 'gate')!
    const a2 = await s.attempt(2, {
      runner: {
        workspace: join(root, 'other-runner', '_work', 'repo', 'checkout'),
        temp: join(root, 'other-temp')
      }
    })
    expect(a2.main.code, a2.main.stdout + a2.main.stderr).toBe(0)
    expect(a2.outputs.resumed, a2.main.stdout).toBe('true')
    expect(Number(a2.outputs['resumed-from'])).toBe(gate.seq)
    expect(snapshotTree(a2.ws, ['.git'])).toEqual(want)
    expect(a2.main.stdout).not.toMatch(/started over/)
  })

  it('an attempt after the first that finds no checkpoint says so: a warning naming what it looked for, and the headline', async () => {
    const s = scenario('cache,artifact')
    const a2 = await s.attempt(2)
    expect(a2.main.code, a2.main.stdout).toBe(0)
    expect(a2.outputs.resumed).toBe('false')
    const warning = /::warning::started over: attempt 2 found no checkpoint of an earlier attempt[^\n]*/.exec(
      a2.main.stdout
    )
    expect(warning, a2.main.stdout).not.toBeNull()
    expect(warning![0]).toMatch(
      new RegExp(`cache entries with the key prefix 'bulk-ops-[0-9a-f]{16}-${s.runId}-': none found`)
    )
    expect(warning![0]).toMatch(/artifacts named 'bulk-ops-[0-9a-f]{16}-a<attempt>'.*: none found/)
    expect(a2.summary).toContain('started over: attempt 2 found no checkpoint of an earlier attempt')
    expect(a2.summary).toMatch(/\*\*started over\*\*/)
    const rep = readReport(a2.outputs)
    expect(rep.startedOver?.lookedFor).toHaveLength(2)
    // resume: require still refuses to start over.
    const a2r = await scenario('cache').attempt(2, { inputs: { resume: 'require' } })
    expect(a2r.main.code).toBe(1)
    expect(a2r.main.stdout).toMatch(/resume: require, but no checkpoint .* was found.*Looked for:/s)
  })

  it('a first attempt that finds nothing is a fresh start, without the warning', async () => {
    const s = scenario('cache')
    const a1 = await s.attempt(1)
    expect(a1.main.code, a1.main.stdout).toBe(0)
    expect(a1.main.stdout).not.toMatch(/started over/)
    expect(a1.summary).toContain('fresh start')
    expect(readReport(a1.outputs).startedOver).toBeUndefined()
  })
})
