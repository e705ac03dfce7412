// src/plan/validators.generated.js holds the plan schema precompiled by `npm run gen:validators`:
// it must match a fresh generation from the current schema, and validate exactly as Ajv compiling
// the schema at run time would (same errors, with the offending values: verbose).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import schema from '../schema/plan.schema.json' with { type: 'json' }
import { validateOpValue, validatePlanValue } from '../src/plan/schema.js'
import { KINDS, type Kind } from '../src/plan/types.js'
import * as generated from '../src/plan/validators.generated.js'

const GENERATED = ['validators.generated.js', 'validators.generated.d.ts']

const temps: string[] = []
afterAll(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true })
})

function generate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulk-ops-validators-'))
  temps.push(dir)
  execFileSync(process.execPath, ['scripts/gen-validators.mjs', dir], { stdio: 'pipe' })
  return dir
}

/** The validators as schema.ts used to build them: compiled by Ajv at run time. */
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true })
ajv.addSchema(schema)
const freshPlan = ajv.getSchema(schema.$id)!
const freshOp = (kind: Kind) => ajv.getSchema(`${schema.$id}#/definitions/op-${kind}`)!
const errorsOf = (v: ValidateFunction, value: unknown): ErrorObject[] =>
  v(value) ? [] : [...(v.errors ?? [])]

/** Plans as values: the bad-plan catalogue (those that parse) and the examples. */
function plans(): { name: string; value: unknown }[] {
  const out: { name: string; value: unknown }[] = []
  const bad = join('test', 'bad-plans')
  for (const f of readdirSync(bad).filter(f => /^\d+-.*\.(yml|yaml|json)$/.test(f))) {
    try {
      out.push({ name: `test/bad-plans/${f}`, value: parse(readFileSync(join(bad, f), 'utf8')) })
    } catch {
      // Not YAML/JSON at all: refused before schema validation, nothing to compare.
    }
  }
  for (const d of readdirSync('examples')) {
    const file = join('examples', d, 'plan.yml')
    out.push({ name: file, value: parse(readFileSync(file, 'utf8')) })
  }
  out.push({ name: 'scripts/demo-plan.yml', value: parse(readFileSync('scripts/demo-plan.yml', 'utf8')) })
  return out
}

/** A valid body for each kind. */
const GOOD: Record<Kind, unknown> = {
  mkdir: 'docs/archive',
  move: { from: 'legacy/**/*.md', to: 'docs/{relpath}' },
  rename: { from: 'src/**/*.js', to: '{stem}.mjs' },
  copy: { from: 'templates/LICENSE', to: 'packages/a/LICENSE' },
  delete: '**/*.orig',
  write: { path: '.nvmrc', content: '24\n', mode: '644' },
  replace: { files: 'docs/**/*.md', find: 'a(b)', with: '$1', regex: true, flags: 'im' },
  run: { command: ['make', 'docs'], timeout: '1m30s', env: { A: 'b' } }
}

/** Operations of each kind that break the schema in as many different ways as it checks. */
function badOps(kind: Kind): unknown[] {
  return [
    null,
    'text',
    {},
    { [kind]: null },
    { [kind]: 42 },
    { [kind]: '' },
    { [kind]: {} },
    { [kind]: [] },
    { [kind]: 'x'.repeat(4097) },
    { [kind]: { nope: true, from: 1, to: '', path: 2, content: 3, files: [], find: '', with: 4 } },
    { [kind]: GOOD[kind], extra: 1 },
    {
      [kind]: GOOD[kind],
      id: 'has spaces',
      each: '',
      'on-conflict': 'maybe',
      'if-no-match': 'never',
      'max-attempts': 0,
      'continue-on-error': 'yes'
    },
    { [kind]: GOOD[kind], 'max-attempts': 101 },
    { [kind]: GOOD[kind], 'max-attempts': 1.5 },
    { [kind]: { ...(GOOD[kind] as object), mode: '999', flags: 'g', timeout: 'soon', regex: 'yes' } },
    { [kind]: { command: [], shell: '', env: { A: 1 } } },
    { [kind]: { command: ['a'], shell: 'b' } },
    { [KINDS[(KINDS.indexOf(kind) + 1) % KINDS.length]]: GOOD[kind] }
  ]
}

