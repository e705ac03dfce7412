import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import {
  CheckpointError,
  IDX_FILE,
  checkSums,
  readCheckpoint,
  PACK_FILE,
  type CheckpointManifest
} from '../checkpoint/checkpoint.js'
import { deltaContext, ZERO, type DeltaEntry, type DeltaManifest } from '../checkpoint/delta.js'
import {
  applyDelta,
  heldPreimages,
  indexWholePacks,
  verifyDelta,
  type DeltaPack,
  type Indexing,
  type Verified
} from '../checkpoint/restore.js'
import { hashEarly, type EarlyHashes } from '../checkpoint/hasher.js'
import { Listing } from '../checkpoint/listing.js'
import { errorMessage } from '../errors.js'
import { Journal } from '../journal/journal.js'
import type { RunState } from '../journal/state.js'
import type { Logger } from '../logger.js'
import { isPlainPath } from '../plan/paths.js'
import { parseTemplate, renderTemplate, templateVars } from '../plan/template.js'
import type { DeclaredOp, Plan } from '../plan/types.js'
import { opLabel, type Counts, type MergedShard, type OpReport, type Report } from '../report/model.js'
import { DEFAULT_SHARD_BY, isFanOut, shardKey, shardOf, shardText } from './assign.js'
import { sawAlike, type Seen } from './saw-alike.js'

/** The report file a shard's final result carries beside its checkpoint files. */
export const REPORT_FILE = 'report.json'

/** One shard's final result, downloaded: its checkpoint files and report in `dir`. */
export interface ShardResult {
  index: number
  /** The artifact it came from. */
  artifact: string
  /** The workflow attempt that uploaded it. */
  attempt: number
  dir: string
}

export interface MergeOptions {
  plan: Plan
  /** Where the plan's paths are rooted (the fresh checkout). */
  workspace: string
  /** A private directory for the merge's git work (never inside the workspace). */
  localDir: string
  /** How many shards the run has. */
  count: number
  /** The newest final result of each shard that has one. */
  results: ShardResult[]
  /** Why a shard without a final result has none, by shard (e.g. only periodic checkpoints). */
  without?: Map<number, string>
  /** The merge job's attempt. */
  attempt: number
  logger: Logger
}

/** The merge cannot go on; nothing in the workspace was changed. */
export class MergeRefusal extends Error {}

const RERUN =
  '"Re-run failed jobs" re-runs the shards that failed or were lost (each resumes from its own checkpoint) and then this merge.'

interface Loaded {
  r: ShardResult
  manifest: CheckpointManifest
  report: Report
  state: RunState
}

/**
 * Merges the shards of a sharded run into one result: every shard's final result must be there,
 * complete and clean; the plan must be shardable by its shard-by (no shard acted on a file another
 * shard made); the shards' deltas are combined path by path (equal changes once, different ones a
 * conflict); then the combined delta is verified against the fresh checkout and applied all or
 * nothing. Returns the whole plan's report. Throws MergeRefusal with nothing changed.
 */
