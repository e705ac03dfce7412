import { shardLines } from './shard-text.js'
import { formatDuration } from '../duration.js'
import type { AttemptInfo } from '../journal/state.js'
import { Budget, chars, utf8Bytes } from './budget.js'
import { clip, code, esc, fenced, formatBytes, num, plural } from './escape.js'
import {
  commandRate,
  shownCommands,
  attemptEnd,
  groupsOf,
  nextRunText,
  resumedText,
  startedOverText,
  skipReasons,
  STATUS_ICON,
  statusOf,
  statusTitle,
  timeText,
  type Group,
  type SummaryContext
} from './facts.js'
import { linesOf, pick, Picked, type LineList, type OpLines } from './lines.js'
import type { OpReport, Report } from './model.js'

/** Size limits of a summary; the defaults keep a job summary under GitHub's 1 MiB per step. */
export interface SummaryLimits {
  /** Hard upper bound of the whole text (bytes for the job summary, characters when compact). */
  max: number
  /** Failed operations named in the failures table. */
  failedRows: number
  /** Rows across the executed / skipped / pending / classification listings. */
  rowBudget: number
  /** Declared operations in the overview table. */
  groups: number
  /** Latest attempts in the history table. */
  attempts: number
  /** Dry-run diffs: total size, and lines of one diff. */
  diffBytes: number
  diffLines: number
}

/** Job summary: 1,000,000 bytes leaves room below 1 MiB for the post step's note. */
export const JOB_SUMMARY_LIMITS: SummaryLimits = {
  max: 1_000_000,
  failedRows: 1000,
  rowBudget: 1000,
  groups: 500,
  attempts: 50,
  diffBytes: 256 * 1024,
  diffLines: 400
}

/** Pull-request body (the `summary` output and the PR comment): at most 60,000 characters. */
export const COMPACT_LIMITS: SummaryLimits = {
  max: 60_000,
  failedRows: 50,
  rowBudget: 0,
  groups: 50,
  attempts: 10,
  diffBytes: 0,
  diffLines: 0
}

const PATH_CHARS = 200
const ERROR_CHARS = 300
const ERROR_LINES = 4
/** Kept free at every cut for the line that says how much was left out. */
const MORE_RESERVE = 400

/**
 * The job summary of one attempt as GitHub-flavoured Markdown: headline, what a re-run does,
 * failures, attempt history, declared operations, dry-run classes and diffs, and collapsible
 * listings of what ran and what was skipped. Pure: same report and context, same text. Never
 * larger than `limits.max` bytes, whatever the plan's size; beyond the row budget each group shows
 * its first rows and a count of the rest.
 */
export function renderSummary(
  report: Report,
  ctx: SummaryContext = {},
  limits: Partial<SummaryLimits> = {}
): string {
  return render(report, ctx, { ...JOB_SUMMARY_LIMITS, ...limits }, false)
}

/**
 * The compact summary for a pull-request body (the `summary` output, the PR comment): headline,
 * what a re-run does, failures, declared operations and attempts, at most `max` characters.
 */
export function renderCompact(
  report: Report,
  ctx: SummaryContext = {},
  limits: Partial<SummaryLimits> = {}
): string {
  return render(report, ctx, { ...COMPACT_LIMITS, ...limits }, true)
}

function render(report: Report, ctx: SummaryContext, lim: SummaryLimits, compact: boolean): string {
  const out = new Budget(lim.max, compact ? chars : utf8Bytes)
  const groups = groupsOf(report)
  const where = fullReportWhere(ctx)

  const head = headline(report, ctx, compact)
  const foot = footer(report, ctx, compact, where)
  out.push(...head)
  // The footer is always there: size it first.
  const footSize = foot.reduce((n, l) => n + out.size(l), 0) + MORE_RESERVE
  const body = out.sub(out.remaining - footSize)

  const room = body.remaining
  const failed = failedSection(report, body.sub(room * 0.45), lim, where)
  body.append(failed)
  body.append(attemptsSection(report, ctx, body.sub(room * 0.05), lim))
  body.append(overviewSection(report, groups, body.sub(room * 0.1), lim))
  body.append(commandsSection(report, body.sub(room * 0.05)))
  if (report.dryRun && !compact) {
    body.append(classificationSection(report, body.sub(room * 0.1), lim, where))
    body.append(diffSection(report, body.sub(Math.min(room * 0.2, lim.diffBytes)), lim, where))
  }
  if (!compact && !report.dryRun)
    body.append(listingSection(report, groups, body.sub(body.remaining), lim, where))
  out.append(body)
  out.push(...foot)
  return out.text()
}

