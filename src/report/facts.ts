import { formatDuration } from '../duration.js'
import type { Kind } from '../plan/types.js'
import type { AttemptInfo } from '../journal/state.js'
import { num, plural } from './escape.js'
import { linesOf, Picked, type LineList } from './lines.js'
import type { CommandStats, Outcome, Report } from './model.js'

/**
 * What a summary knows besides the report: where it runs, the checkpoint it resumed from and the
 * last one saved, where the full report is kept. Every field is optional; a summary says less
 * when it knows less.
 */
export interface SummaryContext {
  /** The action (job summary, "Re-run failed jobs") or the CLI (the same command again). */
  mode?: 'action' | 'cli'
  /** The plan file as the user named it. */
  planFile?: string
  /** The checkpoint this attempt restored. */
  restoredFrom?: { store: string; name: string; attempt: number; seq: number }
  /** Key or name of the last checkpoint saved; '' when none could be saved. */
  checkpointKey?: string
  /** The main step was cancelled: its checkpoint is saved by the post step, after this summary. */
  checkpointInPost?: boolean
  /** Configured checkpoint stores (`[]` for `store: none`). */
  stores?: string[]
  /** Bytes the checkpoint stores hold for this run now. */
  storedBytes?: number
  /** Name of the artifact that carries report.json. */
  reportArtifact?: string
  /** Where report.json was written. */
  reportPath?: string
  /** The main step was cancelled or killed; the post step summarised the journal. */
  byPostStep?: boolean
  /** Link to this workflow run attempt. */
  runUrl?: string
}

/** The operations of one declared operation, in seq order, split by outcome. */
export interface Group {
  op: string
  kind: Kind
  total: number
  executed: LineList
  skipped: LineList
  failed: LineList
  pending: LineList
  /** Skipped operations by reason, in REASON_ORDER. */
  skippedBy: ReadonlyMap<string, LineList>
}

export const SKIP_REASONS = ['done-earlier', 'satisfied', 'conflict', 'dry-run'] as const

/**
 * Groups the operations by declared operation, in plan order. One pass over the report's lines,
 * keeping line numbers: a line is built only when a list is read.
 */
export function groupsOf(report: Report): Group[] {
  const lines = linesOf(report)
  const byOp = new Map<string, Group>()
  // A plan of 100,000 declared operations has as many groups: their lists are made when needed.
  const into = (g: Group, outcome: Outcome): Picked => {
    const l = g[outcome]
    return l === NONE ? (g[outcome] = new Picked(lines)) : (l as Picked)
  }
  let last: Group | undefined
  for (let i = 0; i < lines.length; i++) {
    const op = lines.op(i)
    // A declared operation's lines are consecutive: most lines need no lookup.
    let g = last !== undefined && last.op === op ? last : byOp.get(op)
    if (!g) {
      g = {
        op,
        kind: lines.kind(i),
        total: 0,
        executed: NONE,
        skipped: NONE,
        failed: NONE,
        pending: NONE,
        skippedBy: NO_REASONS
      }
      byOp.set(op, g)
    }
    last = g
    g.total++
    const outcome = lines.outcome(i)
    into(g, outcome).push(i)
    if (outcome === 'skipped') {
      const why = lines.reason(i) ?? 'satisfied'
      let by = g.skippedBy as Map<string, LineList>
      if (by === NO_REASONS) g.skippedBy = by = new Map()
      let list = by.get(why) as Picked | undefined
      if (!list) by.set(why, (list = new Picked(lines)))
      list.push(i)
    }
  }
  for (const g of byOp.values()) {
    if (g.skippedBy.size < 2) continue
    g.skippedBy = new Map(
      [...g.skippedBy].sort(([a], [b]) => reasonRank(a) - reasonRank(b) || (a < b ? -1 : a > b ? 1 : 0))
    )
  }
  return [...byOp.values()]
}

/** The list of a group's outcome that no line has (shared, never added to). */
const NONE: LineList = Object.freeze({ length: 0, [Symbol.iterator]: () => [][Symbol.iterator]() })
const NO_REASONS: ReadonlyMap<string, LineList> = new Map()

function reasonRank(r: string): number {
  const i = (SKIP_REASONS as readonly string[]).indexOf(r)
  return i < 0 ? SKIP_REASONS.length : i
}

