import type { LoadInfo } from '../journal/journal.js'
import { St, type RunState } from '../journal/state.js'
import { printable } from './text.js'

/** `bulk-ops inspect`: progress, failures and the attempt history of a saved run. */
export function renderInspect(dir: string, state: RunState, info: LoadInfo): string {
  const out: string[] = []
  let done = 0
  let failed = 0
  let started = 0
  for (let q = 0; q < state.total; q++) {
    const s = state.status[q]
    if (s === St.Executed || s === St.Skipped) done++
    else if (s === St.Failed) failed++
    else if (s === St.Started) started++
  }
  const expanded = state.expansions.filter(Boolean).length
  out.push(`state: ${dir}`)
  out.push(`plan: ${state.planId}   loaded from: ${info.source} (+${info.replayed} journal records)`)
  for (const w of info.warnings) out.push(`warning: ${w}`)
  out.push(`operations known: ${state.total} (from ${expanded} expanded declared operations)`)
  out.push(
    `  done ${done}, failed ${failed}, interrupted mid-way ${started}, not yet run ${state.total - done - failed - started}`
  )
  const first = state.firstUndone()
  out.push(`next run resumes at: ${first === null ? '(every known operation is done)' : `#${first}`}`)
  if (state.errors.size) {
    out.push('failures:')
    let n = 0
    for (const [q, e] of state.errors) {
      if (n++ >= 50) {
        out.push(`  … and ${state.errors.size - 50} more`)
        break
      }
      out.push(`  #${q} (tries ${state.tries[q]}): ${printable(e)}`)
    }
  }
  out.push('attempts:')
  out.push('  attempt  started                   executed  skipped  failed  pending  ended')
  for (const a of state.attempts) {
    out.push(
      `  ${String(a.attempt).padEnd(8)} ${new Date(a.startedAt).toISOString().padEnd(25)} ${String(a.executed ?? '-').padEnd(9)} ${String(a.skipped ?? '-').padEnd(8)} ${String(a.failed ?? '-').padEnd(7)} ${String(a.pending ?? '-').padEnd(8)} ${a.how ?? 'killed (no end record)'}`
    )
  }
  return out.join('\n') + '\n'
}
