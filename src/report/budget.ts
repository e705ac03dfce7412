/** Size of text as a limit counts it: UTF-8 bytes (job summary) or UTF-16 characters (PR body). */
export type Measure = (s: string) => number

export const utf8Bytes: Measure = s => Buffer.byteLength(s, 'utf8')
export const chars: Measure = s => s.length

/**
 * Collects lines under a size limit. `fits` asks before a line is added, so a section can stop
 * at a row boundary and say how many it left out, instead of being cut mid-table.
 */
export class Budget {
  private readonly lines: string[] = []
  private used = 0

  constructor(
    readonly limit: number,
    private readonly measure: Measure
  ) {}

  /** Size of `text` as one more line (with its newline). */
  size(text: string): number {
    return this.measure(text) + 1
  }

  get remaining(): number {
    return this.limit - this.used
  }

  /** True when `text` fits while still leaving `reserve` free. */
  fits(text: string, reserve = 0): boolean {
    return this.size(text) + reserve <= this.remaining
  }

  /** Adds lines unconditionally (headings, fixed parts sized beforehand). */
  push(...lines: string[]): void {
    for (const l of lines) {
      this.lines.push(l)
      this.used += this.size(l)
    }
  }

  /**
   * Adds rows while each fits (leaving `reserve` for what must follow) and at most `max` of them;
   * returns how many were added.
   */
  rows(rows: Iterable<string>, max: number, reserve: number): number {
    let n = 0
    for (const r of rows) {
      if (n >= max || !this.fits(r, reserve)) break
      this.push(r)
      n++
    }
    return n
  }

  /** A section written into a sub-budget of at most `limit`, appended when done. */
  sub(limit: number): Budget {
    return new Budget(Math.max(0, Math.min(limit, this.remaining)), this.measure)
  }

  append(b: Budget): void {
    for (const l of b.lines) this.push(l)
  }

  text(): string {
    return this.lines.join('\n') + '\n'
  }
}
