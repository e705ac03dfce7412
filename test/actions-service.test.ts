import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, test } from 'vitest'
import { startActionsService, type ActionsService } from './support/actions-service.js'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const FIND_BY_TOKEN = 'ghs_emulated_read_token'

// Runs inside a child Node (the clients read env at import time and are ESM-only). It executes a
// list of steps, one result per step, and prints them on a marker line. cwd is the repository
// root so the bare '@actions/*' specifiers resolve from our node_modules.
const DRIVER = `
import * as fs from 'node:fs'
import * as path from 'node:path'
const steps = JSON.parse(process.env.DRIVER_STEPS)
const results = []
let cache, artifact
const tree = dir => {
  const out = {}
  const walk = d => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8')
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return out
}
for (const s of steps) {
  try {
    switch (s.op) {
      case 'write':
        for (const [rel, text] of Object.entries(s.files)) {
          fs.mkdirSync(path.dirname(path.join(s.dir, rel)), { recursive: true })
          fs.writeFileSync(path.join(s.dir, rel), text)
        }
        results.push(null)
        break
      case 'rm':
        fs.rmSync(s.path, { recursive: true, force: true })
        results.push(null)
        break
      case 'read':
        results.push(tree(s.dir))
        break
      case 'save':
        cache ??= await import('@actions/cache')
        results.push(await cache.saveCache(s.paths, s.key))
        break
      case 'restore':
        cache ??= await import('@actions/cache')
        results.push((await cache.restoreCache(s.paths, s.key, s.restoreKeys)) ?? null)
        break
      default: {
        artifact ??= (await import('@actions/artifact')).default
        if (s.op === 'upload') results.push(await artifact.uploadArtifact(s.name, s.files, s.root))
        else if (s.op === 'list') results.push(await artifact.listArtifacts(s.options))
        else if (s.op === 'get') results.push(await artifact.getArtifact(s.name, s.options))
        else if (s.op === 'download') results.push(await artifact.downloadArtifact(s.id, s.options))
        else throw new Error('unknown step ' + s.op)
      }
    }
  } catch (err) {
    results.push({ error: String(err && err.message ? err.message : err) })
  }
}
process.stdout.write('\\n@@result ' + JSON.stringify(results) + '\\n')
`

type Step =
  | { op: 'write'; dir: string; files: Record<string, string> }
  | { op: 'rm'; path: string }
  | { op: 'read'; dir: string }
  | { op: 'save'; paths: string[]; key: string }
  | { op: 'restore'; paths: string[]; key: string; restoreKeys?: string[] }
  | { op: 'upload'; name: string; files: string[]; root: string }
  | { op: 'list' | 'get' | 'download'; name?: string; id?: number; options?: unknown }

interface JobResult {
  results: unknown[]
  output: string
  ms: number
}

let svc: ActionsService | undefined
let scratch: string
const children = new Set<ChildProcess>()

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'actions-service-test-'))
  svc = await startActionsService({ repository: 'octo-org/bulk-ops' })
})

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await svc?.stop()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

function service(): ActionsService {
  if (!svc) throw new Error('emulator not started')
  return svc
}

/** Runs the steps in one child process with exactly the runner-like env (nothing inherited but PATH/HOME). */
function runJob(env: Record<string, string>, steps: Step[], timeoutMs = 50_000): Promise<JobResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', DRIVER], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
        DRIVER_STEPS: JSON.stringify(steps)
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    children.add(child)
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', code => {
      clearTimeout(timer)
      children.delete(child)
      const line = output.split('\n').find(l => l.startsWith('@@result '))
      if (!line) return reject(new Error(`job exited ${code} without a result:\n${output}`))
      resolve({
        results: JSON.parse(line.slice('@@result '.length)) as unknown[],
        output,
        ms: Date.now() - started
      })
    })
  })
}

function newDir(prefix: string): string {
  return mkdtempSync(join(scratch, `${prefix}-`))
}

function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true })
    writeFileSync(join(dir, rel), data)
  }
}

/** Reads every file under dir as raw bytes, keyed by relative path. */
function readTree(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {}
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out[relative(dir, p)] = readFileSync(p)
    }
  }
  walk(dir)
  return out
}

