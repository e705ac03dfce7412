import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  cleanupWorkspaces,
  countsAddUp,
  identities,
  makeWs,
  matchesPrediction,
  runYaml,
  type TestWs
} from './helpers/plans.js'
import { snapshotTree } from './helpers/tree.js'

afterEach(cleanupWorkspaces)

/*
 * Random small trees and random plans of the file kinds, checked three ways:
 *   (a) a second, independent run of the same plan over the result executes nothing;
 *   (b) a dry-run lists the same concrete operations as the real run that follows, and its
 *       classification of each one predicts that run's outcome;
 *   (c) executed + skipped + failed + pending = total, in every report.
 *
 * (a) is what DESIGN §2 promises per operation ("every kind checks the target state before
 * acting"); for a whole plan it holds only when no later operation undoes what an earlier one
 * established. The generator therefore keeps a small model of the tree: the top-level
 * directories ("regions") have a state, and each plan shape that would break (a) for reasons of
 * plan design, not of bulk-ops, is left out:
 *   - nothing is written, replaced, moved or deleted where an earlier copy reads or wrote (a fresh
 *     run's copy would find its target different: copy a→b then edit b, or copy then delete the
 *     source, is not a re-runnable plan);
 *   - nothing is moved away that an earlier move produced (the fresh re-run of the first move
 *     would find neither source nor target and fail); deleting it is allowed only where the move
 *     went into a fresh directory: a move into an existing one may have been refused (conflict),
 *     and once its target is gone, a re-run would do it;
 *   - no mkdir/write/copy/move target is a path an earlier operation edited, and no two writes
 *     disagree on the same path;
 *   - a replace's `with` never recreates any replace's `find`: literal and regex finds match only
 *     the letters x y z, and every `with` is a non-empty string of Q R S (a `with` containing its
 *     `find`, an empty `with` joining two halves of a new match, or a regex that can match the
 *     empty string, would edit again on every run);
 *   - no rename brings files into the glob of an earlier replace (the re-run's replace would
 *     edit them), so renames happen only in untouched regions;
 *   - a rename's new name never matches its own glob again (`*.txt` → `{stem}.ren`; renaming
 *     directories matched by `dir/*` to `{name}-x` would be renamed again by a fresh run);
 *   - copies never flatten a recursive glob into one directory (two matches with the same
 *     name would overwrite each other on every run).
 * `if-no-match: ignore` is the default, since a fresh run's globs over moved-away files match nothing.
 */

const A = ['x', 'y', 'z'] // the letters finds match
const B = ['Q', 'R', 'S'] // the letters withs insert
const REGEX_FINDS = ['x+y', '[xy]z', 'z{2,}', '(xy|yx)', 'y[xz]*x']

/** Varied characters for names: spaces, punctuation, unicode; no '/', NUL, '\', '%'. */
const NAME_CHARS = [...'abcdefxyz019 -_.()+,@=&$#!~\'"üé日本✓[]{};']
/** Region names appear in globs and templates of the plan: no glob or template syntax. */
const REGION_CHARS = [..."abc019 -_()+,@=&$~'üé日✓"]

const nameArb = fc
  .string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 7 })
  .filter(n => n !== '.' && n !== '..' && n.toLowerCase() !== '.git' && !n.startsWith('reg'))
const extArb = fc.constantFrom('.txt', '.md', '.bin', '.ren', '')
const textArb = fc.string({
  unit: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...A) }, fc.constantFrom(...B, 'a', ' ', '\n', 'ü')),
  maxLength: 30
})
const modeArb = fc.constantFrom(0o644, 0o755, 0o600)

type EntrySpec =
  | { t: 'file'; path: string[]; data: string | Uint8Array; mode: number }
  | { t: 'link'; path: string[]; target: string }
  | { t: 'dir'; path: string[] }

const entryArb: fc.Arbitrary<EntrySpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ t: fc.constant('file' as const), path: pathArb(), data: dataArb(), mode: modeArb })
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('link' as const), path: pathArb(), target: nameArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('dir' as const), path: pathArb() }) }
)

function pathArb(): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.array(nameArb, { maxLength: 2 }), nameArb, extArb)
    .map(([dirs, stem, ext]) => [...dirs, stem + ext])
    .filter(p => p[p.length - 1] !== '..' && p[p.length - 1].toLowerCase() !== '.git')
}

function dataArb(): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(textArb, fc.uint8Array({ maxLength: 24 }))
}