function headline(report: Report, ctx: SummaryContext, compact: boolean): string[] {
  const c = report.counts
  const status = statusOf(report, ctx)
  const lines = [`${compact ? '###' : '##'} ${STATUS_ICON[status]} bulk-ops: ${statusTitle(report, ctx)}`, '']
  if (report.dryRun) {
    const cls = classCounts(report)
    lines.push(
      `**${num(cls.get('would-execute') ?? 0)}** would change · **${num(cls.get('satisfied') ?? 0)}** already satisfied · **${num(cls.get('conflict') ?? 0)}** conflicts skipped · **${num(cls.get('would-fail') ?? 0)}** would fail · **${num(cls.get('cannot-preview') ?? 0)}** commands not previewed — of **${num(c.total)}** operations`
    )
  } else {
    lines.push(
      `**${num(c.executed)}** executed · **${num(c.skipped)}** skipped · **${num(c.failed)}** failed · **${num(c.pending)}** pending — of **${num(c.total)}** operations`
    )
  }
  lines.push('')
  const facts: string[] = [`Attempt **${num(report.attempt)}**`]
  const resumed = resumedText(report, ctx, { seq: s => `**${s}**`, key: s => code(s) })
  facts.push(
    report.merge
      ? `merge of **${num(report.merge.count)}** shards`
      : (resumed ?? (report.startedOver ? '**started over**' : 'fresh start'))
  )
  facts.push(`took **${esc(formatDuration(report.durationMs))}**`)
  if (ctx.planFile) facts.push(`plan ${code(ctx.planFile)} (${code(report.planId)})`)
  else facts.push(`plan ${code(report.planId)}`)
  lines.push(facts.join(' · '))
  const sharding = shardLines(report)
  if (sharding.length) lines.push('', ...sharding)
  if (report.startedOver) {
    lines.push('')
    lines.push(`⚠️ **${startedOverText(report)}**. Looked for:`)
    lines.push('')
    for (const l of report.startedOver.lookedFor.slice(0, 6)) lines.push(`- ${esc(l)}`)
  }
  if (report.stoppedBy && !ctx.byPostStep) {
    lines.push('')
    lines.push(stoppedText(report))
  }
  if (ctx.byPostStep) {
    lines.push('')
    lines.push(
      'The main step was cancelled or killed before it could write this summary; the post step wrote it from the journal. Operations that were running when it stopped count as pending.'
    )
  }
  lines.push('')
  lines.push(`**Next:** ${nextRunText(report, ctx).join(' ')}`)
  lines.push('')
  return lines
}

function stoppedText(report: Report): string {
  switch (report.stoppedBy) {
    case 'time-budget':
      return 'The time budget ran out: the attempt stopped dispatching and left the rest pending.'
    case 'signal':
      return 'The attempt was cancelled (a signal): it let the running operation finish or stopped it, and left the rest pending.'
    case 'fail-fast':
      return 'An operation failed under continue-on-error: false, so the attempt stopped there.'
    default:
      return ''
  }
}

function footer(report: Report, ctx: SummaryContext, compact: boolean, where: string): string[] {
  const parts: string[] = []
  if (ctx.checkpointKey)
    parts.push(
      `Last checkpoint: ${code(ctx.checkpointKey)}${ctx.storedBytes !== undefined ? ` (${esc(formatBytes(ctx.storedBytes))} stored now)` : ''}.`
    )
  if (ctx.checkpointInPost) parts.push('The post step saves the checkpoint (see its log).')
  if (!report.dryRun || !compact) parts.push(`Full report: ${where}.`)
  if (compact && ctx.runUrl) parts.push(`[Job summary](${encodeURI(ctx.runUrl)}) lists every operation.`)
  return parts.length ? ['', `<sub>${parts.join(' ')}</sub>`] : []
}

/** Where the whole report is, as Markdown. */
function fullReportWhere(ctx: SummaryContext): string {
  if (ctx.reportArtifact) return `${code('report.json')} in the artifact ${code(ctx.reportArtifact)}`
  if (ctx.mode === 'cli')
    return ctx.reportPath ? code(ctx.reportPath) : `the JSON report (${code('--report FILE')})`
  return `the JSON report (the ${code('report')} output${ctx.stores?.includes('artifact') ? '' : `; with ${code('store: artifact')} it is kept as an artifact`})`
}

function pathsCell(r: OpReport): string {
  if (r.from && r.to) return `${code(clip(r.from, PATH_CHARS))} → ${code(clip(r.to, PATH_CHARS))}`
  const p = r.from ?? r.to
  return p ? code(clip(p, PATH_CHARS)) : '—'
}

