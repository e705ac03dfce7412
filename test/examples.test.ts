// A user's workflow is the acceptance test: every example plan and the CI smoke plan load and
// match the JSON Schema, every workflow (and action.yml) passes GitHub's own parser
// (@actions/workflow-parser) and action-validator's schemas, uses only the action's real inputs
// and outputs, and every example plan works on a workspace it fits.
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core'
import { Ajv } from 'ajv'
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { delimiter, join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadPlanFile } from '../src/plan/load.js'
import { runCli } from './helpers/cli.js'
import { makeOrigin } from './helpers/runner.js'
import { ShardLab } from './helpers/shards.js'
import { actionErrors, workflowErrors } from './helpers/workflow-parser.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const ROOT = join(import.meta.dirname, '..')
const EXAMPLES = join(ROOT, 'examples')
const SMOKE_PLAN = join(ROOT, '.github/smoke/plan.yml')
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/plan.schema.json'), 'utf8')) as object

/** Every file under `dir` (recursively) whose name passes `keep`, as absolute paths. */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter(p => keep(p.split('/').pop()!))
    .map(p => join(dir, p))
    .sort()
}

const exampleNames = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter(d => d.isDirectory())
  .map(d => d.name)
  .sort()
const planFiles = [...filesUnder(EXAMPLES, n => n === 'plan.yml'), SMOKE_PLAN]
const workflowFiles = [
  ...filesUnder(EXAMPLES, n => /^workflow.*\.ya?ml$/.test(n)),
  ...filesUnder(join(ROOT, '.github/workflows'), n => /\.ya?ml$/.test(n))
]
const rel = (p: string): string => relative(ROOT, p)

/** The action's own inputs and outputs, from action.yml. */
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>
  outputs: Record<string, unknown>
  runs: { using: string }
}

/** Flattens action-validator's nested errors into readable lines, for failure messages. */
function errorLines(state: ValidationState): string[] {
  const out: string[] = []
  const walk = (errors: ValidationState['errors'], indent: string): void => {
    for (const e of errors) {
      const path = 'path' in e ? e.path : ''
      out.push(`${indent}${e.code} ${path} ${e.title}${e.detail ? `: ${e.detail}` : ''}`)
      if ('states' in e && e.states) for (const s of e.states) walk(s.errors, `${indent}  `)
    }
  }
  walk(state.errors, '')
  return out
}

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
  run?: string
}
interface Workflow {
  permissions?: Record<string, string>
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>
}

const isBulkOps = (s: Step): boolean => s.uses === './' || /^bulk-ops\/bulk-ops@v\d+$/.test(s.uses ?? '')

describe('example and smoke plans', () => {
  it('every example directory has a plan.yml and a workflow.yml, and there are at least four', () => {
    expect(exampleNames.length).toBeGreaterThanOrEqual(4)
    for (const name of exampleNames) {
      expect(existsSync(join(EXAMPLES, name, 'plan.yml')), `${name}/plan.yml`).toBe(true)
      expect(existsSync(join(EXAMPLES, name, 'workflow.yml')), `${name}/workflow.yml`).toBe(true)
    }
    expect(existsSync(SMOKE_PLAN)).toBe(true)
  })

  it.each(planFiles.map(rel))('%s loads and matches schema/plan.schema.json', async file => {
    const plan = await loadPlanFile(join(ROOT, file))
    expect(plan.ops.length).toBeGreaterThan(0)
    expect(plan.planId).toMatch(/^[0-9a-f]{16}$/)
    // The schema alone, as an editor or another tool would use it.
    const validate = new Ajv({ allErrors: true, strictTypes: true }).compile(schema)
    const value: unknown = parse(readFileSync(join(ROOT, file), 'utf8'))
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
  })
})

