import type { Report } from '../report/model.js'

export type StopReason = NonNullable<Report['stoppedBy']>

/**
 * Why dispatch stops: a signal (SIGINT/SIGTERM through the caller's AbortSignal), the time
 * budget, or a failure under continue-on-error: false. `signal` aborts on a signal, and tells
 * a running command (and a retry's wait) to stop.
 */
export class Stopper {
  private readonly controller = new AbortController()
  private reason: StopReason | null = null
  private readonly onAbort = (): void => this.controller.abort()

  constructor(
    private readonly now: () => number,
    private readonly startedAt: number,
    private readonly budgetMs: number | undefined,
    private readonly external: AbortSignal | undefined
  ) {
    external?.addEventListener('abort', this.onAbort, { once: true })
    if (external?.aborted) this.controller.abort()
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** The reason to stop dispatching, once there is one; it stays once found. */
  check(): StopReason | null {
    if (this.reason) return this.reason
    if (this.controller.signal.aborted) return (this.reason = 'signal')
    if (this.budgetMs !== undefined && this.now() - this.startedAt >= this.budgetMs)
      return (this.reason = 'time-budget')
    return null
  }

  /** Stops dispatch for a reason of the run's own (a failure under continue-on-error: false). */
  stop(reason: StopReason): void {
    this.reason ??= reason
  }

  /** The reason the attempt stopped early, if it did. */
  get stoppedBy(): StopReason | null {
    return this.reason
  }

  /** Detaches from the caller's signal at the end of the attempt. */
  dispose(): void {
    this.external?.removeEventListener('abort', this.onAbort)
  }
}