export async function mergeShards(o: MergeOptions): Promise<Report> {
  const startedAt = Date.now()
  const ctx = await deltaContext(o.workspace, join(o.localDir, 'git'))
  // Each shard's pack is indexed as soon as its manifest is read, while the rest is read and
  // checked (a pack cut whole needs nothing of the workspace; others wait for verifyDelta).
  const packs: DeltaPack[] = []
  const early: Indexing[] = []
  let held: Promise<Map<string, number>> | undefined
  let hashed: EarlyHashes | undefined
  const started = (): Indexing => ({
    packs: early.flatMap(e => e.packs),
    // Settled once the look-up and hashing below are over too: nothing is left running when the
    // merge refuses.
    settled: Promise.all([held, hashed?.ids]).then(async () =>
      (await Promise.all(early.map(e => e.settled))).flat()
    ),
    ...(held ? { held } : {}),
    ...(hashed ? { hashed } : {})
  })
  let loaded: Loaded[]
  let combined: ReturnType<typeof combineDeltas>
  try {
    loaded = await loadResults(
      o,
      (dir, manifest, checked) => {
        const pack: DeltaPack = {
          file: join(dir, PACK_FILE),
          entries: manifest.delta.entries,
          thin: manifest.delta.packThin,
          ...(manifest.files?.[IDX_FILE] ? { idx: { file: join(dir, IDX_FILE), checked } } : {})
        }
        if (!existsSync(pack.file)) return
        packs.push(pack)
        early.push(indexWholePacks(ctx, [pack], o.count > 1))
      },
      // While the results are checked: the removed preimages that git holds are looked up, and
      // git hashes the files the shards changed (their preimages).
      manifests => {
        const entries = manifests.flatMap(m => m.delta.entries)
        held = heldPreimages(ctx, entries)
        const regular = new Set(['100644', '100755'])
        hashed = hashEarly(
          ctx,
          entries.filter(e => regular.has(e.oldMode)).map(e => e.path)
        )
      }
    )
    checkShardable(o, loaded)
    combined = combineDeltas(loaded)
  } catch (err) {
    await started().settled
    throw err
  }
  const { delta, shared } = combined
  let verified: Verified
  try {
    // The merge needs no base of its own: only the paths the shards changed are checked.
    verified = await verifyDelta(ctx, null, delta, packs, started())
  } catch (err) {
    await started().settled
    throw new MergeRefusal(
      `cannot merge: the shards' combined changes cannot be applied to this checkout: ${errorMessage(err)}. Nothing was changed; the merge job must check out the commit the shards ran on.`
    )
  }
  // The whole plan's report is made while git writes the new content (it needs nothing of it).
  let report: Report | undefined
  const made = (): Report =>
    wholeReport(o, loaded, {
      startedAt,
      paths: delta.entries.length + delta.removedUntracked.length,
      shared,
      dirs: delta.createdDirs.length
    })
  await applyDelta(ctx, delta, verified, () => (report = made()))
  report ??= made()
  report.durationMs = Date.now() - startedAt
  o.logger.info(
    `applied the combined changes of ${o.count} shards: ${delta.entries.length} paths (${shared} changed alike by several shards), ${delta.createdDirs.length} directories created`
  )
  return report
}

/**
 * Reads and verifies every shard's result; refuses naming each shard that is missing, incomplete
 * or failed. Every manifest is read first (its shape and files' sizes checked) and handed to
 * `opened`, so that packs are indexed while the rest is checked: a process started before the
 * journals are loaded costs less to start (the fewer pages to copy, the cheaper the fork). Nothing
 * of a result is used before all of its checksums are checked.
 */