describe('precompiled plan validators', () => {
  it('match a fresh generation from schema/plan.schema.json (run `npm run gen:validators`)', () => {
    const dir = generate()
    for (const f of GENERATED) {
      const committed = readFileSync(join('src', 'plan', f))
      const fresh = readFileSync(join(dir, f))
      expect(
        committed.equals(fresh),
        `src/plan/${f} is out of date with schema/plan.schema.json: run \`npm run gen:validators\``
      ).toBe(true)
    }
  })

  it('are generated deterministically', () => {
    const [a, b] = [generate(), generate()]
    for (const f of GENERATED) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true)
  })

  it('export the plan validators and one validator per kind', () => {
    const names = Object.keys(generated).sort()
    expect(names).toEqual(['plan', 'plan_top', ...KINDS.map(k => `op_${k}`)].sort())
    for (const n of names) expect(typeof (generated as Record<string, unknown>)[n], n).toBe('function')
  })

  it('give the same errors as Ajv compiling the schema at run time, for whole plans', () => {
    const all = plans()
    let invalid = 0
    for (const { name, value } of all) {
      const want = errorsOf(freshPlan, value)
      if (want.length) invalid++
      expect(validatePlanValue(value), name).toEqual(want)
    }
    // Most of the catalogue fails the schema; the examples pass it.
    expect(invalid).toBeGreaterThanOrEqual(20)
    for (const { name, value } of all.filter(p => !p.name.startsWith('test/'))) {
      expect(validatePlanValue(value), name).toEqual([])
    }
  })

  it('give the same errors as Ajv compiling the schema at run time, for operations of each kind', () => {
    const ops: { kind: Kind; value: unknown }[] = []
    for (const { value } of plans()) {
      const list = (value as { operations?: unknown } | null)?.operations
      if (!Array.isArray(list)) continue
      for (const op of list) {
        const kind = KINDS.find(k => op !== null && typeof op === 'object' && k in op)
        if (kind) ops.push({ kind, value: op })
      }
    }
    for (const kind of KINDS) {
      ops.push({ kind, value: { [kind]: GOOD[kind] } })
      for (const value of badOps(kind)) ops.push({ kind, value })
    }
    for (const kind of KINDS) {
      expect(validateOpValue(kind, { [kind]: GOOD[kind], id: 'ok-1' }), kind).toEqual([])
    }
    let invalid = 0
    for (const { kind, value } of ops) {
      const want = errorsOf(freshOp(kind), value)
      if (want.length) invalid++
      expect(validateOpValue(kind, value), `${kind}: ${JSON.stringify(value)?.slice(0, 200)}`).toEqual(want)
    }
    expect(invalid).toBeGreaterThanOrEqual(KINDS.length * (badOps('mkdir').length - 1))
  })

  it('judge a plan as the whole schema does when one operation among good ones is bad', () => {
    const good = KINDS.map(k => ({ [k]: GOOD[k] }))
    let invalid = 0
    for (const kind of KINDS) {
      for (const bad of [...badOps(kind), { [kind]: GOOD[kind] }]) {
        for (const at of [0, good.length]) {
          const operations = [...good.slice(0, at), bad, ...good.slice(at)]
          const value = { version: 1, operations }
          const want = errorsOf(freshPlan, value)
          if (want.length) invalid++
          expect(validatePlanValue(value), `${kind}: ${JSON.stringify(bad)?.slice(0, 200)}`).toEqual(want)
        }
      }
    }
    expect(invalid).toBeGreaterThanOrEqual(2 * KINDS.length * (badOps('mkdir').length - 1))
  })

  it('report the offending value and the schema in each error (verbose)', () => {
    const [err] = validatePlanValue({ version: 2, operations: [{ mkdir: 'a' }] })
    expect(err).toMatchObject({
      instancePath: '/version',
      keyword: 'const',
      params: { allowedValue: 1 },
      schemaPath: '#/properties/version/const',
      data: 2,
      schema: 1
    })
    expect(err.parentSchema).toEqual(schema.properties.version)
  })
})
