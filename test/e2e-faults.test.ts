import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActionRun, readReport } from './helpers/action-run.js'
import { freshClone } from './helpers/runner.js'
import { commitAll, makeSampleOrigin } from './helpers/sample-repo.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'
import { startActionsService, type ActionsService } from './support/actions-service.js'

const execFileP = promisify(execFile)

let svc: ActionsService
let root: string
let nextRun = 5000

beforeAll(async () => {
  svc = await startActionsService()
  root = tempDir('bulk-ops-faults-')
})

afterAll(async () => {
  await svc?.stop()
  if (root) removeDir(root)
})

function run(store: string, inputs: Record<string, string> = {}, origin?: string): ActionRun {
  const runId = nextRun++
  const o = origin ?? makeSampleOrigin(join(root, `origin-${runId}`))
  return new ActionRun(svc, root, o, runId, { plan: '.github/bulk/plan.yml', store, ...inputs })
}

/** The attempt's checkpoint directory under its RUNNER_TEMP (one plan per test). */
function checkpointDir(r: ActionRun): string {
  const base = join(r.temp, 'bulk-ops')
  return join(base, readdirSync(base)[0], 'checkpoint')
}

/**
 * Runs the real cache client in a child process with this run's environment (asynchronously:
 * the emulated service answers from this very process).
 */
async function cacheClient(r: ActionRun, attempt: number, dir: string, code: string): Promise<string> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...svc.clientEnv({ runId: r.runId, runAttempt: attempt, jobId: `${r.runId}9`, ref: r.ref }),
    RUNNER_TEMP: r.temp,
    // The checkpoint directory by its bare name from its parent, as the action hands it over.
    GITHUB_WORKSPACE: dirname(dir)
  }
  const script = `import * as cache from '@actions/cache'\nprocess.chdir(${JSON.stringify(dirname(dir))})\n${code}\nprocess.exit(0)`
  const { stdout } = await execFileP(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    env,
    encoding: 'utf8',
    timeout: 60_000
  })
  return stdout
}

/**
 * Takes the run's saved checkpoint, lets `tamper` change it, and saves it under a newer key of
 * the same prefix: the cache then offers the forged one first.
 */
async function forgeNewest(r: ActionRun, key: string, tamper: (dir: string) => void): Promise<string> {
  const dir = checkpointDir(r)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const got = await cacheClient(
    r,
    1,
    dir,
    `process.stdout.write(String(await cache.restoreCache([${JSON.stringify(basename(dir))}], ${JSON.stringify(key)})))`
  )
  expect(got.trim().split('\n').pop()).toBe(key)
  tamper(dir)
  const forged = key.replace(/-1-(\d+)(\.\d+)?$/, '-1-99999')
  const id = await cacheClient(
    r,
    1,
    dir,
    `process.stdout.write(String(await cache.saveCache([${JSON.stringify(basename(dir))}], ${JSON.stringify(forged)})))`
  )
  expect(Number(id.trim().split('\n').pop())).toBeGreaterThan(0)
  return forged
}