async function loadResults(
  o: MergeOptions,
  /** With the checks of the pack's and its index's checksums, started (see DeltaPack.idx). */
  opened: (dir: string, manifest: CheckpointManifest, checked: Promise<unknown>) => void,
  /** Called with every manifest read, before any checksum is checked or journal loaded. */
  allRead: (manifests: CheckpointManifest[]) => void
): Promise<Loaded[]> {
  const problems: string[][] = []
  /** Each result read, with its checksums' outcome (settled as the loop below checks them). */
  const read: { r: ShardResult; manifest: CheckpointManifest; sums: PromiseWithResolvers<void> }[] = []
  const refused = (i: number, r: ShardResult, err: unknown): void => {
    const why = err instanceof CheckpointError ? err.message : errorMessage(err)
    problems[i] = [`shard ${i}: its result ${r.artifact} cannot be used (${why})`]
  }
  for (let i = 1; i <= o.count; i++) {
    const r = o.results.find(x => x.index === i)
    if (!r) {
      problems[i] = [
        `shard ${i}: ${o.without?.get(i) ?? 'missing (no result was uploaded: the job did not run, or its runner was lost before it saved anything)'}`
      ]
      continue
    }
    try {
      const manifest = readCheckpoint(r.dir, o.plan.planId)
      if (manifest.shard?.index !== i || manifest.shard.count !== o.count)
        throw new CheckpointError(
          `it was made by ${manifest.shard ? shardText(manifest.shard) : 'a run that was not a shard'}, not ${shardText({ index: i, count: o.count })}`
        )
      const sums = Promise.withResolvers<void>()
      // Whoever awaits it hears of a failure; the loop below reports it either way.
      sums.promise.catch(() => undefined)
      read.push({ r, manifest, sums })
    } catch (err) {
      refused(i, r, err)
    }
  }
  for (const x of read) opened(x.r.dir, x.manifest, x.sums.promise)
  allRead(read.map(x => x.manifest))
  const loaded: Loaded[] = []
  for (const { r, manifest, sums } of read) {
    const i = r.index
    try {
      // Every file's, the pack's and its index's too (synchronous: an asynchronous read would
      // wait for this loop at each of its steps, and the merge waits for the early hashes anyway).
      try {
        checkSums(r.dir, manifest)
      } catch (err) {
        sums.reject(err)
        throw err
      }
      sums.resolve()
      const reportPath = join(r.dir, REPORT_FILE)
      if (!existsSync(reportPath)) throw new CheckpointError(`it carries no ${REPORT_FILE}`)
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report
      const c = report.counts
      if (c.failed > 0) {
        problems[i] = [
          `shard ${i}: failed (${c.failed} of ${c.total} operations failed in attempt ${report.attempt}; artifact ${r.artifact})`
        ]
        continue
      }
      if (c.pending > 0 || !report.complete) {
        problems[i] = [
          `shard ${i}: incomplete (${c.pending} of ${c.total} operations pending after attempt ${report.attempt}${report.stoppedBy ? `, stopped by ${report.stoppedBy}` : ''}; artifact ${r.artifact})`
        ]
        continue
      }
      const { state } = Journal.load(r.dir, { readOnly: true })
      loaded.push({ r, manifest, report, state })
    } catch (err) {
      refused(i, r, err)
    }
  }
  const listed = problems.flat()
  if (listed.length) {
    throw new MergeRefusal(
      `cannot merge: ${listed.length} of ${o.count} shards ${listed.length === 1 ? 'has' : 'have'} no complete result, so nothing was changed.\n  ${listed.join('\n  ')}\n${RERUN}`
    )
  }
  const trees = new Set(loaded.map(l => l.manifest.delta.base.tree))
  if (trees.size > 1) {
    throw new MergeRefusal(
      `cannot merge: the shards ran on different checkouts (${loaded.map(l => `shard ${l.r.index}: ${l.manifest.delta.base.head ?? 'no commit'}`).join(', ')}), so nothing was changed. Every shard must check out the same commit.`
    )
  }
  return loaded
}

/** Placeholders tried, in order, for a shard-by that keeps a made file with its source. */
const SUGGESTIONS = ['{stem}', '{name}', '{dir}', '{path}']

/**
 * Refuses a plan that its shard-by cannot split: a match that one shard saw in an expansion, that
 * the checkout does not have (an earlier operation made it in that shard), and that belongs to
 * another shard which never saw it, so no shard acted on it where a single run would have.
 */
