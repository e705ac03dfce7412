import { UsageError } from './errors.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * Parses durations such as `90s`, `5h30m`, `1.5h`, `500ms`; a bare number means seconds.
 * Throws a UsageError naming `what` and quoting the value.
 */
export function parseDuration(value: string, what: string): number {
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy
  let total = 0
  let end = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * UNIT_MS[m[2]]
    end = re.lastIndex
  }
  if (!text || end !== text.length || !Number.isFinite(total)) {
    throw new UsageError(`${what}: '${value}' is not a duration (use forms like 90s, 2m, 5h30m, 500ms)`)
  }
  return Math.round(total)
}

/** 1h 2m 3.4s style, for logs and summaries. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(1)}s`
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = Math.round(s % 60)
  return h > 0 ? `${h}h ${m}m ${sec}s` : `${m}m ${sec}s`
}