/** Skipped operations by reason over the whole report, in a stable order. */
export function skipReasons(report: Report): [string, number][] {
  const m = new Map<string, number>()
  const lines = linesOf(report)
  for (let i = 0; i < lines.length; i++) {
    if (lines.outcome(i) !== 'skipped') continue
    const why = lines.reason(i) ?? 'satisfied'
    m.set(why, (m.get(why) ?? 0) + 1)
  }
  return [...m].sort(([a], [b]) => reasonRank(a) - reasonRank(b))
}

/** What a further run will do with what is left. */
export interface NextRun {
  /** First seq a re-run starts at (null: nothing is left to run). */
  from: number | null
  pending: number
  /** Pending declared operations that were not even expanded yet (each may fan out). */
  unexpanded: number
  retried: LineList
  gaveUp: LineList
}

export function nextRun(report: Report): NextRun {
  const lines = linesOf(report)
  let from: number | null = null
  let pending = 0
  let unexpanded = 0
  const retried = new Picked(lines)
  const gaveUp = new Picked(lines)
  for (let i = 0; i < lines.length; i++) {
    const outcome = lines.outcome(i)
    const seq = lines.seq(i)
    let runsAgain = false
    if (outcome === 'pending') {
      pending++
      if (seq === null) unexpanded++
      runsAgain = true
    } else if (outcome === 'failed') {
      const gave = lines.reason(i) === 'gave-up'
      if (gave) gaveUp.push(i)
      else retried.push(i)
      runsAgain = !gave
    }
    if (runsAgain && seq !== null && (from === null || seq < from)) from = seq
  }
  return { from, pending, unexpanded, retried, gaveUp }
}

export type Status = 'complete' | 'failed' | 'time-budget' | 'signal' | 'fail-fast' | 'cancelled' | 'dry-run'

/** The one word that says how this attempt ended. */
export function statusOf(report: Report, ctx: SummaryContext = {}): Status {
  if (report.dryRun) return 'dry-run'
  if (ctx.byPostStep) return 'cancelled'
  if (report.stoppedBy === 'fail-fast') return 'fail-fast'
  if (report.stoppedBy) return report.stoppedBy
  if (report.counts.failed > 0) return 'failed'
  return report.complete ? 'complete' : 'signal'
}

/** Headline words per status, without decoration. */
export function statusTitle(report: Report, ctx: SummaryContext = {}): string {
  const c = report.counts
  switch (statusOf(report, ctx)) {
    case 'dry-run':
      return c.failed
        ? `dry-run: ${plural(c.failed, 'operation')} would fail`
        : 'dry-run: nothing was changed'
    case 'complete':
      return 'complete'
    case 'failed':
      return `finished with ${num(c.failed)} failed`
    case 'time-budget':
      return `stopped by the time budget, ${num(c.pending)} pending`
    case 'signal':
      return `cancelled, ${num(c.pending)} pending`
    case 'fail-fast':
      return 'stopped at the first failure (continue-on-error: false)'
    case 'cancelled':
      return `cancelled or killed, ${num(c.pending)} pending`
  }
}

export const STATUS_ICON: Record<Status, string> = {
  complete: '✅',
  failed: '❌',
  'time-budget': '⏸️',
  signal: '⏹️',
  'fail-fast': '❌',
  cancelled: '⏹️',
  'dry-run': '🔍'
}

/**
 * `resumed from #5,000, checkpoint K (cache) saved by attempt 1`; `fmt` formats the seq and the
 * key (Markdown or plain text). Null on a fresh start.
 */
export function resumedText(
  report: Report,
  ctx: SummaryContext,
  fmt: { seq: (s: string) => string; key: (s: string) => string } = { seq: s => s, key: s => s }
): string | null {
  if (report.resumedFrom === null) return null
  const at = `resumed from ${fmt.seq(`#${num(report.resumedFrom)}`)}`
  if (ctx.restoredFrom) {
    const r = ctx.restoredFrom
    return `${at}, checkpoint ${fmt.key(r.name)} (${r.store}) saved by attempt ${r.attempt}`
  }
  const before = previousAttempt(report.attempts)
  return `${at}${before ? `, journal of attempt ${before.attempt}` : ''}`
}