interface RegionSpec {
  sfx: string
  entries: EntrySpec[]
  /** Copy the previous region's layout, changing the content of the files flagged here. */
  twin: boolean[] | null
}

const regionArb: fc.Arbitrary<RegionSpec> = fc.record({
  sfx: fc.string({ unit: fc.constantFrom(...REGION_CHARS), maxLength: 4 }),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 7 }),
  twin: fc.option(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), { freq: 3 })
})

interface OpSeed {
  kind: number
  a: number
  b: number
  pat: number
  onConflict: 'fail' | 'skip' | 'overwrite'
  sfx: string
  find: string
  with: string
  regex: boolean
  content: string
  mode: string | null
}

const seedArb: fc.Arbitrary<OpSeed> = fc.record({
  kind: fc.nat({ max: 99 }),
  a: fc.nat({ max: 99 }),
  b: fc.nat({ max: 99 }),
  pat: fc.nat({ max: 99 }),
  onConflict: fc.constantFrom('fail' as const, 'skip' as const, 'overwrite' as const),
  sfx: fc.string({ unit: fc.constantFrom(...REGION_CHARS), maxLength: 4 }),
  find: fc.string({ unit: fc.constantFrom(...A), minLength: 1, maxLength: 2 }),
  with: fc.string({ unit: fc.constantFrom(...B), minLength: 1, maxLength: 3 }),
  regex: fc.boolean(),
  content: textArb,
  mode: fc.option(fc.constantFrom('644', '755', '600'))
})

interface Region {
  name: string
  /** free: untouched; edited: replaced in place (a source only); moved: a region a move went
   * into (may be replaced); made: a fresh directory a move created (may be replaced or deleted);
   * frozen: read by a copy; used: anything else, never touched again. */
  state: 'free' | 'edited' | 'moved' | 'made' | 'frozen' | 'used'
  files: string[]
  dirs: string[]
  twin?: number
}

/** Writes the tree under `ws` and returns the model's regions. */
function buildTree(ws: string, specs: RegionSpec[]): Region[] {
  const regions: Region[] = []
  specs.forEach((spec, k) => {
    const name = `reg${k}${spec.sfx}`.replace(/ +$/, '')
    let entries = spec.entries
    let twin: number | undefined
    if (spec.twin && k > 0) {
      twin = k - 1
      entries = specs[k - 1].entries.map((e, i) =>
        e.t === 'file' && spec.twin![i % spec.twin!.length] ? { ...e, data: `${String(e.data)}Q` } : e
      )
    }
    const region: Region = { name, state: 'free', files: [], dirs: [], twin }
    const taken = new Map<string, 'file' | 'dir'>()
    mkdirSync(join(ws, name))
    for (const e of entries) {
      const rel = e.path.join('/')
      // Skip an entry whose path, or a parent of it, is already taken by something else.
      const parents = e.path.slice(0, -1).map((_, i) => e.path.slice(0, i + 1).join('/'))
      if (taken.has(rel) || parents.some(p => taken.get(p) === 'file')) continue
      if ([...taken.keys()].some(k2 => k2.startsWith(`${rel}/`))) continue
      for (const p of parents) {
        if (!taken.has(p)) {
          taken.set(p, 'dir')
          region.dirs.push(p)
        }
      }
      const abs = join(ws, name, rel)
      mkdirSync(dirname(abs), { recursive: true })
      if (e.t === 'file') {
        writeFileSync(abs, e.data)
        chmodSync(abs, e.mode)
        region.files.push(rel)
        taken.set(rel, 'file')
      } else if (e.t === 'link') {
        symlinkSync(e.target, abs)
        taken.set(rel, 'file')
      } else {
        mkdirSync(abs)
        region.dirs.push(rel)
        taken.set(rel, 'dir')
      }
    }
    regions.push(region)
  })
  return regions
}

