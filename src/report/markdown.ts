import { formatDuration } from '../duration.js'
import type { OpReport, Report } from './model.js'

/** Escapes text for a Markdown table cell: no HTML, no pipes, no line breaks, no code spans. */
export function mdCell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/[*_[\]\\]/g, c => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ⏎ ')
}

const MAX_FAILED_ROWS = 100

function pathsOf(r: OpReport): string {
  if (r.from && r.to) return `${mdCell(r.from)} → ${mdCell(r.to)}`
  return mdCell(r.from ?? r.to ?? '')
}

/** A compact Markdown summary: headline, counts, failures, and what a re-run does. */
export function renderMarkdown(report: Report, maxChars = 60_000): string {
  const c = report.counts
  const title = report.dryRun
    ? 'dry-run'
    : report.complete
      ? c.failed
        ? 'complete, with failures'
        : 'complete'
      : 'incomplete'
  const lines: string[] = []
  lines.push(`### bulk-ops: ${title}`)
  lines.push('')
  const resumed = report.resumedFrom !== null ? `, resumed from #${report.resumedFrom}` : ''
  lines.push(
    `Attempt ${report.attempt}${resumed}; plan \`${report.planId}\`; ${formatDuration(report.durationMs)}.`
  )
  lines.push('')
  lines.push('| total | executed | skipped | failed | pending |')
  lines.push('|---:|---:|---:|---:|---:|')
  lines.push(`| ${c.total} | ${c.executed} | ${c.skipped} | ${c.failed} | ${c.pending} |`)
  const failed = report.operations.filter(r => r.outcome === 'failed')
  if (failed.length) {
    lines.push('')
    lines.push('| seq | operation | kind | paths | tries | error |')
    lines.push('|---:|---|---|---|---:|---|')
    for (const r of failed.slice(0, MAX_FAILED_ROWS)) {
      lines.push(
        `| ${r.seq ?? '-'} | ${mdCell(r.op)} | ${r.kind} | ${pathsOf(r)} | ${r.attempts} | ${mdCell((r.error ?? '').slice(0, 500))} |`
      )
    }
    if (failed.length > MAX_FAILED_ROWS)
      lines.push(`\n… and ${failed.length - MAX_FAILED_ROWS} more failed operations.`)
  }
  if (c.pending || failed.some(r => r.reason !== 'gave-up')) {
    lines.push('')
    lines.push(
      `A re-run resumes here: ${c.pending} pending operations run, ${failed.filter(r => r.reason !== 'gave-up').length} failed ones are retried.`
    )
  }
  let text = lines.join('\n') + '\n'
  if (text.length > maxChars) text = text.slice(0, maxChars - 40) + '\n\n… (summary truncated)\n'
  return text
}
