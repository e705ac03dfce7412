import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ActionRun } from './helpers/action-run.js'
import { makeOrigin } from './helpers/runner.js'
import { removeDir, tempDir } from './helpers/tree.js'
import { startActionsService, type ActionsService } from './support/actions-service.js'

const GITHUB_TOKEN = 'ghs_bulkOpsTestSecret0123456789abcdefXYZ'

let svc: ActionsService
let root: string

beforeAll(async () => {
  svc = await startActionsService()
  root = tempDir('bulk-ops-tokens-')
})
afterAll(async () => {
  await svc?.stop()
  if (root) removeDir(root)
})

/** Every file under `dir`, recursively (skipping .git), as [path, bytes]. */
function filesUnder(dir: string): [string, Buffer][] {
  const out: [string, Buffer][] = []
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue
    const p = join(dir, name)
    const s = statSync(p)
    if (s.isDirectory()) out.push(...filesUnder(p))
    else if (s.isFile()) out.push([p, readFileSync(p)])
  }
  return out
}

it('never writes github-token or ACTIONS_RUNTIME_TOKEN to logs, summary, outputs, report, journal or checkpoint', async () => {
  const origin = makeOrigin(join(root, 'origin'), {
    '.github/bulk/plan.yml': `version: 1
operations:
  - write: { path: a.txt, content: "a" }
  - id: env-dump
    run:
      shell: 'env > env.txt; if [ -n "$FAIL_ONCE" ]; then exit 1; fi'
  - write: { path: b.txt, content: "b" }
`
  })
  const r = new ActionRun(svc, root, origin, 7001, {
    plan: '.github/bulk/plan.yml',
    store: 'cache,artifact',
    'github-token': GITHUB_TOKEN
  })
  const a1 = await r.attempt(1, { env: { FAIL_ONCE: '1' } })
  const runtimeToken = svc.clientEnv({
    runId: 7001,
    runAttempt: 1,
    jobId: '70011',
    ref: r.ref
  }).ACTIONS_RUNTIME_TOKEN
  const secrets = [GITHUB_TOKEN, runtimeToken, runtimeToken.split('.')[1]]
  const attempt1Files = [...filesUnder(r.temp), ...filesUnder(a1.ws)]
  const a2 = await r.attempt(2)
  expect(a2.outputs.resumed).toBe('true')
  const places: [string, string][] = [
    ['main stdout', a1.main.stdout + a2.main.stdout],
    ['main stderr', a1.main.stderr + a2.main.stderr],
    ['post output', (a1.post?.stdout ?? '') + (a1.post?.stderr ?? '') + (a2.post?.stdout ?? '')],
    ['summary', a1.summary + a2.summary],
    ['outputs', JSON.stringify(a1.outputs) + JSON.stringify(a2.outputs)],
    ...[...attempt1Files, ...filesUnder(r.temp), ...filesUnder(a2.ws)].map(([p, b]): [string, string] => [
      p,
      b.toString('latin1')
    ])
  ]
  expect(places.some(([p]) => p.endsWith('journal.wal'))).toBe(true)
  expect(places.some(([p]) => p.endsWith('delta.pack'))).toBe(true)
  expect(readFileSync(join(a2.ws, 'env.txt'), 'utf8')).toMatch(/BULK_OPS_PATH=/)
  for (const [where, text] of places) {
    // ::add-mask:: is the command that tells the runner to hide the value; it is not shown.
    const visible = text.replace(/^::add-mask::.*$/gm, '')
    for (const s of secrets) expect(visible.includes(s), `a token appears in ${where}`).toBe(false)
  }
})
