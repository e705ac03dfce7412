import { formatDuration } from '../duration.js'
import { num } from './escape.js'
import type { Counts, Live, OpReport } from './model.js'

export interface ProgressOptions {
  /** Where the lines go (the CLI's stderr, the action's log). */
  write: (s: string) => void
  /** A terminal: one line redrawn in place. Otherwise whole lines, every `everyMs`. */
  tty: boolean
  now?: () => number
  /** Nothing is shown before the run has taken this long (short runs stay quiet). */
  delayMs?: number
  /** Between two lines in a log. */
  everyMs?: number
  /** Between two redraws on a terminal. */
  redrawMs?: number
}

/**
 * Progress of a long run, fed by the engine's onProgress: on a terminal a single line redrawn in
 * place (and cleared at the end), in a log a line every `everyMs`. O(1) per operation.
 */
export class Progress {
  private readonly now: () => number
  private readonly started: number
  private last = -Infinity
  private drawn = false

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? Date.now
    this.started = this.now()
  }

  /** To be called after every operation. */
  update(c: Counts, r: OpReport, live?: Live): void {
    const t = this.now()
    if (t - this.started < (this.o.delayMs ?? 2000)) return
    const every = this.o.tty ? (this.o.redrawMs ?? 100) : (this.o.everyMs ?? 30_000)
    if (t - this.last < every) return
    this.last = t
    const line = `bulk-ops: ${this.pace(c, t, live)} (at #${r.seq === null ? '-' : num(r.seq)}): ${num(c.executed)} executed, ${num(c.skipped)} skipped, ${num(c.failed)} failed, ${num(c.pending)} pending · ${formatDuration(t - this.started)}`
    if (this.o.tty) {
      this.o.write(`\r\x1b[2K${line}`)
      this.drawn = true
    } else this.o.write(`${line}\n`)
  }

  /** Done so far, in flight, operations per second and the time left for the operations known. */
  private pace(c: Counts, t: number, live: Live | undefined): string {
    const rate = (c.total * 1000) / Math.max(1, t - this.started)
    const left = live && live.known > c.total ? live.known - c.total : 0
    const parts = [
      left ? `${num(c.total)} of ${num(live!.known)} operations done` : `${num(c.total)} operations done`
    ]
    if (live?.inFlight) parts.push(`${num(live.inFlight)} in flight`)
    parts.push(`${rate >= 10 ? num(Math.round(rate)) : rate.toFixed(1)}/s`)
    if (left && rate > 0) parts.push(`~${formatDuration((left / rate) * 1000)} left`)
    return parts.join(', ')
  }

  /** Clears the terminal line, so the summary starts on a clean one. */
  done(): void {
    if (this.drawn) this.o.write('\r\x1b[2K')
    this.drawn = false
  }
}