function seqCell(r: OpReport): string {
  return r.seq === null ? '—' : num(r.seq)
}

function errorCell(e: string | null): string {
  if (!e) return ''
  const lines = e.replace(/\r\n?/g, '\n').trimEnd().split('\n')
  let text = lines.slice(0, ERROR_LINES).join('\n')
  if (lines.length > ERROR_LINES) text += '\n…'
  return code(clip(text, ERROR_CHARS), '<br>')
}

function failedSection(report: Report, b: Budget, lim: SummaryLimits, where: string): Budget {
  const lines = linesOf(report)
  const failed = pick(lines, i => lines.outcome(i) === 'failed')
  if (!failed.length) return b
  const head = [
    `### Failed (${num(failed.length)})`,
    '',
    '| seq | operation | kind | paths | tries | next run | error |',
    '|---:|---|---|---|---:|---|---|'
  ]
  if (!b.fits(head.join('\n'), MORE_RESERVE)) return b
  b.push(...head)
  const shown = b.rows(
    map(
      failed,
      r =>
        `| ${seqCell(r)} | ${code(r.op)} | ${r.kind} | ${pathsCell(r)} | ${r.attempts} | ${r.reason === 'gave-up' ? 'gave up' : 'retry'} | ${errorCell(r.error)} |`
    ),
    lim.failedRows,
    MORE_RESERVE
  )
  if (shown < failed.length)
    b.push('', `… and ${plural(failed.length - shown, 'more failed operation')}; every one is in ${where}.`)
  b.push('')
  return b
}

function attemptsSection(report: Report, ctx: SummaryContext, b: Budget, lim: SummaryLimits): Budget {
  const all = report.attempts
  if (!all.length) return b
  const head = [
    '### Attempts',
    '',
    '| attempt | started | took | executed | skipped | failed | pending | ended |',
    '|---:|---|---:|---:|---:|---:|---:|---|'
  ]
  if (!b.fits(head.join('\n'), MORE_RESERVE)) return b
  b.push(...head)
  const first = Math.max(0, all.length - lim.attempts)
  const last = all.length - 1
  const row = (a: AttemptInfo, i: number): string => {
    const current = i === last && a.attempt === report.attempt
    // The post step's summary has no end record for this attempt: its counts come from the report.
    const counts = current && a.executed === undefined ? report.counts : a
    const took =
      a.endedAt !== undefined
        ? formatDuration(a.endedAt - a.startedAt)
        : current
          ? formatDuration(report.durationMs)
          : '—'
    const cell = (n: number | undefined): string => (n === undefined ? '—' : num(n))
    return `| ${current ? `**${a.attempt}** (this one)` : a.attempt} | ${timeText(a.startedAt)} | ${esc(took)} | ${cell(counts.executed)} | ${cell(counts.skipped)} | ${cell(counts.failed)} | ${cell(counts.pending)} | ${attemptEnd(a, current, ctx, esc)} |`
  }
  const rows = all.slice(first).map((a, i) => row(a, first + i))
  const shown = b.rows(rows, rows.length, MORE_RESERVE)
  if (first > 0 || shown < rows.length)
    b.push('', `${plural(all.length - shown, 'earlier attempt')} not shown.`)
  b.push('')
  return b
}

function overviewSection(report: Report, groups: Group[], b: Budget, lim: SummaryLimits): Budget {
  if (!groups.length) return b
  const head = [
    '### By declared operation',
    '',
    '| operation | kind | total | executed | skipped | failed | pending |',
    '|---|---|---:|---:|---:|---:|---:|'
  ]
  if (!b.fits(head.join('\n'), MORE_RESERVE)) return b
  b.push(...head)
  const shown = b.rows(
    map(groups, g => {
      const why = [...g.skippedBy].map(([k, v]) => `${k} ${num(v.length)}`).join(', ')
      return `| ${code(g.op)} | ${g.kind} | ${num(g.total)} | ${num(g.executed.length)} | ${num(g.skipped.length)}${why && report.counts.skipped ? ` (${esc(why)})` : ''} | ${num(g.failed.length)} | ${num(g.pending.length)} |`
    }),
    lim.groups,
    MORE_RESERVE
  )
  if (shown < groups.length) b.push('', `… and ${plural(groups.length - shown, 'more declared operation')}.`)
  b.push('')
  return b
}

