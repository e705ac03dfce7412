// "Re-run failed jobs" on a repository whose files git filters: Git LFS images (checked out with
// the objects pulled, as `lfs: true` does), a custom clean/smudge filter, eol=crlf and ident.
// Attempt 1 changes every image with a command, then a step fails; attempt 2 on a fresh
// checkout whose filters and LFS server are gone resumes through the cache or an artifact and
// ends byte-identical to an uninterrupted run, with the image commands done-earlier.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActionRun, readReport, uninterruptedTree } from './helpers/action-run.js'
import { filteredClone, filterSetup, makeFilteredOrigin, type FilterSetup } from './helpers/filtered-repo.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'
import { startActionsService, type ActionsService } from './support/actions-service.js'

const PLAN = `version: 1
operations:
  - id: optimise
    run: { files: "img/*.png", command: [sh, -c, 'printf "optimised" >> "$1"', sh, "{path}"] }
  - id: gate
    run:
      shell: 'if [ -n "$FAIL_ONCE" ]; then echo "gate closed" >&2; exit 3; fi; echo open > gate.txt'
      creates: gate.txt
  - rename: { from: "img/*.png", to: "{stem}.opt.png" }
  - replace: { files: "*.up", find: "hello", with: "goodbye" }
  - replace: { files: "*.crlf", find: "two", with: "deux" }
  - write: { path: version.id, content: "rev $Id$ (rewritten)\\n" }
    on-conflict: overwrite
`

let svc: ActionsService
let root: string
let setup: FilterSetup
let origin: string
let want: Record<string, string>

function image(i: number): Buffer {
  const b = Buffer.alloc(3000 + i * 100)
  for (let k = 0; k < b.length; k++) b[k] = (i * 37 + k * 11 + (k >> 4)) & 0xff
  return b
}

beforeAll(async () => {
  svc = await startActionsService()
  root = tempDir('bulk-ops-e2e-lfs-')
  setup = filterSetup(root)
  const files: Record<string, string | Buffer> = {
    '.github/bulk/plan.yml': PLAN,
    'notes.up': 'hello there\n',
    'text.crlf': 'one\ntwo\n',
    'version.id': 'rev $Id$\n'
  }
  for (let i = 0; i < 6; i++) files[`img/p${i}.png`] = image(i)
  origin = makeFilteredOrigin(join(root, 'origin'), setup, files)
  const ref = join(root, 'reference')
  filteredClone(origin, ref, setup)
  want = uninterruptedTree(ref, join(root, 'ref'))
})

afterAll(async () => {
  await svc?.stop()
  if (root) removeDir(root)
})

let nextRun = 3000

describe.each(['cache', 'artifact'])('a filtered repository resumes through the %s', store => {
  it(`byte for byte, with no filter program and no LFS server on the fresh runner`, async () => {
    expect(setup.realLfs || !process.env.CI).toBe(true)
    const s = new ActionRun(
      svc,
      root,
      origin,
      nextRun++,
      { plan: '.github/bulk/plan.yml', store },
      'refs/heads/main',
      (from, dest) => filteredClone(from, dest, setup)
    )
    const a1 = await s.attempt(1, { env: { FAIL_ONCE: '1' } })
    expect(a1.main.code, a1.main.stdout + a1.main.stderr).toBe(1)
    const r1 = readReport(a1.outputs)
    expect(r1.operations.filter(o => o.op === 'optimise').map(o => o.outcome)).toEqual(
      Array(6).fill('executed')
    )

    const a2 = await s.attempt(2)
    expect(a2.main.code, a2.main.stdout + a2.main.stderr).toBe(0)
    expect(a2.outputs.resumed, a2.main.stdout).toBe('true')
    expect(snapshotTree(a2.ws, ['.git'])).toEqual(want)
    const r2 = readReport(a2.outputs)
    expect(r2.operations.filter(o => o.op === 'optimise').map(o => [o.outcome, o.reason])).toEqual(
      Array(6).fill(['skipped', 'done-earlier'])
    )
    expect(r2.counts.failed).toBe(0)
  })
})