function checkShardable(o: MergeOptions, loaded: Loaded[]): void {
  const checkout = new Listing(o.workspace)
  const inCheckout = (path: string): boolean =>
    (isPlainPath(path)
      ? checkout.lstat(path)
      : lstatSync(join(o.workspace, path), { throwIfNoEntry: false })) !== undefined
  for (const decl of o.plan.ops) {
    if (!isFanOut(decl)) continue
    const seen = (l: Loaded): number => {
      const e = l.state.expansions[decl.index]
      return e?.error !== undefined ? 1 : (e?.matches.length ?? 0) + (e?.others?.length ?? 0)
    }
    if (decl.policy.ifNoMatch === 'error' && loaded.every(l => seen(l) === 0)) {
      throw new MergeRefusal(
        `cannot merge: ${opLabel(decl.index, decl.id)} (${decl.kind}): its glob '${decl.each ?? decl.subject}' matched nothing in any shard (if-no-match: error), so a single run would fail it; nothing was changed. Fix the glob, or set if-no-match: warn or ignore.`
      )
    }
    const exps = loaded.map(l => l.state.expansions[decl.index])
    if (exps.every(e => e !== undefined && e.error === undefined) && sawAlike(exps as Seen[])) continue
    // The shards' own matches, each once (in the order the shards found them, the shard that
    // found it first), and how many shards saw it: as their own, or as another shard's. Each path
    // is read from a journal's list once (they are made into strings as they are read).
    const at = new Map<string, number>()
    const names: string[] = []
    const first: number[] = []
    const sawIt: number[] = []
    loaded.forEach((l, k) => {
      const exp = l.state.expansions[decl.index]
      if (!exp || exp.error !== undefined) return
      for (const p of exp.matches) {
        const j = at.get(p)
        if (j !== undefined) {
          sawIt[j]++
          continue
        }
        at.set(p, names.length)
        names.push(p)
        first.push(k)
        sawIt.push(1)
      }
    })
    // A path a shard saw as another's must be some shard's own, or the checkout's.
    for (const l of loaded) {
      const exp = l.state.expansions[decl.index]
      const counted = exp !== undefined && exp.error === undefined
      for (const p of exp?.others ?? []) {
        const j = at.get(p)
        if (j !== undefined) {
          if (counted) sawIt[j]++
          continue
        }
        if (inCheckout(p)) continue
        throw new MergeRefusal(unshardable(decl, p, exp!.base, l, shardOf(decl, p, exp!.base, o.count)))
      }
    }
    // The converse: a match the checkout has that its shard acted on, though another shard had
    // moved or removed it by then (through an operation whose shard-by put it there): a single
    // run would not have seen it.
    for (let j = 0; j < names.length; j++) {
      const p = names[j]
      if (sawIt[j] === loaded.length || !inCheckout(p)) continue
      const b = loaded[first[j]]
      const gone = loaded.find(
        a => a !== b && ![...(a.state.expansions[decl.index]?.others ?? [])].includes(p)
      )!
      throw new MergeRefusal(goneElsewhere(decl, p, b.state.expansions[decl.index]!.base, b, gone))
    }
  }
}

function goneElsewhere(decl: DeclaredOp, path: string, base: string, b: Loaded, a: Loaded): string {
  const by = a.report.operations.find(r => r.from === path && r.outcome === 'executed')
  const how = by ? ` (${by.op}, ${by.kind}${by.to ? ` to '${by.to}'` : ''})` : ''
  return (
    `cannot merge: ${opLabel(decl.index, decl.id)} (${decl.kind}) cannot be sharded by shard-by '${decl.shardBy ?? DEFAULT_SHARD_BY}': ` +
    `shard ${b.r.index} acted on '${path}' (key '${shardKey(decl, path, base)}'), which the checkout has, but shard ${a.r.index} had moved or removed it by then${how}, so a single run would not have seen it. ` +
    `Nothing was changed. Give every fan-out that touches '${path}' the same shard-by (one shard-by in defaults, none per operation), so one shard does all of it.`
  )
}

function unshardable(decl: DeclaredOp, path: string, base: string, l: Loaded, owner: number): string {
  const key = shardKey(decl, path, base)
  const current = decl.shardBy ?? DEFAULT_SHARD_BY
  const source = l.report.operations.find(r => r.to === path && r.from)?.from ?? undefined
  let advice: string
  if (source) {
    const keyOf = (t: string, p: string): string => renderTemplate(parseTemplate(t), templateVars(p, '.'))
    const keeps = SUGGESTIONS.find(t => t !== current && keyOf(t, source) === keyOf(t, path))
    advice = keeps
      ? `'${path}' was made from '${source}' in shard ${l.r.index}; shard-by: "${keeps}" (in defaults, so every fan-out uses it) gives both the key '${keyOf(keeps, path)}' and keeps them in one shard`
      : `'${path}' was made from '${source}' in shard ${l.r.index}, and no placeholder gives both the same key; a shard-by without placeholders (e.g. shard-by: "all") keeps everything in one shard`
  } else {
    advice = `an earlier operation made it in shard ${l.r.index}; choose a shard-by that gives it the same key as what it was made from (e.g. "{dir}" for files made beside their source), in defaults so every fan-out uses it`
  }
  return (
    `cannot merge: ${opLabel(decl.index, decl.id)} (${decl.kind}) cannot be sharded by shard-by '${current}': ` +
    `shard ${l.r.index} found '${path}' in its expansion, the checkout does not have it, and its key '${key}' belongs to shard ${owner}, which never saw it; ` +
    `so no shard acted on '${path}', where a single run would have. Nothing was changed. ${advice}.`
  )
}

