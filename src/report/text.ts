import { formatDuration } from '../duration.js'
import { num } from './escape.js'
import {
  commandsText,
  shownCommands,
  attemptEnd,
  groupsOf,
  nextRunText,
  resumedText,
  skipReasons,
  statusTitle,
  timeText,
  type SummaryContext
} from './facts.js'
import { linesOf, pick, Picked, take } from './lines.js'
import type { OpReport, Report } from './model.js'

const MAX_LISTED = 50

function paths(r: OpReport): string {
  if (r.from && r.to) return `${r.from} → ${r.to}`
  return r.from ?? r.to ?? ''
}

/** Escapes control characters so a file name cannot forge lines in a log. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

export function opLine(r: OpReport): string {
  const seq = r.seq === null ? '#-' : `#${r.seq}`
  return printable(`${seq} ${r.op} (${r.kind}) ${paths(r)}`.trimEnd())
}

/** Left-aligned columns for a small plain-text table. */
function columns(rows: string[][], indent = '  '): string[] {
  const width = rows[0].map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length)))
  return rows.map(r => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(width[i]))).join('  '))
}

/**
 * The plain-text summary the CLI prints: the job summary's content without Markdown — headline,
 * counts, failures, declared operations, attempts, what the next run does; for a dry-run the
 * classification and the diffs.
 */
export function renderText(
  report: Report,
  opts: { planFile?: string; verbose?: boolean } & SummaryContext = {}
): string {
  const ctx: SummaryContext = { mode: 'cli', ...opts }
  const c = report.counts
  const lines = linesOf(report)
  const out: string[] = []
  const resumed = resumedText(report, ctx)
  out.push(
    printable(
      `bulk-ops: ${statusTitle(report, ctx)} — attempt ${report.attempt}${resumed ? `, ${resumed}` : ''}, plan ${report.planId}${opts.planFile ? ` (${opts.planFile})` : ''}, ${formatDuration(report.durationMs)}`
    )
  )
  const why = skipReasons(report)
    .map(([k, v]) => `${k} ${num(v)}`)
    .join(', ')
  out.push(
    printable(
      `  ${num(c.total)} operations: executed ${num(c.executed)}, skipped ${num(c.skipped)}${why ? ` (${why})` : ''}, failed ${num(c.failed)}, pending ${num(c.pending)}`
    )
  )
  if (report.stoppedBy) out.push(`  stopped early: ${report.stoppedBy}`)
  for (const s of shownCommands(report)) out.push(printable(`  commands of ${commandsText(s)}`))
  if (report.dryRun) {
    const classes = new Map<string, Picked>()
    for (let i = 0; i < lines.length; i++) {
      const k = lines.classification(i) ?? lines.outcome(i)
      let list = classes.get(k)
      if (!list) classes.set(k, (list = new Picked(lines)))
      list.push(i)
    }
    for (const [k, rs] of classes) {
      out.push(`${k} (${num(rs.length)}):`)
      for (const r of take(rs, opts.verbose ? rs.length : MAX_LISTED)) {
        out.push(
          `  ${opLine(r)}${r.error ? `: ${printable(r.error)}` : r.detail ? ` — ${printable(r.detail)}` : ''}`
        )
        if (r.diff)
          out.push(
            ...r.diff
              .trimEnd()
              .split('\n')
              .map(l => `    ${printable(l)}`)
          )
      }
      if (!opts.verbose && rs.length > MAX_LISTED) out.push(`  … and ${num(rs.length - MAX_LISTED)} more`)
    }
  } else {
    const failed = pick(lines, i => lines.outcome(i) === 'failed')
    if (failed.length) {
      out.push(`failed (${num(failed.length)}):`)
      for (const r of take(failed, opts.verbose ? failed.length : MAX_LISTED)) {
        const [head, ...more] = (r.error ?? '').split('\n')
        out.push(
          `  ${opLine(r)} [${r.reason === 'gave-up' ? 'gave up' : 'retry'}, tries ${r.attempts}]: ${printable(head)}`
        )
        for (const l of more) out.push(`      ${printable(l)}`)
      }
      if (!opts.verbose && failed.length > MAX_LISTED)
        out.push(`  … and ${num(failed.length - MAX_LISTED)} more`)
    }
  }
  const groups = groupsOf(report)
  if (groups.length > 1 || (groups.length === 1 && report.attempts.length > 1)) {
    out.push('by declared operation:')
    const rows = [['operation', 'kind', 'total', 'executed', 'skipped', 'failed', 'pending']]
    for (const g of groups.slice(0, opts.verbose ? groups.length : MAX_LISTED))
      rows.push([
        printable(g.op),
        g.kind,
        num(g.total),
        num(g.executed.length),
        num(g.skipped.length),
        num(g.failed.length),
        num(g.pending.length)
      ])
    out.push(...columns(rows))
    if (!opts.verbose && groups.length > MAX_LISTED)
      out.push(`  … and ${num(groups.length - MAX_LISTED)} more`)
  }
  if (report.attempts.length > 1) {
    out.push('attempts:')
    const rows = [['attempt', 'started', 'executed', 'failed', 'ended']]
    const last = report.attempts.length - 1
    for (const [i, a] of report.attempts.entries()) {
      if (!opts.verbose && i < last - 9) continue
      rows.push([
        String(a.attempt),
        timeText(a.startedAt),
        a.executed === undefined ? '-' : num(a.executed),
        a.failed === undefined ? '-' : num(a.failed),
        printable(attemptEnd(a, i === last, ctx))
      ])
    }
    out.push(...columns(rows))
  }
  if (opts.verbose) {
    for (let i = 0; i < lines.length && !report.dryRun; i++) {
      if (lines.outcome(i) === 'failed') continue
      const r = lines.line(i)
      out.push(`  ${r.outcome}${r.reason ? `/${r.reason}` : ''} ${opLine(r)}`)
    }
  }
  out.push(`next: ${nextRunText(report, ctx).join(' ')}`)
  return out.join('\n') + '\n'
}