/** The headline of an attempt after the first that found no checkpoint to resume from. */
export function startedOverText(report: Report): string {
  return `started over: attempt ${num(report.attempt)} found no checkpoint of an earlier attempt`
}

/** `2025-01-02 10:00:00 UTC`; a dash for a time that is not one. */
/** `optimize: 2,000 run, parallel 4, batch 50, 310/s over 6.5s`. */
export function commandsText(s: CommandStats): string {
  const batch = s.batch !== undefined ? `, batch ${s.batch}` : ''
  return `${s.op}: ${num(s.commands)} run, parallel ${s.parallel}${batch}, ${commandRate(s)}/s over ${formatDuration(s.durationMs)}`
}

/** The declared run operations whose throughput means something: ten commands or more. */
export function shownCommands(report: Report): CommandStats[] {
  return (report.commands ?? []).filter(s => s.commands >= 10)
}

/** Commands per second of a declared run operation, as shown. */
export function commandRate(s: CommandStats): string {
  const rate = (s.commands * 1000) / Math.max(1, s.durationMs)
  return rate >= 10 ? num(Math.round(rate)) : rate.toFixed(1)
}

export function timeText(ms: number): string {
  const d = new Date(ms)
  return Number.isFinite(d.getTime()) ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '—'
}

function previousAttempt(attempts: AttemptInfo[]): AttemptInfo | undefined {
  return attempts.length >= 2 ? attempts[attempts.length - 2] : undefined
}

/** How an attempt ended, in words, for the history table. */
export function attemptEnd(
  a: AttemptInfo,
  current: boolean,
  ctx: SummaryContext = {},
  quote: (s: string) => string = s => s
): string {
  switch (a.how) {
    case undefined:
      return current && ctx.byPostStep
        ? 'cancelled or killed (no end record)'
        : current
          ? 'running'
          : 'killed or cancelled (no end record)'
    case 'complete':
      return 'complete'
    case 'failed':
      return `${num(a.failed ?? 0)} failed`
    case 'time-budget':
      return 'stopped by the time budget'
    case 'signal':
      return 'cancelled (signal)'
    case 'fail-fast':
      return 'stopped at the first failure'
    default:
      return `ended: ${quote(a.how)}`
  }
}

/**
 * What a further run does, as sentences without Markdown (the renderers add it). The action says
 * "Re-run failed jobs"; the CLI says "running the same command again".
 */
export function nextRunText(report: Report, ctx: SummaryContext = {}): string[] {
  const n = nextRun(report)
  const again = ctx.mode === 'cli' ? 'Running the same command again' : '"Re-run failed jobs"'
  if (report.dryRun) {
    return ['Dry-run: nothing was changed and nothing was saved. Run without dry-run to apply the plan.']
  }
  const out: string[] = []
  const work: string[] = []
  if (n.pending)
    work.push(
      `runs ${plural(n.pending, 'pending operation')}${n.unexpanded ? ` (${num(n.unexpanded)} of them not yet expanded: each may fan out into many)` : ''}`
    )
  if (n.retried.length) work.push(`retries ${plural(n.retried.length, 'failed operation')}`)
  if (work.length) {
    const where = n.from !== null ? ` resumes at #${num(n.from)}: it` : ''
    out.push(`${again}${where} ${work.join(' and ')}; completed operations are skipped as done-earlier.`)
    if (ctx.mode !== 'cli' && ctx.checkpointKey === '' && ctx.stores && ctx.stores.length === 0)
      out.push(
        'No checkpoint store is configured (store: none), so a re-run on a fresh runner starts over; operations already done are then skipped as satisfied.'
      )
    else if (ctx.mode !== 'cli' && ctx.checkpointKey === '' && !ctx.byPostStep)
      out.push(
        'No checkpoint could be saved in this attempt (see the warnings in the log), so a re-run resumes from an older checkpoint or starts over.'
      )
  } else if (!n.gaveUp.length) {
    out.push('Nothing is left to do.')
  } else {
    out.push(`${again} has nothing left to retry.`)
  }
  if (n.gaveUp.length) {
    out.push(
      `It gives up on ${plural(n.gaveUp.length, 'operation')} that reached max-attempts; raise max-attempts (in the plan or the input) to try them again.`
    )
  }
  return out
}