const sameEntry = (a: DeltaEntry, b: DeltaEntry): boolean =>
  a.oldMode === b.oldMode && a.oldSha === b.oldSha && a.newMode === b.newMode && a.newSha === b.newSha

const describe = (e: DeltaEntry): string =>
  e.newSha === ZERO ? 'removed it' : `made blob ${e.newSha.slice(0, 12)} (mode ${e.newMode})`

/** The shards' deltas as one, path by path: equal changes once, different ones refused as a conflict. */
function combineDeltas(loaded: Loaded[]): { delta: DeltaManifest; shared: number } {
  const entries = new Map<string, { e: DeltaEntry; shards: number[] }>()
  const conflicts: string[] = []
  let shared = 0
  for (const l of loaded) {
    for (const e of l.manifest.delta.entries) {
      const had = entries.get(e.path)
      if (!had) {
        entries.set(e.path, { e, shards: [l.r.index] })
      } else if (sameEntry(had.e, e)) {
        if (had.shards.length === 1) shared++
        had.shards.push(l.r.index)
      } else {
        conflicts.push(
          `'${e.path}': shard ${had.shards.join(', ')} ${describe(had.e)}, shard ${l.r.index} ${describe(e)}`
        )
      }
    }
  }
  // A file that one shard writes where another writes inside it, as in a directory.
  for (const [path, x] of entries) {
    if (x.e.newSha === ZERO) continue
    for (let d = posix.dirname(path); d !== '.'; d = posix.dirname(d)) {
      const parent = entries.get(d)
      if (parent && parent.e.newSha !== ZERO)
        conflicts.push(
          `'${d}': shard ${parent.shards.join(', ')} made it a file, shard ${x.shards.join(', ')} wrote '${path}' inside it`
        )
    }
  }
  const removedUntracked = new Set<string>()
  for (const l of loaded) {
    for (const p of l.manifest.delta.removedUntracked) {
      const had = entries.get(p)
      if (had && had.e.newSha !== ZERO)
        conflicts.push(
          `'${p}': shard ${had.shards.join(', ')} ${describe(had.e)}, shard ${l.r.index} removed it`
        )
      removedUntracked.add(p)
    }
  }
  if (conflicts.length) {
    throw new MergeRefusal(
      `cannot merge: the shards changed ${conflicts.length} path(s) differently, so nothing was changed:\n  ${conflicts.slice(0, 20).join('\n  ')}${conflicts.length > 20 ? '\n  …' : ''}\n` +
        'Operations that every shard runs (not fan-outs) must not depend on what the fan-outs did; or choose a shard-by that keeps the files such a path depends on in one shard.'
    )
  }
  const first = loaded[0].manifest.delta
  const dirs = new Set(loaded.flatMap(l => l.manifest.delta.createdDirs))
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return {
    delta: {
      base: first.base,
      tree: '',
      entries: [...entries.values()].map(x => x.e).sort((a, b) => byPath(a.path, b.path)),
      createdDirs: [...dirs].sort(byPath),
      removedUntracked: [...removedUntracked].sort(byPath),
      packBytes: loaded.reduce((n, l) => n + l.manifest.delta.packBytes, 0)
    },
    shared
  }
}

/**
 * The whole plan's report from the shards': every fan-out's operations from all shards in match
 * order (the order a single run's sorted expansion gives), the operations every shard ran once
 * (see speaksFor), seqs numbered afresh, counts over the whole plan.
 */
/**
 * Which shard's line speaks for an operation that every shard ran (not a fan-out): each shard
 * saw only its own share of the fan-outs' changes, so the one whose fan-outs acted on the
 * operation's paths saw them as a single run does (a write after its file was renamed away
 * there is executed; elsewhere it was satisfied). Where no fan-out acted on them, every shard
 * saw the same: shard 1's line.
 */
