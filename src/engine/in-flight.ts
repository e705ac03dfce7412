/** True when one path is the other or lies inside it ('' and '.' hold every path). */
export function nested(a: string, b: string): boolean {
  if (a === b || a === '' || b === '' || a === '.' || b === '.') return true
  return a.length < b.length
    ? b.charCodeAt(a.length) === 47 && b.startsWith(a)
    : a.charCodeAt(b.length) === 47 && a.startsWith(b)
}

/**
 * The concrete operations (or batches) in flight at once: at most `limit`, never two on the
 * same path or one inside another. `admit` waits for room; `idle` waits until nothing is in flight (with
 * dispatch paused by the caller, that is a consistent cut: p-queue's pause() and onIdle()).
 * A task that throws (a journal write failed) makes the next admit or idle throw, once the
 * others have ended.
 */
export class InFlight {
  private readonly tasks = new Map<Promise<void>, readonly string[]>()
  private failure: { err: unknown } | undefined

  constructor(readonly limit: number) {}

  get size(): number {
    return this.tasks.size
  }

  /** Waits until an operation (or a batch) on `paths` may start. */
  async admit(paths: readonly string[]): Promise<void> {
    while (!this.failure && (this.tasks.size >= this.limit || this.blocks(paths))) await this.settleOne()
    if (this.failure) await this.idle()
  }

  /** Tracks a started operation (or batch) on `paths` until it ends. */
  track(paths: readonly string[], task: Promise<void>): void {
    const tracked: Promise<void> = task.then(
      () => void this.tasks.delete(tracked),
      (err: unknown) => {
        this.tasks.delete(tracked)
        this.failure ??= { err }
      }
    )
    this.tasks.set(tracked, paths)
  }

  /** Waits until every tracked operation has ended. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await this.settleOne()
    if (this.failure) throw this.failure.err
  }

  private blocks(paths: readonly string[]): boolean {
    for (const held of this.tasks.values()) {
      for (const p of held) for (const q of paths) if (nested(p, q)) return true
    }
    return false
  }

  private async settleOne(): Promise<void> {
    await Promise.race(this.tasks.keys())
  }
}
