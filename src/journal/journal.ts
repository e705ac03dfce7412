import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ResumeError } from '../errors.js'
import type { Logger } from '../logger.js'
import { expandsLiterally } from '../plan/expand.js'
import { canonical, canonicalOpsText, forgetCanonicalText, meaningOf } from '../plan/fingerprint.js'
import type { Plan } from '../plan/types.js'
import { readSnapshot, writeAtomicPieces, writeSnapshot } from './snapshot.js'
import { RunState } from './state.js'
import { PathSet } from './path-set.js'
import { decodeAt, replayBuffer, WalCorruptError, WalWriter, type WalRecord } from './wal.js'

export const WAL_FILE = 'journal.wal'
export const SNAPSHOT_FILE = 'state.json'
export const SNAPSHOT_PREV_FILE = 'state.prev.json'
export const PLAN_FILE = 'plan.json'

/** How the state was rebuilt, for logs and `inspect`. */
export interface LoadInfo {
  source: 'fresh' | 'snapshot' | 'previous snapshot' | 'journal replay'
  replayed: number
  droppedBytes: number
  warnings: string[]
}

/**
 * The run's durable record in a state directory: the WAL (every event, appended), the
 * snapshot (state at a WAL offset, written atomically, previous kept) and the plan's meaning.
 */
export class Journal {
  /**
   * Paths changed by operations whose records have not reached the kernel yet. A process killed
   * now loses those records, and resume judges those operations by their check() alone, which is
   * sound only while no later operation has touched the same paths.
   */
  private readonly unflushed = new PathSet()
  /**
   * A frozen glob expansion is in the buffer: it must be durable before any of its operations
   * acts (a resume must not glob again over a tree they changed). A literal one need not be: lost
   * with the records after it, it is taken again, the same.
   */
  private expansionPending = false

  private constructor(
    readonly dir: string,
    readonly state: RunState,
    private readonly wal: WalWriter,
    readonly loadInfo: LoadInfo,
    /** Where each declared operation's `exp` record starts in the WAL, so snapshots can point at it. */
    private readonly expAt: Map<number, number>,
    /** The declared operations whose expansion is a glob's. */
    private readonly globbed: (decl: number) => boolean = () => true
  ) {}

  /** Loads (or starts) the journal in `dir` for `plan`. Refuses another plan's state unless `fresh`. */
  static open(
    dir: string,
    plan: Plan,
    opts: { fresh?: boolean; logger?: Logger; group?: { bytes: number; ms: number } } = {}
  ): Journal {
    mkdirSync(dir, { recursive: true })
    if (opts.fresh) {
      for (const f of [WAL_FILE, SNAPSHOT_FILE, SNAPSHOT_PREV_FILE, PLAN_FILE])
        rmSync(join(dir, f), { force: true })
    }
    const { state, info, expAt } = Journal.load(dir)
    if (state.planId && state.planId !== plan.planId) {
      throw new ResumeError(
        `the state in ${dir} belongs to another plan (${state.planId}, now ${plan.planId}):\n${describePlanChange(dir, plan)}\n` +
          'Run with --fresh to discard it and start over, or restore the old plan to resume.'
      )
    }
    if (!existsSync(join(dir, PLAN_FILE))) {
      // Only `describePlanChange` reads it: streamed, and not worth an fsync before the first operation.
      writeAtomicPieces(join(dir, PLAN_FILE), planPieces(plan), { durable: false })
    } else forgetCanonicalText(plan)
    for (const w of info.warnings) opts.logger?.warning(w)
    return new Journal(
      dir,
      state,
      new WalWriter(join(dir, WAL_FILE), opts.group?.bytes, opts.group?.ms),
      info,
      expAt,
      globbedOps(plan)
    )
  }