async function api(
  path: string,
  init: RequestInit = {},
  token: string | null = 'ghs_any'
): Promise<Response> {
  const headers = new Headers(init.headers)
  if (token) headers.set('authorization', `token ${token}`)
  return fetch(`${service().apiUrl}${path}`, { ...init, headers })
}

// Independent scenarios (distinct run ids, keys and refs) run concurrently so the slow
// retry-exhaustion case does not add to the others.
describe.concurrent('actions results service emulator with the real clients', () => {
  test('a permanent 500 on CreateCacheEntry (injected over HTTP) exhausts the 5 retries and save returns -1', async ({
    expect
  }) => {
    const s = service()
    const runId = '3002'
    const res = await fetch(`${s.controlUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'CreateCacheEntry', kind: 500, runId })
    })
    expect(res.status).toBe(204)
    const ws = newDir('ws-500')
    const env = s.clientEnv({ runId, runAttempt: 1, jobId: 'job-500', ref: 'refs/heads/f500', workspace: ws })
    // 5 attempts with 3 s, 4.5-6.75 s, 6.75-10.1 s, 10.1-15.2 s pauses: 24-35 s in total.
    const job = await runJob(env, [
      { op: 'write', dir: join(ws, 'data'), files: { 'a.txt': 'x' } },
      { op: 'save', paths: [join(ws, 'data')], key: 'k500' }
    ])
    expect(job.results[1]).toBe(-1)
    expect(s.calls({ runId })).toEqual(Array(5).fill('CreateCacheEntry'))
    expect(s.callLog({ runId }).every(c => c.fault === 500)).toBe(true)
    expect(job.output).toContain('Failed to make request after 5 attempts')
    expect(s.listCacheEntries().some(e => e.key === 'k500')).toBe(false)
    await fetch(`${s.controlUrl}/faults?runId=${runId}`, { method: 'DELETE' })
  }, 60_000)

  test('cache: save, restore by exact key and by prefix (newest wins) on a later attempt; duplicate key is refused', async ({
    expect
  }) => {
    const s = service()
    const runId = '1001'
    const ref = 'refs/heads/feature-x'
    // Same workspace path in both attempts, as on a real runner: the cache version hashes it.
    const ws = newDir('ws-cache')
    const data = join(ws, 'data')
    const v1 = { 'a.txt': 'v1-a', 'sub/b.txt': 'v1-b', 'sub/deeper/c.json': '{"v":1}' }
    const v2changes = { 'a.txt': 'v2-a', 'sub/new.txt': 'v2-new' }
    const attempt1 = s.clientEnv({ runId, runAttempt: 1, jobId: 'job-a1', ref, workspace: ws })
    const one = await runJob(attempt1, [
      { op: 'write', dir: data, files: v1 },
      { op: 'save', paths: [data], key: 'deps-Linux-1111' },
      { op: 'write', dir: data, files: v2changes },
      { op: 'save', paths: [data], key: 'deps-Linux-2222' },
      { op: 'save', paths: [data], key: 'deps-Linux-1111' }
    ])
    const [, id1, , id2, dup] = one.results as number[]
    expect(id1).toBeGreaterThan(0)
    expect(id2).toBeGreaterThan(id1)
    expect(dup).toBe(-1)
    expect(one.output).toContain('another job may be creating this cache')
    expect(one.output).toContain(
      '(409) Conflict: cache entry with the same key, version, and scope already exists'
    )

    const attempt2 = s.clientEnv({ runId, runAttempt: 2, jobId: 'job-a2', ref, workspace: ws })
    expect(attempt2.RUNNER_TEMP).not.toBe(attempt1.RUNNER_TEMP)
    const two = await runJob(attempt2, [
      { op: 'rm', path: data },
      { op: 'restore', paths: [data], key: 'deps-Linux-1111' },
      { op: 'read', dir: data },
      { op: 'rm', path: data },
      { op: 'restore', paths: [data], key: 'deps-Linux-9999', restoreKeys: ['deps-Linux-'] },
      { op: 'read', dir: data },
      { op: 'rm', path: data },
      { op: 'restore', paths: [data], key: 'deps-Linux-1' },
      { op: 'restore', paths: [data], key: 'deps-macOS-1111', restoreKeys: ['deps-macOS-'] },
      // A different path list is a different version: no hit even for the exact key.
      { op: 'restore', paths: [data, join(ws, 'other')], key: 'deps-Linux-1111' }
    ])
    const r = two.results
    expect(r[1]).toBe('deps-Linux-1111')
    expect(r[2]).toEqual(v1)
    expect(r[4]).toBe('deps-Linux-2222')
    expect(r[5]).toEqual({ ...v1, ...v2changes })
    expect(r[7]).toBe('deps-Linux-1111')
    expect(r[8]).toBeNull()
    expect(r[9]).toBeNull()

    expect(s.calls({ runId })).toEqual([
      'CreateCacheEntry',
      'FinalizeCacheEntryUpload',
      'CreateCacheEntry',
      'FinalizeCacheEntryUpload',
      'CreateCacheEntry',
      ...Array(5).fill('GetCacheEntryDownloadURL')
    ])
    const entries = s.listCacheEntries().filter(e => e.key.startsWith('deps-Linux-'))
    expect(entries.map(e => [e.key, e.scope, e.finalized])).toEqual([
      ['deps-Linux-1111', ref, true],
      ['deps-Linux-2222', ref, true]
    ])
    expect(entries.every(e => e.sizeBytes > 0)).toBe(true)
  })

  test('cache: entries are scoped by ref, with the default branch readable from other refs', async ({
    expect
  }) => {
    const s = service()
    const runId = '2001'
    const ws = newDir('ws-scope')
    const data = join(ws, 'data')
    const env = (jobId: string, ref: string, readRefs?: string[]): Record<string, string> =>
      s.clientEnv({ runId, runAttempt: 1, jobId, ref, readRefs, workspace: ws })
    writeTree(data, { 'x.txt': 'saved from two refs' })
    const saves = await Promise.all([
      runJob(env('job-fa', 'refs/heads/feature-a'), [{ op: 'save', paths: [data], key: 'scoped-key' }]),
      runJob(env('job-main', 'refs/heads/main'), [{ op: 'save', paths: [data], key: 'main-key' }])
    ])
    expect(saves.every(j => (j.results[0] as number) > 0)).toBe(true)

    const [fb, isolated] = await Promise.all([
      runJob(env('job-fb', 'refs/heads/feature-b'), [
        { op: 'rm', path: data },
        { op: 'restore', paths: [data], key: 'scoped-key' },
        { op: 'restore', paths: [data], key: 'main-key' }
      ]),
      runJob(env('job-fb2', 'refs/heads/feature-b', []), [{ op: 'restore', paths: [data], key: 'main-key' }])
    ])
    expect(fb.results[1]).toBeNull()
    expect(fb.results[2]).toBe('main-key')
    expect(isolated.results[0]).toBeNull()
  })

  test('cache: 429 on CreateCacheEntry is final for @actions/cache: save returns -1 without retrying', async ({
    expect
  }) => {
    const s = service()
    const runId = '3001'
    s.faults.add({ method: 'CreateCacheEntry', kind: 429, runId })
    const ws = newDir('ws-429')
    const env = s.clientEnv({ runId, runAttempt: 1, jobId: 'job-429', ref: 'refs/heads/f429', workspace: ws })
    const job = await runJob(env, [
      { op: 'write', dir: join(ws, 'data'), files: { 'a.txt': 'x' } },
      { op: 'save', paths: [join(ws, 'data')], key: 'k429' }
    ])
    expect(job.results[1]).toBe(-1)
    expect(s.callLog({ runId }).map(c => [c.method, c.fault])).toEqual([['CreateCacheEntry', 429]])
    expect(job.ms).toBeLessThan(15_000)
    s.faults.reset({ runId })
  })

  test('cache: a single 500 is retried after ~3 s and the save then succeeds', async ({ expect }) => {
    const s = service()
    const runId = '3003'
    s.faults.add({ method: 'CreateCacheEntry', kind: 500, times: 1, runId })
    const ws = newDir('ws-500once')
    const env = s.clientEnv({
      runId,
      runAttempt: 1,
      jobId: 'job-500once',
      ref: 'refs/heads/f500once',
      workspace: ws
    })
    const job = await runJob(env, [
      { op: 'write', dir: join(ws, 'data'), files: { 'a.txt': 'x' } },
      { op: 'save', paths: [join(ws, 'data')], key: 'k500once' }
    ])
    expect(job.results[1]).toBeGreaterThan(0)
    expect(s.callLog({ runId }).map(c => [c.method, c.fault])).toEqual([
      ['CreateCacheEntry', 500],
      ['CreateCacheEntry', undefined],
      ['FinalizeCacheEntryUpload', undefined]
    ])
    expect(job.ms).toBeGreaterThan(3000)
  })

  test('faults: a hung call blocks the client until reset; a reset call fails at once (no retry)', async ({
    expect
  }) => {
    const s = service()
    const runId = '6001'
    const ws = newDir('ws-hang')
    const data = join(ws, 'data')
    const env = s.clientEnv({
      runId,
      runAttempt: 1,
      jobId: 'job-hang',
      ref: 'refs/heads/hang',
      workspace: ws
    })
    s.faults.add({ method: 'GetCacheEntryDownloadURL', kind: 'hang', runId })
    let settled = false
    const pending = runJob(env, [{ op: 'restore', paths: [data], key: 'anything' }]).finally(
      () => (settled = true)
    )
    // If an assertion below fails first, afterAll kills the child; don't surface that as unhandled.
    pending.catch(() => undefined)
    const deadline = Date.now() + 20_000
    while (!s.callLog({ runId }).some(c => c.fault === 'hang') && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 100))
    }
    await new Promise(r => setTimeout(r, 500))
    expect(settled).toBe(false)
    s.faults.reset({ runId })
    const hung = await pending
    expect(hung.results[0]).toBeNull()

    s.faults.add({ method: 'GetCacheEntryDownloadURL', kind: 'reset', times: 1, runId })
    const reset = await runJob(env, [{ op: 'restore', paths: [data], key: 'anything' }])
    expect(reset.results[0]).toBeNull()
    expect(s.callLog({ runId }).map(c => c.fault)).toEqual(['hang', 'reset'])
    expect(reset.output).toContain('ECONNRESET')
  })

  test('artifacts: upload in attempt 1, then find it through REST findBy and download it in attempt 2', async ({
    expect
  }) => {
    const s = service()
    const runId = '4001'
    const ws1 = newDir('ws-art1')
    const files: Record<string, Buffer> = {
      'report.txt': Buffer.from('line one\nline two\n'),
      'sub/state.json': Buffer.from(JSON.stringify({ done: [1, 2, 3] })),
      'sub/deeper/random.bin': randomBytes(300_000)
    }
    const root = join(ws1, 'out')
    writeTree(root, files)
    const abs = Object.keys(files).map(f => join(root, f))
    const attempt1 = s.clientEnv({
      runId,
      runAttempt: 1,
      jobId: 'art-job-1',
      ref: 'refs/heads/main',
      workspace: ws1
    })
    const one = await runJob(attempt1, [
      { op: 'upload', name: 'plan-state', files: abs, root },
      { op: 'list' },
      { op: 'upload', name: 'plan-state', files: abs, root }
    ])
    const uploaded = one.results[0] as { id: number; size: number; digest: string }
    expect(uploaded.id).toBeGreaterThan(0)
    expect(uploaded.size).toBeGreaterThan(0)
    expect((one.results[1] as { artifacts: { name: string; id: number }[] }).artifacts).toEqual([
      expect.objectContaining({ name: 'plan-state', id: uploaded.id })
    ])
    expect((one.results[2] as { error: string }).error).toContain(
      '(409) Conflict: an artifact with this name already exists on the workflow run'
    )

    const ws2 = newDir('ws-art2')
    const attempt2 = s.clientEnv({
      runId,
      runAttempt: 2,
      jobId: 'art-job-2',
      ref: 'refs/heads/main',
      workspace: ws2
    })
    const findBy = {
      token: FIND_BY_TOKEN,
      workflowRunId: Number(runId),
      repositoryOwner: 'octo-org',
      repositoryName: 'bulk-ops'
    }
    const two = await runJob(attempt2, [
      { op: 'get', name: 'plan-state', options: { findBy } },
      { op: 'list', options: { findBy } },
      { op: 'download', id: uploaded.id, options: { path: join(ws2, 'via-rest'), findBy } },
      { op: 'download', id: uploaded.id, options: { path: join(ws2, 'via-twirp') } },
      { op: 'get', name: 'no-such-artifact', options: { findBy } }
    ])
    const got = two.results[0] as { artifact: { id: number; name: string; size: number; digest: string } }
    expect(got.artifact).toMatchObject({ id: uploaded.id, name: 'plan-state', size: uploaded.size })
    expect(got.artifact.digest).toBe(`sha256:${uploaded.digest}`)
    expect((two.results[1] as { artifacts: { id: number }[] }).artifacts.map(a => a.id)).toEqual([
      uploaded.id
    ])
    expect(two.results[2]).toMatchObject({ digestMismatch: false })
    expect(readTree(join(ws2, 'via-rest'))).toEqual(files)
    expect(readTree(join(ws2, 'via-twirp'))).toEqual(files)
    expect((two.results[4] as { error: string }).error).toContain('Artifact not found')

    const rest = s.callLog({ service: 'rest' }).map(c => c.method)
    expect(rest).toContain('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts')
    expect(rest).toContain('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}')
    expect(s.calls({ runId, service: 'artifact' })).toEqual([
      'CreateArtifact',
      'FinalizeArtifact',
      'ListArtifacts',
      'CreateArtifact',
      'ListArtifacts',
      'GetSignedArtifactURL'
    ])
  })

  test('REST cache routes list by key prefix and delete by key and by id; later restores miss', async ({
    expect
  }) => {
    const s = service()
    const runId = '5001'
    const ref = 'refs/heads/del'
    const ws = newDir('ws-del')
    const data = join(ws, 'data')
    const env = s.clientEnv({ runId, runAttempt: 1, jobId: 'job-del', ref, workspace: ws })
    const saved = await runJob(env, [
      { op: 'write', dir: data, files: { 'a.txt': 'a' } },
      { op: 'save', paths: [data], key: 'tool-v1' },
      { op: 'save', paths: [data], key: 'tool-v2' },
      { op: 'save', paths: [data], key: 'tool-v3' }
    ])
    expect(saved.results.slice(1).every(id => (id as number) > 0)).toBe(true)

    const caches = '/repos/octo-org/bulk-ops/actions/caches'
    expect((await api(`${caches}?key=tool-`, {}, null)).status).toBe(401)
    const listed = (await (await api(`${caches}?key=tool-&sort=created_at&direction=asc`)).json()) as {
      total_count: number
      actions_caches: { id: number; key: string; ref: string; size_in_bytes: number }[]
    }
    expect(listed.total_count).toBe(3)
    expect(listed.actions_caches.map(c => [c.key, c.ref])).toEqual([
      ['tool-v1', ref],
      ['tool-v2', ref],
      ['tool-v3', ref]
    ])

    const byKey = await api(`${caches}?key=tool-v1&ref=${encodeURIComponent(ref)}`, { method: 'DELETE' })
    expect(byKey.status).toBe(200)
    expect(((await byKey.json()) as { total_count: number }).total_count).toBe(1)
    const v2 = listed.actions_caches[1]
    expect((await api(`${caches}/${v2.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api(`${caches}/${v2.id}`, { method: 'DELETE' })).status).toBe(404)
    expect(await s.deleteCacheEntry('tool-v3')).toBe(1)
    const after = (await (await api(`${caches}?key=tool-`)).json()) as { total_count: number }
    expect(after.total_count).toBe(0)

    const restored = await runJob(env, [
      { op: 'restore', paths: [data], key: 'tool-v1' },
      { op: 'restore', paths: [data], key: 'tool-v2' },
      { op: 'restore', paths: [data], key: 'tool-nope', restoreKeys: ['tool-'] }
    ])
    expect(restored.results).toEqual([null, null, null])
  })
})