describe('checkpoint faults', () => {
  it('a cache outage (500) is a warning; the artifact store carries the checkpoint', async () => {
    const r = run('cache,artifact')
    svc.faults.add({ method: 'CreateCacheEntry', kind: 500, runId: String(r.runId) })
    const a1 = await r.attempt(1, { env: { FAIL_ONCE: '1', BULK_OPS_STORE_TIMEOUT: '2' } })
    expect(a1.main.code).toBe(1)
    expect(a1.main.stdout).toMatch(
      /::warning::cache: checkpoint bulk-ops-\S+ not saved: cache save timed out/
    )
    expect(a1.main.stdout).toMatch(/artifact: uploaded checkpoint/)
    svc.faults.reset({ runId: String(r.runId) })
    const a2 = await r.attempt(2)
    expect(a2.main.code, a2.main.stdout).toBe(0)
    expect(a2.main.stdout).toMatch(/restored checkpoint bulk-ops-\S+-a1 from the artifact/)
  })

  it('a 429 from the cache is a warning, never a failure of the step', async () => {
    const r = run('cache')
    svc.faults.add({ method: 'CreateCacheEntry', kind: 429, runId: String(r.runId) })
    const a1 = await r.attempt(1)
    expect(a1.main.code, a1.main.stdout).toBe(0)
    expect(a1.main.stdout).toMatch(/::warning::cache: checkpoint \S+ not saved/)
    expect(readReport(a1.outputs).complete).toBe(true)
    expect(a1.outputs['checkpoint-key']).toBe('')
  })

  it('a read-only cache mode saves nothing and says so', async () => {
    const r = run('cache')
    const a1 = await r.attempt(1, { env: { ACTIONS_CACHE_MODE: 'read' } })
    expect(a1.main.code).toBe(0)
    expect(a1.main.stdout).toMatch(/ACTIONS_CACHE_MODE=read forbids saving/)
    expect(svc.calls({ runId: String(r.runId), service: 'cache' })).not.toContain('CreateCacheEntry')
  })

  it('a corrupt newest checkpoint falls back to the older valid one', async () => {
    const r = run('cache')
    const a1 = await r.attempt(1, { env: { FAIL_ONCE: '1' } })
    const key = a1.outputs['checkpoint-key']
    const forged = await forgeNewest(r, key, dir => {
      const p = join(dir, 'state.json')
      writeFileSync(p, readFileSync(p, 'utf8').replace('"planId"', '"planID"'))
    })
    const a2 = await r.attempt(2)
    expect(a2.main.code, a2.main.stdout).toBe(0)
    expect(a2.main.stdout).toContain(
      `checkpoint cache ${forged} cannot be used (refused: state.json fails its checksum)`
    )
    expect(a2.main.stdout).toContain(`restored checkpoint ${key} from the cache`)
    expect(a2.outputs.resumed).toBe('true')
  })

  it('a checkpoint of another plan is refused with a message, and nothing is applied', async () => {
    const r = run('cache')
    const a1 = await r.attempt(1, { env: { FAIL_ONCE: '1' } })
    const key = a1.outputs['checkpoint-key']
    await forgeNewest(r, key, dir => {
      const p = join(dir, 'checkpoint.json')
      writeFileSync(p, readFileSync(p, 'utf8').replace(/"planId":"[0-9a-f]+"/, '"planId":"0123456789abcdef"'))
    })
    await svc.deleteCacheEntry(key)
    const a2 = await r.attempt(2)
    expect(a2.main.code, a2.main.stdout.replace(/^::debug::.*\n/gm, '')).toBe(1)
    expect(a2.main.stdout).toMatch(/belongs to another plan \(0123456789abcdef/)
    expect(a2.main.stdout).toMatch(/none can be used, so nothing was restored/)
    const clean = join(root, `clean-${r.runId}`)
    freshClone(r.origin, clean)
    expect(snapshotTree(a2.ws, ['.git'])).toEqual(snapshotTree(clean, ['.git']))
  })

  it('a workspace that no longer matches the checkpoint stops the resume, naming the paths', async () => {
    const r = run('cache')
    await r.attempt(1, { env: { FAIL_ONCE: '1' } })
    writeFileSync(join(r.origin, 'legacy/s0/p0.md'), 'changed upstream\n')
    commitAll(r.origin, 'upstream change')
    const a2 = await r.attempt(2)
    expect(a2.main.code).toBe(1)
    expect(a2.main.stdout).toMatch(
      /differs from what the checkpoint was made against at 1 path\(s\): legacy\/s0\/p0\.md/
    )
    const clean = join(root, `clean-${r.runId}`)
    freshClone(r.origin, clean)
    expect(snapshotTree(a2.ws, ['.git'])).toEqual(snapshotTree(clean, ['.git']))
  })

  it('resume-scope: ref on a later commit re-checks done operations instead of applying the delta', async () => {
    const first = run('cache', { 'resume-scope': 'ref' })
    const a1 = await first.attempt(1, { env: { FAIL_ONCE: '1' } })
    const gate = readReport(a1.outputs).operations.find(o => o.op === 'gate')!
    // The work done so far was committed (say, by a pull-request step), then a new run starts.
    const git = (cwd: string, ...args: string[]): void => {
      const res = spawnSync('git', args, { cwd, encoding: 'utf8' })
      expect(res.status, res.stderr).toBe(0)
    }
    commitAll(a1.ws, 'progress so far')
    git(first.origin, 'pull', '-q', '--ff-only', a1.ws, 'HEAD')
    const second = new ActionRun(svc, root, first.origin, nextRun++, first.inputs)
    const b1 = await second.attempt(1)
    expect(b1.main.code, b1.main.stdout).toBe(0)
    expect(b1.main.stdout).toMatch(/made on another commit, so done operations are re-checked/)
    const rep = readReport(b1.outputs)
    for (const o of rep.operations) {
      if (o.seq !== null && o.seq < gate.seq! && o.kind !== 'run')
        expect([o.seq, o.reason]).toEqual([o.seq, 'done-earlier'])
    }
    expect(rep.operations.find(o => o.op === 'gate')!.outcome).toBe('executed')
  })

  it('resume: never starts over; resume: require without a checkpoint fails the step', async () => {
    const r = run('cache')
    await r.attempt(1, { env: { FAIL_ONCE: '1' } })
    const never = await r.attempt(2, { inputs: { resume: 'never' } })
    expect(never.main.code).toBe(0)
    expect(never.outputs.resumed).toBe('false')
    expect(readReport(never.outputs).counts.skipped).toBe(
      readReport(never.outputs).operations.filter(o => o.reason === 'satisfied').length
    )
    const fresh = run('cache')
    const req = await fresh.attempt(1, { inputs: { resume: 'require' } })
    expect(req.main.code).toBe(1)
    expect(req.main.stdout).toMatch(
      /::error::resume: require, but no checkpoint of plan [0-9a-f]{16} was found for this run/
    )
  })

  it('dry-run changes nothing and saves nothing', async () => {
    const r = run('cache,artifact')
    const a1 = await r.attempt(1, { inputs: { 'dry-run': 'true' } })
    expect(a1.main.code, a1.main.stdout.replace(/^::debug::.*\n/gm, '')).toBe(0)
    const clean = join(root, `clean-${r.runId}`)
    freshClone(r.origin, clean)
    expect(snapshotTree(a1.ws, ['.git'])).toEqual(snapshotTree(clean, ['.git']))
    const calls = svc.calls({ runId: String(r.runId) })
    expect(calls.filter(c => /CreateCacheEntry|CreateArtifact/.test(c))).toEqual([])
    expect(readReport(a1.outputs).dryRun).toBe(true)
  })

  it('a completed run deletes its cache checkpoints', async () => {
    const r = run('cache')
    const a1 = await r.attempt(1, { env: { STEP_SLEEP: '0.4' } })
    expect(a1.main.code).toBe(0)
    const mine = svc.listCacheEntries().filter(e => e.key.includes(`-${r.runId}-`))
    expect(mine).toEqual([])
    expect(svc.calls({ runId: String(r.runId), service: 'cache' })).toContain('CreateCacheEntry')
  })

  it('a hanging cache service is cut off by the store time limit; the step goes on', async () => {
    const r = run('cache,artifact')
    svc.faults.add({ method: 'CreateCacheEntry', kind: 'hang', runId: String(r.runId) })
    const a1 = await r.attempt(1, { env: { BULK_OPS_STORE_TIMEOUT: '2' } })
    svc.faults.reset({ runId: String(r.runId) })
    expect(a1.main.code, a1.main.stdout).toBe(0)
    expect(a1.main.stdout).toMatch(/cache: checkpoint \S+ not saved: cache save timed out after 2s/)
    expect(a1.outputs['checkpoint-key']).toMatch(/-a1$/)
  })

  it('an artifact upload that breaks half-way is a warning; the cache carries the checkpoint', async () => {
    const r = run('artifact,cache')
    svc.faults.add({ method: 'FinalizeArtifact', kind: 'reset', runId: String(r.runId) })
    const a1 = await r.attempt(1, { env: { FAIL_ONCE: '1' } })
    expect(a1.main.code).toBe(1)
    expect(a1.main.stdout).toMatch(/artifact: checkpoint \S+ not uploaded/)
    expect(svc.calls({ runId: String(r.runId) })).toContain('CreateArtifact')
    svc.faults.reset({ runId: String(r.runId) })
    const a2 = await r.attempt(2)
    expect(a2.main.code, a2.main.stdout).toBe(0)
    expect(a2.main.stdout).toMatch(/restored checkpoint \S+ from the cache/)
  })

  it('SIGINT during a checkpoint upload: main stops in time, post saves, the re-run resumes', async () => {
    const r = run('cache')
    svc.faults.add({
      method: 'FinalizeCacheEntryUpload',
      kind: 'delay',
      delayMs: 4000,
      times: 1,
      runId: String(r.runId)
    })
    let sentAt = 0
    const a1 = await r.attempt(1, {
      env: { SLOW: '1', STEP_SLEEP: '0.4' },
      interrupt: child => {
        const poll = setInterval(() => {
          if (svc.calls({ runId: String(r.runId) }).includes('CreateCacheEntry')) {
            clearInterval(poll)
            sentAt = Date.now()
            child.kill('SIGINT')
          }
        }, 20)
        child.on('exit', () => clearInterval(poll))
      }
    })
    const took = Date.now() - sentAt
    expect(sentAt).toBeGreaterThan(0)
    expect(took).toBeLessThan(10_000)
    expect(a1.post!.stdout).toMatch(/checkpoint saved as/)
    const a2 = await r.attempt(2)
    expect(a2.main.code, a2.main.stdout).toBe(0)
    expect(a2.outputs.resumed).toBe('true')
  })
})