  /** Rebuilds state from the newest verifying snapshot and the WAL after it. Changes nothing but a torn tail. */
  static load(
    dir: string,
    opts: { readOnly?: boolean } = {}
  ): { state: RunState; info: LoadInfo; expAt: Map<number, number> } {
    const walPath = join(dir, WAL_FILE)
    const wal = existsSync(walPath) ? readFileSync(walPath) : Buffer.alloc(0)
    const warnings: string[] = []
    const candidates: [LoadInfo['source'], string][] = [
      ['snapshot', join(dir, SNAPSHOT_FILE)],
      ['previous snapshot', join(dir, SNAPSHOT_PREV_FILE)]
    ]
    let state: RunState | undefined
    let expAt = new Map<number, number>()
    let offset = 0
    let source: LoadInfo['source'] = wal.length > 0 ? 'journal replay' : 'fresh'
    for (const [name, path] of candidates) {
      if (!existsSync(path)) continue
      try {
        const body = readSnapshot(path)
        const walOffset = Number(body.walOffset)
        if (!Number.isInteger(walOffset) || walOffset > wal.length)
          throw new Error('covers more journal than exists')
        const s = RunState.fromJSON(body.state as Record<string, unknown>)
        if (body.exp !== undefined) expAt = expansionsFromJournal(s, body.exp, wal, walOffset)
        state = s
        offset = walOffset
        source = name
        break
      } catch (err) {
        warnings.push(`${name} ${path} is unusable (${(err as Error).message}); falling back`)
      }
    }
    let replay
    try {
      replay = replayBuffer(wal, offset)
    } catch (err) {
      if (err instanceof WalCorruptError) throw new ResumeError(`${walPath}: ${err.message}`)
      throw err
    }
    state ??= new RunState()
    try {
      replay.records.forEach((r, i) => {
        state.apply(r)
        if (r.t === 'exp') expAt.set(r.d, replay.offsets[i])
      })
    } catch (err) {
      throw new ResumeError(`${walPath}: ${(err as Error).message}; the journal cannot be trusted`)
    }
    if (replay.droppedBytes > 0) {
      warnings.push(`dropped a torn record at the end of the journal (${replay.droppedBytes} bytes)`)
      if (!opts.readOnly) WalWriter.truncate(walPath, replay.validEnd)
    }
    return {
      state,
      info: { source, replayed: replay.records.length, droppedBytes: replay.droppedBytes, warnings },
      expAt
    }
  }

  /** Records an event and applies it to the in-memory state. Failures reach the kernel at once. */
  record(r: WalRecord): void {
    this.state.apply(r)
    if (r.t === 'exp') {
      this.expAt.set(r.d, this.wal.size + this.wal.buffered)
      if (this.globbed(r.d)) this.expansionPending = true
    }
    this.wal.append(r)
    // Nothing left in the buffer: the append wrote everything so far, this record included (an
    // append may also write the group before it and keep the record buffered: not flushed then).
    if (this.wal.buffered === 0) this.flushed()
    if (r.t === 'f' || r.t === 'i') this.barrier()
  }

  /** Makes every record so far survive the process being killed (before a non-idempotent step). */
  barrier(): void {
    this.wal.flush()
    this.flushed()
  }

  /**
   * Called before an operation changes the workspace, with the paths it reads and changes
   * (`null` when they cannot be known: a command, a path reached through a symlink). Flushes
   * first unless the operation is independent of every operation not yet flushed, so most
   * operations of a bulk run share one write instead of paying one each, and a killed process
   * still never leaves an unrecorded operation whose check() a later one could mislead.
   */
  beforeChange(paths: readonly string[] | null): void {
    if (paths === null || this.expansionPending || paths.some(p => this.unflushed.overlaps(p))) this.barrier()
  }

  /** Called once the operation's completion is recorded: its paths are at risk until the next flush. */
  afterChange(paths: readonly string[]): void {
    if (this.wal.buffered === 0) return
    for (const p of paths) this.unflushed.add(p)
  }

  private flushed(): void {
    this.unflushed.clear()
    this.expansionPending = false
  }