/** Interprets the seeds against the region model: a plan whose fresh re-run must execute nothing. */
function buildPlan(regions: Region[], seeds: OpSeed[]): string {
  const ops: Record<string, unknown>[] = []
  const made: string[] = [] // directories made by mkdir, fresh targets may go inside
  const writes: Record<string, unknown>[] = []
  const pick = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined)
  // Existing paths named literally in the plan: no glob or template syntax in them.
  const literal = (xs: string[]): string[] => xs.filter(p => !/[*?[\]{}]/.test(p))
  const where = (s: OpSeed, i: number, prefix: string): string => {
    const inside = s.b % 3 === 0 ? pick(made, s.b) : undefined
    return inside ? `${inside}/${prefix}${i}` : `${prefix}${i}${s.sfx}`.replace(/ +$/, '')
  }
  seeds.forEach((s, i) => {
    const policy = { 'on-conflict': s.onConflict }
    const withState = (...states: Region['state'][]): Region[] =>
      regions.filter(r => states.includes(r.state))
    switch (s.kind % 8) {
      case 0: {
        // mkdir: a fresh directory, or an existing file or directory of an untouched region.
        const r = s.pat % 3 === 0 ? pick(withState('free'), s.a) : undefined
        const existing = r ? pick(literal([...r.files, ...r.dirs]), s.b) : undefined
        if (r && existing) {
          ops.push({ mkdir: `${r.name}/${existing}`, ...policy })
          r.state = 'used'
        } else {
          const dir = `m${i}${s.sfx}/sub`.replace(/ +\//, '/')
          ops.push({ mkdir: dir, ...policy })
          made.push(dir)
        }
        break
      }
      case 1:
      case 2: {
        // move or copy: from an untouched region into a fresh place, or onto the twin region.
        const copy = s.kind % 8 === 2
        const sources = copy
          ? withState('free', 'edited', 'frozen', 'moved', 'made')
          : withState('free', 'edited')
        const twinned = sources.filter(x => x.twin !== undefined && regions[x.twin].state === 'free')
        const r = s.b % 2 === 0 && twinned.length ? pick(twinned, s.a) : pick(sources, s.a)
        if (!r) break
        const twin = r.twin !== undefined && regions[r.twin].state === 'free' ? regions[r.twin] : undefined
        const pats = [
          `${r.name}/**/*.txt`,
          `${r.name}/*.md`,
          `${r.name}/**/*`,
          `${r.name}/*/`,
          `${r.name}/**/*.bin`
        ]
        let from: string
        let to: string
        if (twin && s.b % 2 === 0) {
          from = pick(pats, s.pat)!
          to = `${twin.name}/{relpath}`
          twin.state = copy ? 'used' : 'moved'
        } else {
          // `dir/**` matches dir itself first: a move of it leaves its descendants' moves failing.
          const all = [...pats, r.name, ...(copy || s.pat % 4 === 0 ? [`${r.name}/**`] : [])]
          from = pick(all, s.pat)!
          const flat = from === r.name || from.endsWith('/*.md') || from.endsWith('/*/')
          const target = where(s, i, 't')
          to = flat && s.b % 2 === 1 ? `${target}/` : `${target}/{relpath}`
          // What a move made is a new region later globs can work on (in a dry-run: in the overlay).
          if (!copy) regions.push({ name: target, state: 'made', files: [], dirs: [] })
        }
        ops.push({ [copy ? 'copy' : 'move']: { from, to }, ...policy })
        r.state = copy ? 'frozen' : 'used'
        break
      }
      case 3: {
        // rename: files to a name the glob does not match again, or one directory literally. Only
        // in untouched regions: an earlier replace over `*.ren` would find new work on a re-run.
        const r = pick(withState('free'), s.a)
        if (!r) break
        const dir = s.pat % 3 === 0 ? pick(literal(r.dirs), s.b) : undefined
        if (dir) ops.push({ rename: { from: `${r.name}/${dir}`, to: `renamed ${i}` }, ...policy })
        else
          ops.push({
            rename: { from: pick([`${r.name}/**/*.txt`, `${r.name}/*.md`], s.pat)!, to: '{stem}.ren' },
            ...policy
          })
        r.state = 'moved'
        break
      }
      case 4: {
        const r = pick(withState('free', 'edited', 'made'), s.a)
        if (!r) break
        ops.push({
          delete: pick(
            [`${r.name}/**/*.bin`, r.name, `${r.name}/*/`, `${r.name}/**`, `${r.name}/**/*.md`],
            s.pat
          )!,
          ...policy
        })
        r.state = 'used'
        break
      }
      case 5: {
        // write: fresh, over an existing path of an untouched region (a conflict), or a repeat.
        const r = s.pat % 3 === 0 ? pick(withState('free'), s.a) : undefined
        const existing = r ? pick(literal([...r.files, ...r.dirs]), s.b) : undefined
        if (s.pat % 3 === 1 && writes.length) {
          ops.push(pick(writes, s.b)!)
          break
        }
        const path = r && existing ? `${r.name}/${existing}` : `${where(s, i, 'w')}.txt`
        if (r && existing) r.state = 'used'
        const op = { write: { path, content: s.content, ...(s.mode ? { mode: s.mode } : {}) }, ...policy }
        ops.push(op)
        writes.push(op)
        break
      }
      case 6:
      case 7: {
        const r = pick(withState('free', 'edited', 'moved', 'made'), s.a)
        if (!r) break
        const files = pick(
          [`${r.name}/**/*`, `${r.name}/**/*.txt`, `${r.name}/**/*.ren`, `${r.name}/**`],
          s.pat
        )!
        const find = s.regex ? pick(REGEX_FINDS, s.b)! : s.find
        ops.push({ replace: { files, find, with: s.with, ...(s.regex ? { regex: true } : {}) } })
        if (r.state === 'free') r.state = 'edited'
        break
      }
    }
  })
  if (ops.length === 0) ops.push({ mkdir: 'only' })
  return JSON.stringify(
    { version: 1, defaults: { 'if-no-match': 'ignore', 'max-attempts': 1 }, operations: ops },
    null,
    1
  )
}