/** Parallelism and throughput of each declared run operation that ran commands. */
function commandsSection(report: Report, b: Budget): Budget {
  const stats = shownCommands(report)
  if (!stats.length) return b
  const lines = [
    '### Commands',
    '',
    '| operation | run | parallel | batch | per second | took |',
    '|---|---:|---:|---:|---:|---:|',
    ...stats.map(
      s =>
        `| ${code(s.op)} | ${num(s.commands)} | ${s.parallel} | ${s.batch ?? '-'} | ${commandRate(s)} | ${esc(formatDuration(s.durationMs))} |`
    ),
    ''
  ]
  if (b.fits(lines.join('\n'), MORE_RESERVE)) b.push(...lines)
  return b
}

function classCounts(report: Report): Map<string, number> {
  const m = new Map<string, number>()
  const lines = linesOf(report)
  for (let i = 0; i < lines.length; i++) {
    const k = classOf(lines, i)
    m.set(k, (m.get(k) ?? 0) + 1)
  }
  return m
}

/** A dry-run line's class: its classification, or what its outcome says. */
function classOf(lines: OpLines, i: number): string {
  const outcome = lines.outcome(i)
  return (
    lines.classification(i) ??
    (outcome === 'pending' ? 'pending' : outcome === 'failed' ? 'would-fail' : 'satisfied')
  )
}

const CLASS_ORDER = ['would-execute', 'satisfied', 'conflict', 'would-fail', 'cannot-preview', 'pending']

function classificationSection(report: Report, b: Budget, lim: SummaryLimits, where: string): Budget {
  const by = new Map<string, Picked>()
  const lines = linesOf(report)
  for (let i = 0; i < lines.length; i++) {
    const k = classOf(lines, i)
    let l = by.get(k)
    if (!l) by.set(k, (l = new Picked(lines)))
    l.push(i)
  }
  const lists = CLASS_ORDER.filter(k => by.has(k)).map(k => ({ key: k, ops: by.get(k)! }))
  const head = ['### Dry-run classification', '', '| classification | operations |', '|---|---:|']
  if (!b.fits(head.join('\n'), MORE_RESERVE)) return b
  b.push(...head)
  b.rows(
    lists.map(l => `| ${l.key} | ${num(l.ops.length)} |`),
    lists.length,
    MORE_RESERVE
  )
  b.push('')
  const per = perList(
    lists.map(l => l.ops.length),
    lim.rowBudget
  )
  lists.forEach((l, i) => {
    detailsTable(
      b,
      `${esc(l.key)}: ${plural(l.ops.length, 'operation')}`,
      [{ title: null, ops: l.ops, max: per[i] }],
      where,
      r =>
        `| ${seqCell(r)} | ${code(r.op)} | ${r.kind} | ${pathsCell(r)} | ${errorCell(r.error ?? r.detail ?? null)} |`,
      ['| seq | operation | kind | paths | detail |', '|---:|---|---|---|---|']
    )
  })
  return b
}

function diffSection(report: Report, b: Budget, lim: SummaryLimits, where: string): Budget {
  const lines = linesOf(report)
  const withDiff = pick(lines, i => lines.hasDiff(i))
  if (!withDiff.length) return b
  const head = [`### Diffs of write and replace (${num(withDiff.length)})`, '']
  if (!b.fits(head.join('\n'), MORE_RESERVE)) return b
  b.push(...head)
  let shown = 0
  for (const r of withDiff) {
    const lines = r.diff!.replace(/\r\n?/g, '\n').trimEnd().split('\n')
    let plus = 0
    let minus = 0
    let hunk = false
    for (const l of lines) {
      if (l.startsWith('@@')) hunk = true
      else if (hunk && l.startsWith('+')) plus++
      else if (hunk && l.startsWith('-')) minus++
    }
    const body =
      lines.slice(0, lim.diffLines).join('\n') + (lines.length > lim.diffLines ? '\n… (diff cut here)' : '')
    const block = [
      '<details>',
      `<summary>#${seqCell(r)} ${r.kind} ${code(clip(r.from ?? r.to ?? '', PATH_CHARS))} (+${plus} −${minus})</summary>`,
      '',
      fenced(body, 'diff'),
      '',
      '</details>',
      ''
    ].join('\n')
    if (!b.fits(block, MORE_RESERVE)) break
    b.push(block)
    shown++
  }
  if (shown < withDiff.length)
    b.push(`… and ${plural(withDiff.length - shown, 'more diff')}; every one is in ${where}.`, '')
  return b
}

/**
 * How many rows each list may show so that all of them together stay within `budget`: every
 * list gets the same share, and what a short list does not use goes to the longer ones.
 */
