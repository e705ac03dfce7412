/**
 * How many matches a list keeps as strings before it packs them: an explicit plan's expansions
 * (one match each) stay plain arrays, a glob's large ones go off the heap.
 */
const PACK_AFTER = 64

/** A packed list's bytes are addressed by Uint32 offsets. */
const MAX_BYTES = 0xffffffff

/**
 * The matches of one expansion, in order. A large list keeps them off the V8 heap: their UTF-8
 * bytes in one buffer and where each ends, a string made only when one is read (`get`). A
 * million matches are ~25 MB of bytes and offsets, not a million strings; and a walk that keeps
 * them leaves no million survivors in V8's young generation, which would grow it to its maximum
 * (two semi-spaces of up to 64 MiB) for the rest of the run.
 */
export class MatchList implements Iterable<string> {
  static readonly EMPTY = new MatchList(0, [], null, null)

  private constructor(
    readonly length: number,
    private readonly strings: readonly string[] | null,
    private readonly bytes: Buffer | null,
    private readonly ends: Uint32Array | null
  ) {}

  /** The list of `strings` (the array itself, not a copy: the caller gives it up). */
  static of(strings: readonly string[]): MatchList {
    return strings.length === 0 ? MatchList.EMPTY : new MatchList(strings.length, strings, null, null)
  }

  /** The list of `xs`, packed when it is large. */
  static from(xs: Iterable<string>): MatchList {
    if (xs instanceof MatchList) return xs
    if (Array.isArray(xs) && xs.length <= PACK_AFTER) return MatchList.of(xs as string[])
    const b = new MatchListBuilder()
    for (const x of xs) b.push(x)
    return b.finish()
  }

  /** @internal Used by MatchListBuilder. */
  static packed(length: number, bytes: Buffer, ends: Uint32Array): MatchList {
    return new MatchList(length, null, bytes, ends)
  }

  /** The i-th match; `i` must be in [0, length). */
  get(i: number): string {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`match ${i} of ${this.length}`)
    if (this.strings) return this.strings[i]
    const ends = this.ends!
    return this.bytes!.toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i])
  }

  /** Matches [from, to) as strings. */
  slice(from = 0, to = this.length): string[] {
    const end = Math.min(to, this.length)
    if (this.strings) return this.strings.slice(from, end)
    const out: string[] = []
    for (let i = from; i < end; i++) out.push(this.get(i))
    return out
  }

  /**
   * A packed list's UTF-8 bytes and where each match ends in them (match i is
   * `bytes[ends[i - 1] ?? 0, ends[i])`), for comparing matches without making strings; null for a
   * list kept as strings.
   */
  packedBytes(): { bytes: Buffer; ends: Uint32Array } | null {
    return this.bytes && this.ends ? { bytes: this.bytes, ends: this.ends } : null
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.get(i)
  }

  /** As JSON, the array of its strings (the journal's record and a format-1 snapshot). */
  toJSON(): string[] {
    return this.slice()
  }
}

/**
 * Builds a MatchList match by match: the first PACK_AFTER as strings, then everything as UTF-8
 * bytes in a buffer that doubles as it fills (off the heap; no string is kept). A string that
 * UTF-8 cannot carry (a lone surrogate, from a plan's text) keeps the whole list as strings.
 */
export class MatchListBuilder {
  private strings: string[] | null = []
  private bytes: Buffer | null = null
  private ends: Uint32Array | null = null
  private used = 0
  /** A string UTF-8 cannot carry was seen: the list stays strings. */
  private plain = false
  length = 0

  push(s: string): void {
    if (this.strings) {
      this.strings.push(s)
      this.length++
      if (this.length > PACK_AFTER && !this.plain) this.pack()
      return
    }
    if (!s.isWellFormed()) return this.unpack(s)
    let bytes = this.bytes!
    // Enough room for any string (3 bytes per UTF-16 unit at most): `write` never cuts one short.
    if (this.used + 3 * s.length > bytes.length) bytes = this.grow(this.used + 3 * s.length)
    this.used += bytes.write(s, this.used, 'utf8')
    this.ended()
  }

  /** Records where the match just written ends. */
  private ended(): void {
    if (this.used > MAX_BYTES) throw new RangeError('the matches of one expansion exceed 4 GiB')
    if (this.length === this.ends!.length) {
      const ends = new Uint32Array(this.length * 2)
      ends.set(this.ends!)
      this.ends = ends
    }
    this.ends![this.length++] = this.used
  }

  /** Adds the match whose UTF-8 bytes are `src[start, end)`, without making it a string first. */
  pushBytes(src: Buffer, start: number, end: number): void {
    if (this.strings) return this.push(src.toString('utf8', start, end))
    let bytes = this.bytes!
    if (this.used + end - start > bytes.length) bytes = this.grow(this.used + end - start)
    this.used += src.copy(bytes, this.used, start, end)
    this.ended()
  }

  /** The list built so far (the builder is not used after this). */
  finish(): MatchList {
    if (this.strings) return MatchList.of(this.strings)
    let bytes = this.bytes!
    // A doubled buffer may be up to half empty: a large one is copied to its size.
    if (bytes.length - this.used > Math.max(1 << 20, bytes.length / 4)) {
      const exact = Buffer.allocUnsafeSlow(this.used)
      bytes.copy(exact, 0, 0, this.used)
      bytes = exact
    }
    return MatchList.packed(this.length, bytes.subarray(0, this.used), this.ends!)
  }

  /** Moves the strings so far into bytes, if every one of them is well-formed. */
  private pack(): void {
    const strings = this.strings!
    if (!strings.every(s => s.isWellFormed())) {
      this.plain = true
      return
    }
    this.strings = null
    this.bytes = Buffer.allocUnsafeSlow(64 * 1024)
    this.ends = new Uint32Array(1024)
    this.length = 0
    for (const s of strings) this.push(s)
  }

  /** Back to strings, for good (a string UTF-8 cannot carry): rare, and small lists only in practice. */
  private unpack(s: string): void {
    const list = MatchList.packed(this.length, this.bytes!.subarray(0, this.used), this.ends!)
    this.strings = [...list, s]
    this.length++
    this.plain = true
    this.bytes = null
    this.ends = null
  }

  private grow(need: number): Buffer {
    const old = this.bytes!
    const bytes = Buffer.allocUnsafeSlow(Math.max(need, old.length * 2))
    old.copy(bytes, 0, 0, this.used)
    this.bytes = bytes
    return bytes
  }
}
