/** Output kept per stream of one invocation for the log (--verbose, the action's debug log). */
const KEEP_BYTES = 1024 * 1024
/** Bytes kept at the end of a stream, for its last lines. */
const TAIL_BYTES = 4096
const TAIL_LINES = 10

/**
 * One stream of one invocation, kept apart from every other: its first KEEP_BYTES (logged whole
 * when the invocation ends, so the output of commands in flight together never interleaves)
 * and its last TAIL_BYTES (the last lines of stderr go into the error).
 */
export class Capture {
  private head: Buffer[] = []
  private headBytes = 0
  private tail: Buffer = Buffer.alloc(0)
  private total = 0

  /** A stream kept elsewhere (by the spawner) under the same rules. */
  static of(head: Buffer, total: number, tail: Buffer): Capture {
    const c = new Capture()
    c.head = [head]
    c.headBytes = head.length
    c.tail = tail
    c.total = total
    return c
  }

  push(chunk: Buffer): void {
    this.total += chunk.length
    if (this.headBytes < KEEP_BYTES) {
      const part = chunk.subarray(0, KEEP_BYTES - this.headBytes)
      this.head.push(part)
      this.headBytes += part.length
    }
    const joined = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk
    this.tail = joined.length > TAIL_BYTES * 2 ? joined.subarray(-TAIL_BYTES) : joined
  }

  /** Everything kept, with a note of what was left out. */
  text(): string {
    const kept = Buffer.concat(this.head).toString('utf8').trimEnd()
    const dropped = this.total - this.headBytes
    return dropped > 0 ? `${kept}\n… (${dropped} more bytes not shown)` : kept
  }

  /** The last few lines. */
  lines(): string {
    const text = this.tail.subarray(Math.max(0, this.tail.length - TAIL_BYTES)).toString('utf8')
    return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n')
  }
}