export function perList(sizes: number[], budget: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0)
  if (total <= budget) return sizes.slice()
  let lo = 0
  let hi = Math.max(0, ...sizes)
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    const used = sizes.reduce((a, n) => a + Math.min(n, mid), 0)
    if (used <= budget) lo = mid
    else hi = mid - 1
  }
  return sizes.map(n => Math.min(n, lo))
}

interface SubList {
  title: string | null
  ops: LineList
  /** Rows this list may show. */
  max: number
}

/** One collapsible group: a `<details>` block with a table per sub-list, each cut at its `max`. */
function detailsTable(
  b: Budget,
  summary: string,
  subs: SubList[],
  where: string,
  row: (r: OpReport) => string,
  header: string[]
): boolean {
  const open = ['<details>', `<summary>${summary}</summary>`, '']
  const close = ['</details>', '']
  const closeSize = close.reduce((n, l) => n + b.size(l), 0)
  if (!b.fits(open.join('\n') + header.join('\n'), closeSize + MORE_RESERVE)) return false
  b.push(...open)
  for (const s of subs) {
    const lead = s.title ? [`**${s.title}** (${num(s.ops.length)})`, ''] : []
    if (!b.fits([...lead, ...header].join('\n'), closeSize + MORE_RESERVE)) {
      b.push(`… ${num(s.ops.length)} more left out for size; every one is in ${where}.`, '')
      continue
    }
    b.push(...lead, ...header)
    const shown = b.rows(map(s.ops, row), s.max, closeSize + MORE_RESERVE)
    if (shown < s.ops.length) b.push('', `… and ${num(s.ops.length - shown)} more; every one is in ${where}.`)
    b.push('')
  }
  b.push(...close)
  return true
}

/** Executed, skipped (split by reason) and pending operations, per declared operation. */
function listingSection(
  report: Report,
  groups: Group[],
  b: Budget,
  lim: SummaryLimits,
  where: string
): Budget {
  const c = report.counts
  type Item = { g: Group; subs: { title: string | null; ops: LineList }[]; label: string }
  const sections: { heading: string; items: Item[] }[] = []
  if (c.executed)
    sections.push({
      heading: `### Executed in this attempt (${num(c.executed)})`,
      items: groups
        .filter(g => g.executed.length)
        .map(g => ({
          g,
          subs: [{ title: null, ops: g.executed }],
          label: `${num(g.executed.length)} executed`
        }))
    })
  if (c.skipped) {
    const why = skipReasons(report)
      .map(([k, v]) => `${esc(k)} ${num(v)}`)
      .join(', ')
    sections.push({
      heading: `### Skipped (${num(c.skipped)}: ${why})`,
      items: groups
        .filter(g => g.skipped.length)
        .map(g => ({
          g,
          subs: [...g.skippedBy].map(([k, ops]) => ({ title: esc(k), ops })),
          label: `${num(g.skipped.length)} skipped (${[...g.skippedBy].map(([k, v]) => `${esc(k)} ${num(v.length)}`).join(', ')})`
        }))
    })
  }
  if (c.pending)
    sections.push({
      heading: `### Pending (${num(c.pending)}): a re-run runs these`,
      items: groups
        .filter(g => g.pending.length)
        .map(g => ({ g, subs: [{ title: null, ops: g.pending }], label: `${num(g.pending.length)} pending` }))
    })
  // Every (declared operation, reason) list gets a share of the row budget.
  const shares = perList(
    sections.flatMap(s => s.items.flatMap(it => it.subs.map(x => x.ops.length))),
    lim.rowBudget
  )
  let k = 0
  let leftOut = 0
  for (const s of sections) {
    const headed = b.fits(s.heading, MORE_RESERVE)
    if (headed) b.push(s.heading, '')
    for (const it of s.items) {
      const subs = it.subs.map(x => ({ ...x, max: shares[k++] }))
      const ok =
        headed &&
        detailsTable(
          b,
          `${code(it.g.op)} (${it.g.kind}): ${it.label}`,
          subs,
          where,
          r =>
            `| ${seqCell(r)} | ${pathsCell(r)} | ${r.detail ? esc(clip(r.detail, ERROR_CHARS)) : r.outcome === 'pending' && r.reason ? esc(r.reason) : ''} |`,
          ['| seq | paths | detail |', '|---:|---|---|']
        )
      if (!ok) leftOut++
    }
  }
  if (leftOut) b.push(`${plural(leftOut, 'group')} left out for size; every operation is in ${where}.`, '')
  return b
}

function* map<T>(items: Iterable<T>, f: (t: T) => string): Generator<string> {
  for (const t of items) yield f(t)
}
