import { clip, num } from './escape.js'
import { nextRun } from './facts.js'
import { take, type LineList } from './lines.js'
import type { OpReport, Report } from './model.js'

/** One workflow annotation (`core.error` / `core.warning` with properties). */
export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  /** Path relative to the repository root, when the operation has a file. */
  file?: string
}

/**
 * GitHub shows at most 10 error and 10 warning annotations per step; more are dropped silently.
 * With more failures than that, the last slot says how many were left out.
 */
export const ANNOTATION_CAP = 10

const MESSAGE_CHARS = 1000

/**
 * Annotations for a report: an error on the file of each failed operation that a re-run retries,
 * a warning on each that gave up (a re-run will not retry it); `cap` of each at most, the last
 * of which counts the rest. `fileOf` maps a workspace path to the repository-relative path.
 */
export function annotationsFor(
  report: Report,
  fileOf: (path: string) => string = p => p,
  cap = ANNOTATION_CAP
): Annotation[] {
  const { retried, gaveUp } = nextRun(report)
  return [
    ...capped(
      retried,
      cap,
      r => one(r, 'error', fileOf),
      n => ({
        level: 'error' as const,
        title: 'bulk-ops: more failed operations',
        message: `… and ${num(n)} more failed operations (a re-run retries them); the job summary lists them.`
      })
    ),
    ...capped(
      gaveUp,
      cap,
      r => one(r, 'warning', fileOf),
      n => ({
        level: 'warning' as const,
        title: 'bulk-ops: more operations gave up',
        message: `… and ${num(n)} more operations gave up after max-attempts (a re-run does not retry them); the job summary lists them.`
      })
    )
  ]
}

function capped(
  ops: LineList,
  cap: number,
  each: (r: OpReport) => Annotation,
  rest: (n: number) => Annotation
): Annotation[] {
  if (ops.length <= cap) return [...ops].map(each)
  const keep = Math.max(0, cap - 1)
  return [...take(ops, keep).map(each), rest(ops.length - keep)]
}

function one(r: OpReport, level: Annotation['level'], fileOf: (path: string) => string): Annotation {
  const seq = r.seq === null ? '' : `#${r.seq} `
  const paths = r.from && r.to ? `${r.from} → ${r.to}` : (r.from ?? r.to ?? '')
  const title =
    level === 'error'
      ? `bulk-ops: ${seq}${r.op} (${r.kind}) failed`
      : `bulk-ops: ${seq}${r.op} (${r.kind}) gave up after ${r.attempts} tries`
  const next =
    level === 'error'
      ? 'A re-run retries it.'
      : 'A re-run does not retry it; raise max-attempts to try again.'
  const message = clip(`${paths ? `${paths}: ` : ''}${r.error ?? 'failed'}\n${next}`, MESSAGE_CHARS)
  const path = fileTarget(r)
  return { level, title, message, ...(path ? { file: fileOf(path) } : {}) }
}

/** The file an operation's annotation belongs on: its source, else its target; never a glob. */
function fileTarget(r: OpReport): string | undefined {
  const p = r.from ?? r.to
  if (!p || r.seq === null || /[*?]/.test(p)) return undefined
  return p
}
