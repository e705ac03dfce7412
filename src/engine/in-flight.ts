/** True when one path is the other or lies inside it ('' and '.' hold every path). */
export function nested(a: string, b: string): boolean {
  if (a === b || a === '' || b === '' || a === '.' || b === '.') return true
  return a.length < b.length
    ? b.charCodeAt(a.length) === 47 && b.startsWith(a)
    : a.charCodeAt(b.length) === 47 && a.startsWith(b)
}

/**
 * The concrete operations in flight at once: at most `limit`, never two on the same path or
 * one inside another. `admit` waits for room; `idle` waits until nothing is in flight (with
 * dispatch paused by the caller, that is a consistent cut: p-queue's pause() and onIdle()).
 * A task that throws (a journal write failed) makes the next admit or idle throw, once the
 * others have ended.
 */
export class InFlight {
  private readonly tasks = new Map<Promise<void>, string>()
  private failure: { err: unknown } | undefined

  constructor(readonly limit: number) {}

  get size(): number {
    return this.tasks.size
  }

  /** Waits until an operation on `path` may start. */
  async admit(path: string): Promise<void> {
    while (!this.failure && (this.tasks.size >= this.limit || this.blocks(path))) await this.settleOne()
    if (this.failure) await this.idle()
  }

  /** Tracks a started operation on `path` until it ends. */
  track(path: string, task: Promise<void>): void {
    const tracked: Promise<void> = task.then(
      () => void this.tasks.delete(tracked),
      (err: unknown) => {
        this.tasks.delete(tracked)
        this.failure ??= { err }
      }
    )
    this.tasks.set(tracked, path)
  }

  /** Waits until every tracked operation has ended. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await this.settleOne()
    if (this.failure) throw this.failure.err
  }

  private blocks(path: string): boolean {
    for (const p of this.tasks.values()) if (nested(p, path)) return true
    return false
  }

  private async settleOne(): Promise<void> {
    await Promise.race(this.tasks.keys())
  }
}