describe('workflows and action.yml', () => {
  it('finds the workflows: one per example, CI and release', () => {
    expect(workflowFiles.map(rel)).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/release.yml'])
    )
    expect(workflowFiles.length).toBeGreaterThanOrEqual(exampleNames.length + 2)
  })

  it.each(workflowFiles.map(rel))("%s passes GitHub's workflow parser", async file => {
    expect(await workflowErrors(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([])
  })

  it("GitHub's workflow parser rejects what GitHub rejects (a check that it checks)", async () => {
    const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')
    expect(await workflowErrors('typo.yml', ci.replace('timeout-minutes: 30', 'timeout-minute: 30'))).toEqual(
      [expect.stringMatching(/^typo\.yml \(Line: \d+, Col: \d+\): Unexpected value 'timeout-minute'$/)]
    )
    expect(
      await workflowErrors(
        'expr.yml',
        ci.replace('${{ steps.dry.outputs.total }}', '${{ steps.dry.outputs.total( }}')
      )
    ).toEqual([expect.stringContaining("Unexpected symbol: '('")])
    expect(
      await workflowErrors('needs.yml', ci.replace('  smoke:\n', '  smoke:\n    needs: nope\n'))
    ).toEqual([expect.stringContaining("Job 'smoke' depends on unknown job 'nope'")])
  })

  it.each(workflowFiles.map(rel))('%s is a valid workflow for action-validator', file => {
    const state = validateWorkflow(readFileSync(join(ROOT, file), 'utf8'))
    expect(state.actionType).toBe('workflow')
    expect(errorLines(state)).toEqual([])
  })

  it.each(workflowFiles.map(rel))(
    '%s gives bulk-ops only its real inputs and reads only its outputs',
    file => {
      const text = readFileSync(join(ROOT, file), 'utf8')
      const wf = parse(text) as Workflow
      const steps = Object.values(wf.jobs).flatMap(j => j.steps ?? [])
      const bulkSteps = steps.filter(isBulkOps)
      if (file.startsWith('examples/')) expect(bulkSteps.length).toBeGreaterThan(0)
      for (const s of bulkSteps) {
        expect(s.id, `${file}: a bulk-ops step needs an id to read its outputs`).toBeTruthy()
        for (const key of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs), file).toContain(key)
        for (const [name, input] of Object.entries(action.inputs)) {
          if (input.required)
            expect(Object.keys(s.with ?? {}), `${file}: required input ${name}`).toContain(name)
        }
        for (const m of text.matchAll(new RegExp(`steps\\.${s.id}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))) {
          expect(Object.keys(action.outputs), `${file}: output ${m[1]}`).toContain(m[1])
        }
      }
      // Every `steps.X.outputs` refers to a step that exists.
      for (const m of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs/g)) {
        expect(
          steps.map(s => s.id),
          `${file}: steps.${m[1]}`
        ).toContain(m[1])
      }
    }
  )

  it.each(exampleNames)('examples/%s/workflow.yml runs its plan and can open the pull request', name => {
    const text = readFileSync(join(EXAMPLES, name, 'workflow.yml'), 'utf8')
    const wf = parse(text) as Workflow
    for (const job of Object.values(wf.jobs)) expect(job.steps[0].uses).toBe('actions/checkout@v5')
    // The bulk-ops step whose summary the pull request gets: in the job that opens it (a merge job
    // after a matrix of shards, or the only job).
    const steps = Object.values(wf.jobs).find(j =>
      j.steps.some(s => s.uses?.startsWith('peter-evans/'))
    )!.steps
    const bulk = steps.find(isBulkOps)!
    expect(bulk.uses).toBe('bulk-ops/bulk-ops@v1')
    // The plan goes where the header comment says to copy it.
    expect(bulk.with?.plan).toBe(`.github/bulk-ops/${name}.yml`)
    expect(text).toContain(`plan.yml to\n# .github/bulk-ops/${name}.yml`)
    const pr = steps.find(s => s.uses?.startsWith('peter-evans/create-pull-request@'))!
    expect(pr.uses).toBe('peter-evans/create-pull-request@v8')
    expect(pr.with?.body).toBe(`\${{ steps.${bulk.id}.outputs.summary }}`)
    expect(wf.permissions).toMatchObject({
      contents: 'write',
      'pull-requests': 'write',
      actions: 'write'
    })
  })

  it('ci.yml tests on Node 24 and smoke-tests the action from this checkout', () => {
    const wf = parse(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as Workflow & {
      on: Record<string, unknown>
    }
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request']))
    const test = wf.jobs.test.steps
    expect(test.find(s => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24)
    expect(test.map(s => s.run).filter(Boolean)).toEqual(['npm ci', 'npm test'])
    const smoke = wf.jobs.smoke.steps
    const runs = smoke.filter(s => s.uses === './')
    expect(runs.length).toBeGreaterThan(0)
    for (const s of runs) {
      expect(s.with).toMatchObject({ plan: '.github/smoke/plan.yml', store: 'none' })
    }
    const last = smoke[smoke.length - 1]
    expect(last.run).toMatch(/test "\$FAILED" = 0/)
  })

  it("action.yml passes GitHub's action parser, which reads it as a node24 action with a post step", () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    const { errors, runs } = actionErrors('action.yml', text)
    expect(errors).toEqual([])
    expect(runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js', postIf: 'always()' })
    expect(actionErrors('action.yml', text.replace('using: node24', 'using: node99')).errors).toEqual([
      expect.stringContaining("Unexpected value 'node99'")
    ])
    // GitHub's parser lets an unknown key of an input pass (a typo there goes unnoticed), which
    // action-validator's schema catches: so both check action.yml.
    const typo = text.replace(/(\n {2}plan:\n {4})description:/, '$1descriptio:')
    expect(typo).not.toBe(text)
    expect(actionErrors('action.yml', typo).errors).toEqual([])
    expect(errorLines(validateAction(typo.replace('using: node24', 'using: node20')))).toEqual(
      expect.arrayContaining([expect.stringContaining("Additional property 'descriptio' is not allowed")])
    )
  })

  it('action.yml is a valid action for action-validator', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(action.runs.using).toBe('node24')
    const state = validateAction(text)
    expect(state.actionType).toBe('action')
    // @action-validator/core 0.6.0, the newest release, bundles an action schema from before
    // `node24` existed, so its one complaint is runs.using. Everything else must be clean: check
    // the same text with a runtime that schema knows.
    const others = errorLines(state).filter(l => !/\/runs\b/.test(l))
    expect(others).toEqual([])
    const sameWithKnownRuntime = validateAction(text.replace(/using: node24/, 'using: node20'))
    expect(errorLines(sameWithKnownRuntime)).toEqual([])
  })
})

describe('the example plans work', () => {
  const dirs: string[] = []
  afterEach(() => {
    while (dirs.length) removeDir(dirs.pop()!)
  })

  /** A workspace each plan fits: the repository a user of that example would have. */
  const workspaces: Record<string, Record<string, string | Buffer>> = {
    'docs-move': {
      'README.md': 'Start with [the guide](legacy/guide.md).\n',
      'docs/index.md': 'See [the guide](../legacy/guide.md) and [API v1](../legacy/api/v1.md).\n',
      'legacy/guide.md': '# Guide\n\n![flow](img/flow.png)\n\n[API](api/v1.md)\n',
      'legacy/api/v1.md': '# API v1\n\nBack to [the guide](../guide.md).\n',
      'legacy/img/flow.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    },
    'js-to-mjs': {
      'package.json': '{\n  "name": "demo",\n  "main": "./src/index.js"\n}\n',
      'src/index.js': [
        "import { add } from './lib/math.js'",
        "import './side-effect.js'",
        "import { readFileSync } from 'node:fs'",
        "const { lazy } = await import('./lib/lazy.js')",
        "const name = 'config.js'",
        'console.log(add(1, 2), lazy(), globalThis.sideEffect, typeof readFileSync, name)',
        ''
      ].join('\n'),
      'src/lib/math.js': "export { twice } from '../util/twice.js'\nexport const add = (a, b) => a + b\n",
      'src/lib/lazy.js': "export const lazy = () => 'lazy'\n",
      'src/side-effect.js': 'globalThis.sideEffect = true\n',
      'src/util/twice.js': 'export const twice = x => 2 * x\n'
    },
    'optimize-images': {
      'images/logo.png': 'png:logo\n',
      'images/icons/a b.png': 'png:a b\n',
      'images/README.md': 'Images.\n'
    },
    'optimize-images-sharded': {
      ...Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [`images/set${i % 3}/img ${i}.png`, `png:${i}\n`])
      ),
      'images/logo.png': 'png:logo\n'
    },
    'license-packages': {
      LICENSE: 'MIT License\n',
      'packages/a/package.json': '{ "name": "a", "license": "UNLICENSED" }\n',
      'packages/b/package.json': '{ "name": "b", "license": "Apache-2.0" }\n',
      'packages/b/LICENSE': 'Apache License 2.0\n',
      'packages/c/package.json': '{ "name": "c", "license": "UNLICENSED" }\n'
    }
  }

  /** Fake optimisers on PATH, so the images example runs where optipng and cwebp are not installed. */
  function fakeTools(): string {
    const bin = tempDir('bulk-ops-bin-')
    dirs.push(bin)
    // optipng FILE: marks the file as optimised (idempotent, like the real one).
    writeFileSync(
      join(bin, 'optipng'),
      '#!/bin/sh\nfor f; do :; done\ngrep -q optimised "$f" || printf "optimised\\n" >> "$f"\n'
    )
    // cwebp IN -o OUT: writes OUT.
    writeFileSync(
      join(bin, 'cwebp'),
      '#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done\nprintf "webp\\n" > "$out"\n'
    )
    chmodSync(join(bin, 'optipng'), 0o755)
    chmodSync(join(bin, 'cwebp'), 0o755)
    return bin
  }

  function setUp(name: string): { ws: string; state: string; report: string } {
    const ws = tempDir(`bulk-ops-example-${name}-`)
    const state = tempDir('bulk-ops-example-state-')
    dirs.push(ws, state)
    writeTree(ws, workspaces[name])
    return { ws, state, report: join(state, 'report.json') }
  }

  interface Report {
    complete: boolean
    counts: { total: number; executed: number; skipped: number; failed: number; pending: number }
    operations: { outcome: string; reason?: string }[]
  }
  const readReport = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report

  it('has a workspace for every example', () => {
    expect(Object.keys(workspaces).sort()).toEqual(exampleNames)
  })

  it.each(exampleNames)('%s: a dry-run classifies everything and changes nothing', name => {
    const { ws, state, report } = setUp(name)
    const before = snapshotTree(ws, [])
    const r = runCli([
      'run',
      join(EXAMPLES, name, 'plan.yml'),
      '--workspace',
      ws,
      '--state-dir',
      join(state, 'dry'),
      '--dry-run',
      '--report',
      report
    ])
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(snapshotTree(ws, [])).toEqual(before)
    const rep = readReport(report)
    expect(rep.counts.failed).toBe(0)
    expect(rep.counts.executed).toBe(0)
    expect(rep.counts.total).toBeGreaterThan(1)
    expect(rep.counts.skipped).toBe(rep.counts.total)
  })

  it('docs-move archives the legacy pages and fixes every link', () => {
    const { ws, state, report } = setUp('docs-move')
    const r = runCli([
      'run',
      join(EXAMPLES, 'docs-move/plan.yml'),
      '--workspace',
      ws,
      '--state-dir',
      state,
      '--report',
      report
    ])
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const files = Object.keys(snapshotTree(ws, [])).filter(p => !p.startsWith('legacy'))
    expect(files).toEqual(
      expect.arrayContaining(['docs/archive/guide.md', 'docs/archive/api/v1.md', 'docs/archive/img/flow.png'])
    )
    expect(
      Object.entries(snapshotTree(ws, [])).filter(([p, v]) => p.startsWith('legacy') && !v.startsWith('dir'))
    ).toEqual([])
    const read = (p: string): string => readFileSync(join(ws, p), 'utf8')
    expect(read('README.md')).toBe('Start with [the guide](docs/archive/guide.md).\n')
    expect(read('docs/index.md')).toBe('See [the guide](archive/guide.md) and [API v1](archive/api/v1.md).\n')
    // Links inside the archive are relative to each other and still hold.
    expect(read('docs/archive/guide.md')).toContain('![flow](img/flow.png)')
    expect(readReport(report).counts.failed).toBe(0)
  })

  it('js-to-mjs renames the modules and the renamed program still runs', () => {
    const { ws, state } = setUp('js-to-mjs')
    const r = runCli(['run', join(EXAMPLES, 'js-to-mjs/plan.yml'), '--workspace', ws, '--state-dir', state])
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const files = Object.keys(snapshotTree(ws, [])).filter(p => p.includes('.'))
    expect(files.filter(p => p.endsWith('.js'))).toEqual([])
    expect(readFileSync(join(ws, 'src/index.mjs'), 'utf8')).toContain("const name = 'config.js'")
    expect(readFileSync(join(ws, 'package.json'), 'utf8')).toContain('"main": "./src/index.mjs"')
    const run = spawnSync(process.execPath, ['src/index.mjs'], { cwd: ws, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('3 lazy true function config.js\n')
  })

  it('optimize-images runs the optimisers once per image; the creates guard skips done images on a re-run', () => {
    const { ws, state, report } = setUp('optimize-images')
    const env = { PATH: `${fakeTools()}${delimiter}${process.env.PATH}` }
    const plan = join(EXAMPLES, 'optimize-images/plan.yml')
    const r = runCli(['run', plan, '--workspace', ws, '--state-dir', state, '--report', report], { env })
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(readFileSync(join(ws, 'images/icons/a b.png'), 'utf8')).toBe('png:a b\noptimised\n')
    expect(readFileSync(join(ws, 'images/icons/a b.webp'), 'utf8')).toBe('webp\n')
    expect(readFileSync(join(ws, 'images/logo.webp'), 'utf8')).toBe('webp\n')
    expect(readReport(report).counts).toMatchObject({ total: 4, executed: 4, failed: 0 })

    const again = runCli(
      ['run', plan, '--workspace', ws, '--state-dir', state, '--fresh', '--report', report],
      {
        env
      }
    )
    expect(again.code, again.stderr + again.stdout).toBe(0)
    const ops = readReport(report).operations
    // optipng has no guard (at-least-once, harmless); cwebp's guard holds for both images.
    expect(ops.map(o => `${o.outcome}:${o.reason ?? ''}`)).toEqual([
      'executed:',
      'executed:',
      'skipped:satisfied',
      'skipped:satisfied'
    ])
    expect(readFileSync(join(ws, 'images/logo.png'), 'utf8')).toBe('png:logo\noptimised\n')
  })

  it('optimize-images-sharded: 3 shards and the merge job give what one runner gives', async () => {
    const bin = fakeTools()
    const path = process.env.PATH
    // The commands of in-process runs find the fake optimisers on this process's PATH.
    process.env.PATH = `${bin}${delimiter}${path}`
    try {
      const root = tempDir('bulk-ops-example-shards-')
      dirs.push(root)
      const lab = new ShardLab(makeOrigin(join(root, 'origin'), workspaces['optimize-images-sharded']), root)
      const text = readFileSync(join(EXAMPLES, 'optimize-images-sharded/plan.yml'), 'utf8')
      const single = await lab.single(text)
      expect(single.report.counts).toMatchObject({ total: 19, executed: 19, failed: 0 })
      const shards = []
      for (const i of [1, 2, 3]) shards.push(await lab.shard(text, i, 3))
      // Each image is optimised in one shard only; every shard writes OPTIMISED.md.
      expect(shards.map(s => s.report.counts.total - 1).reduce((a, b) => a + b, 0)).toBe(18)
      const ws = lab.checkout()
      const merged = await lab.merge(text, ws, shards, 3)
      expect(merged.counts).toEqual(single.report.counts)
      expect(snapshotTree(ws, ['.git'])).toEqual(single.tree)
      expect(readFileSync(join(ws, 'images/set1/img 4.webp'), 'utf8')).toBe('webp\n')
    } finally {
      process.env.PATH = path
    }
  })

  it('license-packages adds the LICENSE where missing and keeps a package its own', () => {
    const { ws, state, report } = setUp('license-packages')
    const r = runCli([
      'run',
      join(EXAMPLES, 'license-packages/plan.yml'),
      '--workspace',
      ws,
      '--state-dir',
      state,
      '--report',
      report
    ])
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const read = (p: string): string => readFileSync(join(ws, p), 'utf8')
    expect(read('packages/a/LICENSE')).toBe('MIT License\n')
    expect(read('packages/c/LICENSE')).toBe('MIT License\n')
    expect(read('packages/b/LICENSE')).toBe('Apache License 2.0\n')
    expect(read('packages/a/package.json')).toContain('"license": "MIT"')
    expect(read('packages/b/package.json')).toContain('"license": "Apache-2.0"')
    expect(readReport(report).operations.map(o => `${o.outcome}:${o.reason ?? ''}`)).toEqual([
      'executed:',
      'skipped:conflict',
      'executed:',
      'executed:',
      'skipped:satisfied',
      'executed:'
    ])
  })

  it('the CI smoke plan does on a copy of this repository what ci.yml checks', () => {
    const ws = tempDir('bulk-ops-smoke-')
    const state = tempDir('bulk-ops-smoke-state-')
    dirs.push(ws, state)
    writeTree(ws, { 'action.yml': readFileSync(join(ROOT, 'action.yml')) })
    for (const name of exampleNames) {
      writeTree(ws, { [`examples/${name}/plan.yml`]: readFileSync(join(EXAMPLES, name, 'plan.yml')) })
    }
    const report = join(state, 'report.json')
    const dry = runCli(['run', SMOKE_PLAN, '--workspace', ws, '--state-dir', join(state, 'dry'), '--dry-run'])
    expect(dry.code, dry.stderr + dry.stdout).toBe(0)
    expect(existsSync(join(ws, 'smoke-out'))).toBe(false)
    const r = runCli([
      'run',
      SMOKE_PLAN,
      '--workspace',
      ws,
      '--state-dir',
      join(state, 'run'),
      '--report',
      report
    ])
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const rep = readReport(report)
    expect(rep.complete).toBe(true)
    expect(rep.counts.executed).toBe(rep.counts.total)
    expect(readFileSync(join(ws, 'smoke-out/docs/hello.txt'), 'utf8')).toBe('hello from bulk-ops\n')
    expect(existsSync(join(ws, 'smoke-out/hello.txt'))).toBe(false)
    expect(existsSync(join(ws, 'smoke-out/scratch.txt'))).toBe(false)
    expect(existsSync(join(ws, 'smoke-out/ran'))).toBe(true)
    expect(readFileSync(join(ws, 'smoke-out/docs/action.yml'), 'utf8')).toContain(
      'name: bulk-ops (smoke copy)'
    )
    for (const name of exampleNames) {
      expect(readFileSync(join(ws, `smoke-out/plans/${name}/plan.yaml`))).toEqual(
        readFileSync(join(EXAMPLES, name, 'plan.yml'))
      )
    }
  })
})
