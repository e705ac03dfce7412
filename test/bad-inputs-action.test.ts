// The bad-input catalogue through the action entry, run as the runner runs it (dist/index.js, then
// dist/post.js, with INPUT_* and file commands): every plan of test/bad-plans/ and every action
// input of test/bad-action-inputs/ must fail the main step with a message that names the field
// and quotes the value, and must change nothing, in the checkout, in .git or outside it.
// Cases run a few at a time: each is a node process or two (~0.3 s of CPU apiece).
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGUE_DIR, CATALOGUE_TREE, catalogueCases, expectationOf } from './helpers/bad-plan-catalogue.js'
import { makeOrigin, readCommandFile, runStep, stepEnv, type StepResult } from './helpers/runner.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const PLANS = CATALOGUE_DIR
const INPUTS = join(import.meta.dirname, 'bad-action-inputs')
const INPUT_CASE = /^\d{2,3}-[a-z0-9-]+\.json$/
/** Where the bad plans sit in the checkout, as a user keeps them. */
const PLAN_DIR = '.github/bulk'

/** One file of test/bad-action-inputs/: inputs over the defaults, and what the error must say. */
interface InputCase {
  description: string
  /** Inputs over the defaults (`plan`: the valid plan, `store: none`); null leaves one unset. */
  inputs: Record<string, string | null>
  /** Substrings that must all appear in the step's error. */
  message: string[]
  /** `@outside` stands for a directory outside the workspace. */
  setup?: { description: string; symlinks?: Record<string, string> }
}

/**
 * A plan that changes the checkout in plain sight, so an input wrongly accepted shows up as a
 * changed workspace (or a changed outside directory, for a working directory that leads there).
 */
const VALID_PLAN = `version: 1
operations:
  - mkdir: docs/archive
  - move: { from: docs/legacy/old.md, to: docs/archive/old.md }
  - write: { path: .nvmrc, content: "24\\n" }
  - delete: templates/LICENSE
  - write: { path: secret.md, content: "overwritten\\n" }
`

/** The checkout the plans (do not) act on; a real git repository, like actions/checkout leaves. */
const BASE: Record<string, string | Buffer> = { ...CATALOGUE_TREE, [`${PLAN_DIR}/plan.yml`]: VALID_PLAN }

const planFiles = catalogueCases()
const inputFiles = readdirSync(INPUTS)
  .filter(f => INPUT_CASE.test(f))
  .sort()

function inputCase(file: string): InputCase {
  return JSON.parse(readFileSync(join(INPUTS, file), 'utf8')) as InputCase
}

let root: string
let template: string

beforeAll(() => {
  root = tempDir('bulk-ops-bad-action-')
  const files = { ...BASE }
  for (const p of planFiles) files[`${PLAN_DIR}/${p}`] = readFileSync(join(PLANS, p))
  const origin = makeOrigin(join(root, 'origin'), files)
  // One checkout, copied per case: a fresh clone's bytes without a clone's cost. Through file://
  // git packs the objects, as a clone from GitHub does, so there are few files to copy.
  template = join(root, 'template')
  execFileSync('git', ['clone', '-q', `file://${origin}`, template], { stdio: 'pipe' })
})

afterAll(() => {
  if (root) removeDir(root)
})

/** The workspace as a map (see snapshotTree), .git included but for what git rewrites on any read. */
function workspaceSnapshot(ws: string): Record<string, string> {
  const s = snapshotTree(ws, [])
  for (const k of Object.keys(s)) {
    if (k === '.git/index' || k === '.git/logs' || k.startsWith('.git/logs/')) delete s[k]
  }
  return s
}

/** The messages of the `::error` workflow commands in a step's output, unescaped. */
function errorsOf(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(l => l.startsWith('::error'))
    .map(l => l.slice(l.indexOf('::', 2) + 2))
    .map(m => m.replace(/%(25|0D|0A)/g, (_, c: string) => ({ '25': '%', '0D': '\r', '0A': '\n' })[c]!))
}

interface ActionResult {
  main: StepResult
  /** Absent when the main step left the post step nothing to do (no saved state) and it was not run. */
  post?: StepResult
  /** What the main step saved for the post step (GITHUB_STATE). */
  state: Record<string, string>
  summary: string
  outputs: Record<string, string>
  ws: string
  temp: string
  before: Record<string, string>
  after: Record<string, string>
  outsideBefore: Record<string, string>
  outsideAfter: Record<string, string>
}

/**
 * One job on a fresh runner: a copy of the checkout, its own RUNNER_TEMP, the main step, then the
 * post step when the main step left it state to act on, or when `post` asks for it anyway (the
 * post step of an attempt that saved nothing returns at once, so running it for every one of the
 * cases would only cost time).
 */