function speaksFor(line: OpReport | undefined, touched: Touched[]): number {
  const paths = [line?.from, line?.to].filter((p): p is string => !!p)
  if (!paths.length) return 0
  const k = touched.findIndex(t => paths.some(p => t.reaches(p)))
  return k < 0 ? 0 : k
}

/** The paths one shard's fan-outs acted on, and the directories above them: a lookup per level of a path. */
class Touched {
  private readonly paths = new Set<string>()
  private readonly above = new Set<string>()

  add(p: string): void {
    this.paths.add(p)
    for (let d = posix.dirname(p); d !== '.' && d !== '/' && !this.above.has(d); d = posix.dirname(d)) {
      this.above.add(d)
    }
  }

  /** True when `p` was acted on, lies inside what was, or holds something that was. */
  reaches(p: string): boolean {
    if (this.above.has(p)) return true
    for (let d = p; d !== '.' && d !== '/'; d = posix.dirname(d)) if (this.paths.has(d)) return true
    return false
  }
}

function wholeReport(
  o: MergeOptions,
  loaded: Loaded[],
  did: { startedAt: number; paths: number; shared: number; dirs: number }
): Report {
  const lines = loaded.map(l => {
    const bySeq = new Map<number, OpReport>()
    for (const r of l.report.operations) if (r.seq !== null) bySeq.set(r.seq, r)
    return bySeq
  })
  const counts: Counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 }
  const operations: OpReport[] = []
  /** Per shard, the paths its fan-outs acted on so far. */
  const touched = loaded.map(() => new Touched())
  for (const decl of o.plan.ops) {
    // The line of the j-th operation of a declared operation every shard ran, from the shard
    // that speaks for it (its seq differs between shards: their shares of the fan-outs differ).
    const speaker = (first: OpReport | undefined, j: number): OpReport | undefined => {
      const k = speaksFor(first, touched)
      const exp = loaded[k].state.expansions[decl.index]
      return exp ? lines[k].get(exp.seq0 + j) : undefined
    }
    const fanOut = isFanOut(decl)
    const from = fanOut ? loaded.map((_, k) => k) : [0]
    const rows: [string, OpReport][] = []
    for (const k of from) {
      const exp = loaded[k].state.expansions[decl.index]
      if (!exp) continue
      const n = exp.error !== undefined ? 1 : exp.matches.length
      if (exp.error !== undefined && k > 0) continue
      for (let j = 0; j < n; j++) {
        const r = fanOut ? lines[k].get(exp.seq0 + j) : speaker(lines[0].get(exp.seq0 + j), j)
        if (r) rows.push([j < exp.matches.length ? exp.matches.get(j) : '', r])
      }
    }
    if (fanOut) {
      rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      for (let k = 0; k < loaded.length; k++) {
        const exp = loaded[k].state.expansions[decl.index]
        if (!exp || exp.error !== undefined) continue
        for (let j = 0; j < exp.matches.length; j++) {
          const r = lines[k].get(exp.seq0 + j)
          for (const p of [r?.from, r?.to]) if (p) touched[k].add(p)
        }
      }
    }
    for (const [, r] of rows) {
      operations.push({ ...r, seq: operations.length })
      counts.total++
      counts[r.outcome]++
    }
  }
  const shards: MergedShard[] = loaded.map(l => ({
    index: l.r.index,
    artifact: l.r.artifact,
    attempt: l.r.attempt,
    attempts: l.state.attempts,
    counts: l.report.counts
  }))
  return {
    version: 1,
    planId: o.plan.planId,
    attempt: o.attempt,
    complete: counts.pending === 0,
    resumedFrom: null,
    dryRun: false,
    stoppedBy: null,
    startedAt: new Date(did.startedAt).toISOString(),
    durationMs: Date.now() - did.startedAt,
    counts,
    attempts: [],
    merge: { count: o.count, shards, paths: did.paths, shared: did.shared, dirs: did.dirs },
    operations
  }
}
