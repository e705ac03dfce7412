import type { Report } from '../report/model.js'

export type StopReason = NonNullable<Report['stoppedBy']>

/**
 * Why dispatch stops: a signal (SIGINT/SIGTERM through the caller's AbortSignal), the time
 * budget, or a failure under continue-on-error: false. `signal` aborts on any of them, and
 * tells the commands in flight (and a retry's wait) to stop: they get the grace period, then
 * their process groups are killed.
 */
export class Stopper {
  private readonly controller = new AbortController()
  private reason: StopReason | null = null
  private readonly onAbort = (): void => this.controller.abort()
  private budgetTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly now: () => number,
    private readonly startedAt: number,
    private readonly budgetMs: number | undefined,
    private readonly external: AbortSignal | undefined
  ) {
    external?.addEventListener('abort', this.onAbort, { once: true })
    if (external?.aborted) this.controller.abort()
    // The budget also ends commands in flight when it runs out, not only dispatch.
    if (budgetMs !== undefined) {
      const left = Math.max(0, budgetMs - (now() - startedAt))
      this.budgetTimer = setTimeout(() => this.stop('time-budget'), left).unref()
    }
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

  /** Stops the run for a reason of its own (the budget ran out, a failure under continue-on-error: false). */
  stop(reason: StopReason): void {
    this.reason ??= reason
    this.controller.abort()
  }

  /**
   * The reason the attempt stopped early, if it did: also a signal that came when nothing was
   * left to dispatch (it still stopped what was in flight).
   */
  get stoppedBy(): StopReason | null {
    if (!this.reason && this.controller.signal.aborted) this.reason = 'signal'
    return this.reason
  }

  /** Detaches from the caller's signal at the end of the attempt. */
  dispose(): void {
    clearTimeout(this.budgetTimer)
    this.external?.removeEventListener('abort', this.onAbort)
  }
}