async function runAction(
  name: string,
  inputs: Record<string, string | null>,
  symlinks: Record<string, string> = {},
  post = false
): Promise<ActionResult> {
  const dir = join(root, 'cases', name)
  const ws = join(dir, 'work', 'repo')
  const outside = join(dir, 'outside')
  const temp = join(dir, 'runner-temp')
  const files = join(dir, 'files')
  cpSync(template, ws, { recursive: true, verbatimSymlinks: true })
  writeTree(outside, { 'secret.md': 'outside the workspace\n', 'docs/legacy/old.md': '# not ours\n' })
  mkdirSync(temp, { recursive: true })
  mkdirSync(files, { recursive: true })
  for (const [link, target] of Object.entries(symlinks)) {
    mkdirSync(join(ws, link, '..'), { recursive: true })
    symlinkSync(target === '@outside' ? outside : target, join(ws, link))
  }
  const before = workspaceSnapshot(ws)
  const outsideBefore = snapshotTree(outside, [])
  const given: Record<string, string> = {}
  for (const [k, v] of Object.entries({ plan: `${PLAN_DIR}/plan.yml`, store: 'none', ...inputs })) {
    if (v !== null) given[k] = v
  }
  // No ACTIONS_RESULTS_URL: with `store: none` no service is needed, and none must be asked.
  const env = stepEnv(
    {
      RUNNER_TEMP: temp,
      // V8's code cache for the bundle, shared by the cases: the same code, compiled once.
      NODE_COMPILE_CACHE: join(root, 'compile-cache'),
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REPOSITORY: 'octo/demo',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push'
    },
    given,
    { dir: files, workspace: ws }
  )
  const main = await runStep('index', env)
  const state = readCommandFile(env.GITHUB_STATE!)
  return {
    main,
    post: post || Object.keys(state).length > 0 ? await runStep('post', env) : undefined,
    state,
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    outputs: readCommandFile(env.GITHUB_OUTPUT!),
    ws,
    temp,
    before,
    after: workspaceSnapshot(ws),
    outsideBefore,
    outsideAfter: snapshotTree(outside, [])
  }
}

/**
 * What every refused case shares: nothing changed anywhere (checked first: it matters most), no
 * journal or checkpoint was started, the main step failed with one error and no stack, and the
 * post step, where it ran, passed quietly.
 */
function expectRefused(x: typeof expect, r: ActionResult): string {
  const log = r.main.stdout + r.main.stderr
  x(r.outsideAfter, `outside the workspace changed\n${log}`).toEqual(r.outsideBefore)
  x(r.after, `the workspace changed\n${log}`).toEqual(r.before)
  x(existsSync(join(r.temp, 'bulk-ops')), 'a local journal/checkpoint directory was created').toBe(false)
  // Nothing for the post step to save: it keys on the local directory the main step records.
  x(r.state['local-dir'] ?? '', 'the main step recorded a local journal directory').toBe('')
  x(r.outputs.report ?? '').toBe('')
  x(r.main.code, log).toBe(1)
  const errors = errorsOf(r.main.stdout)
  x(errors, log).toHaveLength(1)
  const error = errors[0]
  x(error).not.toMatch(/^\s+at /m)
  x(log).not.toMatch(/^\s+at /m)
  x(log).not.toContain('unexpected error')
  if (r.post) {
    x(r.post.code, r.post.stdout + r.post.stderr).toBe(0)
    x(errorsOf(r.post.stdout)).toEqual([])
    x(r.post.stdout + r.post.stderr).not.toMatch(/^\s+at /m)
  }
  return error
}

describe('bad plans through the action', () => {
  it('covers every plan of the catalogue', () => {
    expect(planFiles.length).toBeGreaterThanOrEqual(40)
  })

  it('control: the valid plan with valid inputs runs and changes the checkout', async () => {
    const r = await runAction('control', {}, {}, true)
    expect(r.main.code, r.main.stdout + r.main.stderr).toBe(0)
    expect(r.outputs.executed).toBe('5')
    expect(r.after).not.toEqual(r.before)
    expect(readFileSync(join(r.ws, '.nvmrc'), 'utf8')).toBe('24\n')
    expect(r.post?.code, r.post?.stdout).toBe(0)
  })

  it.concurrent.for(planFiles)('%s fails the step and changes nothing', async (plan, { expect: x }) => {
    const want = expectationOf(plan)
    const r = await runAction(
      plan,
      { plan: `${PLAN_DIR}/${plan}` },
      want.setup?.symlinks,
      plan === planFiles[0]
    )
    const error = expectRefused(x, r)
    for (const m of want.message) x(error).toContain(m)
    x(error).toContain(`${PLAN_DIR}/${plan}`)
    if (want.line !== undefined) x(error).toContain(`${plan}:${want.line}:`)
    if (want.op !== undefined) x(error).toContain(`operations[${want.op}]`)
    else x(error).not.toMatch(/operations\[\d+\]/)
    if (want.field !== undefined) x(error).toContain(`: ${want.field}: `)
    // The job summary says why nothing ran.
    x(r.summary).toContain(want.message[0])
  })
})

describe('bad action inputs', () => {
  it('has the catalogue of inputs, each case naming an input', () => {
    expect(inputFiles.length).toBeGreaterThanOrEqual(25)
    for (const f of inputFiles) {
      const c = inputCase(f)
      expect(Object.keys(c.inputs).length, f).toBeGreaterThan(0)
      expect(c.message.length, f).toBeGreaterThan(0)
    }
  })

  it.concurrent.for(inputFiles)('%s fails the step and changes nothing', async (file, { expect: x }) => {
    const c = inputCase(file)
    const r = await runAction(file, c.inputs, c.setup?.symlinks, file === inputFiles[0])
    const error = expectRefused(x, r)
    for (const m of c.message) x(error).toContain(m)
    // Names the input and quotes what was given (trimmed, as the action reads it).
    for (const [name, value] of Object.entries(c.inputs)) {
      x(error).toContain(name)
      if (value?.trim()) x(error).toContain(value.trim())
    }
    if (c.inputs.summary === undefined) x(r.summary).toContain(c.message[0])
  })
})