/** Cases per test run: ~25 ms each; every kind is executed in some case except with odds of about 1 in 30,000. */
const RUNS = 60

const scenarioArb = fc.record({
  regions: fc.array(regionArb, { minLength: 1, maxLength: 4 }),
  seeds: fc.array(seedArb, { minLength: 1, maxLength: 8 })
})

describe('properties of random plans over random trees', () => {
  it(
    'dry-run predicts the real run; a fresh re-run executes nothing; counts add up',
    { timeout: 120_000 },
    async () => {
      let checked = 0
      const executedKinds = new Set<string>()
      await fc.assert(
        fc.asyncProperty(scenarioArb, async ({ regions: specs, seeds }) => {
          const t: TestWs = makeWs()
          try {
            const regions = buildTree(t.ws, specs)
            const plan = buildPlan(regions, seeds)
            const start = snapshotTree(t.ws)
            const ctx = (what: string): string =>
              `${what}\nplan: ${plan}\ntree: ${JSON.stringify(start, null, 1)}`

            const dry = await runYaml(t, plan, { dryRun: true })
            expect(snapshotTree(t.ws), ctx('the dry-run changed the workspace')).toEqual(start)
            expect(countsAddUp(dry), ctx('dry-run counts')).toBe(true)
            expect(dry.counts.executed).toBe(0)

            const real = await runYaml(t, plan)
            expect(countsAddUp(real), ctx('real-run counts')).toBe(true)
            expect(identities(dry), ctx('the dry-run listed other operations')).toEqual(identities(real))
            dry.operations.forEach((d, i) => {
              const r = real.operations[i]
              const msg = `#${d.seq} ${d.kind} ${d.from} → ${d.to}: dry-run said ${d.classification} (${d.error ?? d.detail ?? ''}), real run ${r.outcome}/${r.reason} (${r.error ?? r.detail ?? ''})`
              expect(matchesPrediction(d, r), ctx(msg)).toBe(true)
            })

            const after = snapshotTree(t.ws)
            const again = await runYaml(t, plan)
            expect(countsAddUp(again), ctx('second-run counts')).toBe(true)
            const redone = again.operations.filter(o => o.outcome === 'executed')
            expect(
              redone.map(o => `#${o.seq} ${o.kind} ${o.from} → ${o.to}`),
              ctx('a fresh re-run executed operations again')
            ).toEqual([])
            expect(snapshotTree(t.ws), ctx('a fresh re-run changed the workspace')).toEqual(after)

            const dryAgain = await runYaml(t, plan, { dryRun: true })
            expect(
              dryAgain.operations.filter(o => o.classification === 'would-execute').map(o => o.seq),
              ctx('a dry-run after the run would still execute')
            ).toEqual([])
            checked++
            for (const o of real.operations) if (o.outcome === 'executed') executedKinds.add(o.kind)
          } finally {
            cleanupWorkspaces()
          }
        }),
        { numRuns: RUNS }
      )
      expect(checked).toBe(RUNS)
      // The generator reaches every kind: each one changed the workspace in some case.
      expect([...executedKinds].sort()).toEqual([
        'copy',
        'delete',
        'mkdir',
        'move',
        'rename',
        'replace',
        'write'
      ])
    }
  )
})