  /**
   * Writes a snapshot covering the whole WAL: a consistent cut, taken between operations. The
   * frozen expansions (most of the state's bytes) are not copied: the snapshot names where each
   * one's record is in the WAL, which it covers anyway.
   */
  snapshot(): void {
    this.wal.sync()
    this.flushed()
    // A state loaded from an older snapshot carries expansions whose records were not located:
    // those snapshots keep them inline, as that format did.
    const located = this.state.expansions.every((e, d) => e === undefined || this.expAt.has(d))
    const state = this.state.toJSON({ expansions: !located })
    writeSnapshot(join(this.dir, SNAPSHOT_FILE), join(this.dir, SNAPSHOT_PREV_FILE), {
      format: located ? 2 : 1,
      walOffset: this.wal.size,
      state,
      ...(located ? { exp: [...this.expAt].sort((a, b) => a[0] - b[0]) } : {})
    })
  }

  close(): void {
    this.wal.close()
  }
}

/**
 * Puts a format-2 snapshot's expansions back from the WAL records it points at: each must be an
 * intact `exp` record of that declared operation, before the snapshot's cut, in declared order,
 * adding up to the snapshot's operation count. Throws (the snapshot is unusable) otherwise.
 */
function expansionsFromJournal(
  state: RunState,
  refs: unknown,
  wal: Buffer,
  walOffset: number
): Map<number, number> {
  if (!Array.isArray(refs)) throw new Error('its expansion references are not a list')
  const at = new Map<number, number>()
  let seq0 = 0
  refs.forEach((ref: unknown, i) => {
    const [d, off] = Array.isArray(ref) ? (ref as unknown[]) : []
    const r =
      d === i && Number.isSafeInteger(off) && (off as number) >= 0 ? decodeAt(wal, off as number) : null
    if (!r || r.rec.t !== 'exp' || r.rec.d !== i || r.end > walOffset) {
      throw new Error(`its expansion #${i} is not in the journal where it says`)
    }
    state.expansions[i] = {
      seq0,
      base: r.rec.b,
      matches: r.rec.m,
      error: r.rec.n,
      ...(r.rec.o ? { others: r.rec.o } : {})
    }
    seq0 += r.rec.n !== undefined ? 1 : r.rec.m.length
    at.set(i, off as number)
  })
  if (seq0 !== state.total) throw new Error('its expansions do not add up to its operation count')
  return at
}

/** `{ planId, ops }` with each operation's meaning as canonical JSON, in pieces. */
function* planPieces(plan: Plan): Generator<string> {
  yield `{"planId":${JSON.stringify(plan.planId)},"ops":[`
  yield* canonicalOpsText(plan)
  yield ']}'
}

/** Lists the declared operations whose meaning differs between the saved plan and `plan`. */
function describePlanChange(dir: string, plan: Plan): string {
  let old: Record<string, unknown>[]
  try {
    old = (JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8')) as { ops: Record<string, unknown>[] }).ops
  } catch {
    return '  (the saved plan could not be read)'
  }
  const now = plan.ops.map(meaningOf)
  const lines: string[] = []
  for (let i = 0; i < Math.max(old.length, now.length); i++) {
    const a = old[i]
    const b = now[i]
    if (!a) lines.push(`  operations[${i}] (${b.kind}) was added`)
    else if (!b) lines.push(`  operations[${i}] (${a.kind}) was removed`)
    else if (canonical(a) !== canonical(b)) {
      const fields = Object.keys({ ...a, ...b }).filter(k => canonical(a[k]) !== canonical(b[k]))
      lines.push(`  operations[${i}] (${b.kind}) changed: ${fields.join(', ')}`)
    }
    if (lines.length >= 20) break
  }
  return lines.join('\n') || '  (no operation differs; the defaults changed)'
}

/** Which declared operations expand by a glob (an unknown index counts as one). */
function globbedOps(plan: Plan): (decl: number) => boolean {
  const literal = plan.ops.map(expandsLiterally)
  return d => literal[d] !== true
}
