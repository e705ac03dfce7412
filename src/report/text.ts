import { formatDuration } from '../duration.js'
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

/** The plain-text summary the CLI prints: headline, counts, failures, what a re-run does. */
export function renderText(report: Report, opts: { planFile?: string; verbose?: boolean } = {}): string {
  const c = report.counts
  const out: string[] = []
  const state = report.dryRun
    ? 'dry-run'
    : report.complete
      ? c.failed
        ? 'complete with failures'
        : 'complete'
      : 'incomplete'
  const resumed = report.resumedFrom !== null ? `, resumed from #${report.resumedFrom}` : ''
  out.push(
    `bulk-ops: ${state} — attempt ${report.attempt}${resumed}, plan ${report.planId}${opts.planFile ? ` (${opts.planFile})` : ''}, ${formatDuration(report.durationMs)}`
  )
  const reasons = new Map<string, number>()
  for (const r of report.operations)
    if (r.outcome === 'skipped' && r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1)
  const why = [...reasons].map(([k, v]) => `${k} ${v}`).join(', ')
  out.push(
    `  total ${c.total}: executed ${c.executed}, skipped ${c.skipped}${why ? ` (${why})` : ''}, failed ${c.failed}, pending ${c.pending}`
  )
  if (report.stoppedBy) out.push(`  stopped early: ${report.stoppedBy}`)
  if (report.dryRun) {
    const classes = new Map<string, OpReport[]>()
    for (const r of report.operations) {
      const k = r.classification ?? r.outcome
      if (!classes.has(k)) classes.set(k, [])
      classes.get(k)!.push(r)
    }
    for (const [k, rs] of classes) {
      out.push(`${k} (${rs.length}):`)
      for (const r of rs.slice(0, opts.verbose ? rs.length : MAX_LISTED)) {
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
      if (!opts.verbose && rs.length > MAX_LISTED) out.push(`  … and ${rs.length - MAX_LISTED} more`)
    }
    return out.join('\n') + '\n'
  }
  const failed = report.operations.filter(r => r.outcome === 'failed')
  if (failed.length) {
    out.push('failed:')
    for (const r of failed.slice(0, MAX_LISTED)) {
      const [head, ...more] = (r.error ?? '').split('\n')
      out.push(`  ${opLine(r)} [${r.reason ?? 'error'}, tries ${r.attempts}]: ${printable(head)}`)
      for (const l of more) out.push(`      ${printable(l)}`)
    }
    if (failed.length > MAX_LISTED) out.push(`  … and ${failed.length - MAX_LISTED} more`)
  }
  if (opts.verbose) {
    for (const r of report.operations)
      if (r.outcome !== 'failed') out.push(`  ${r.outcome}${r.reason ? `/${r.reason}` : ''} ${opLine(r)}`)
  }
  const retry = failed.filter(r => r.reason !== 'gave-up').length
  const gaveUp = failed.length - retry
  if (c.pending || retry) {
    out.push(
      `next run: resumes at the first undone operation; ${c.pending} pending will run, ${retry} failed will be retried${gaveUp ? `, ${gaveUp} gave up` : ''}`
    )
  }
  return out.join('\n') + '\n'
}
