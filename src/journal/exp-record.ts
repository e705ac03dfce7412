import { MatchList, MatchListBuilder } from '../plan/match-list.js'

/** An expansion's journal record as the engine holds it. */
export interface ExpRecord {
  t: 'exp'
  d: number
  b: string
  m: MatchList
  n?: string
  o?: MatchList
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const HEAD = Buffer.from('{"t":"exp"', 'latin1')
/** The bytes a JSON number is made of. */
const NUMBER_BYTE = new Uint8Array(256)
for (const c of '-+.0123456789eE') NUMBER_BYTE[c.charCodeAt(0)] = 1

/** True when a record's JSON text is an expansion's, as the writer writes it. */
export function isExpJson(json: Buffer): boolean {
  return json.length > HEAD.length && json.compare(HEAD, 0, HEAD.length, 0, HEAD.length) === 0
}

/**
 * Decodes an `exp` record's JSON text with its match lists read straight into MatchLists: a
 * string without escapes is its UTF-8 bytes as they stand, so a resumed run of a million matches
 * makes no million strings (one with escapes goes through JSON.parse). Null when the text is not
 * an object of strings, numbers and the lists `m` and `o` of strings, or the record is not
 * well-formed; the caller then reads it with JSON.parse, which decides.
 */
export function decodeExpJson(json: Buffer): ExpRecord | null {
  const r = new Reader(json)
  const fields: Record<string, unknown> = {}
  if (!r.take(0x7b)) return null
  if (!r.take(0x7d)) {
    do {
      const key = r.scalar()
      if (typeof key !== 'string' || !r.take(0x3a)) return null
      const value = key === 'm' || key === 'o' ? r.list() : r.scalar()
      if (value === undefined) return null
      fields[key] = value
    } while (r.take(0x2c))
    if (!r.take(0x7d)) return null
  }
  if (!r.atEnd()) return null
  const { t, d, b, m, n, o } = fields
  if (t !== 'exp' || !Number.isSafeInteger(d) || (d as number) < 0 || typeof b !== 'string') return null
  if (!(m instanceof MatchList) || (n !== undefined && typeof n !== 'string')) return null
  if (o !== undefined && !(o instanceof MatchList)) return null
  return { ...fields, t, d: d as number, b, m, ...(n !== undefined ? { n } : {}), ...(o ? { o } : {}) }
}

/** A cursor over JSON text for the few shapes an `exp` record holds. */
class Reader {
  private pos = 0

  constructor(private readonly buf: Buffer) {}

  private skipSpace(): void {
    const { buf } = this
    while (this.pos < buf.length) {
      const c = buf[this.pos]
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break
      this.pos++
    }
  }

  /** Consumes `byte` (after white space) if it comes next. */
  take(byte: number): boolean {
    this.skipSpace()
    if (this.buf[this.pos] !== byte) return false
    this.pos++
    return true
  }

  atEnd(): boolean {
    this.skipSpace()
    return this.pos === this.buf.length
  }

  /** The end of the string whose opening quote is at `this.pos`, and whether it holds escapes; null when unterminated or holding a control character. */
  private stringEnd(): { end: number; escaped: boolean } | null {
    const { buf } = this
    let escaped = false
    for (let i = this.pos + 1; i < buf.length; i++) {
      const c = buf[i]
      if (c === QUOTE) return { end: i, escaped }
      if (c === BACKSLASH) {
        escaped = true
        i++
      } else if (c < 0x20) return null
    }
    return null
  }

  /** A string or a number; undefined for anything else. */
  scalar(): string | number | undefined {
    this.skipSpace()
    const { buf } = this
    const start = this.pos
    let end: number
    if (buf[start] === QUOTE) {
      const s = this.stringEnd()
      if (!s) return undefined
      end = s.end + 1
      if (!s.escaped) {
        this.pos = end
        return buf.toString('utf8', start + 1, s.end)
      }
    } else {
      end = start
      while (end < buf.length && NUMBER_BYTE[buf[end]]) end++
      if (end === start) return undefined
    }
    this.pos = end
    try {
      const v = JSON.parse(buf.toString('utf8', start, end)) as unknown
      return typeof v === 'string' || typeof v === 'number' ? v : undefined
    } catch {
      return undefined
    }
  }

  /** An array of strings as a MatchList; undefined for anything else. */
  list(): MatchList | undefined {
    if (!this.take(0x5b)) return undefined
    const out = new MatchListBuilder()
    if (this.take(0x5d)) return out.finish()
    const { buf } = this
    do {
      this.skipSpace()
      if (buf[this.pos] !== QUOTE) return undefined
      const s = this.stringEnd()
      if (!s) return undefined
      if (s.escaped) {
        try {
          out.push(JSON.parse(buf.toString('utf8', this.pos, s.end + 1)) as string)
        } catch {
          return undefined
        }
      } else out.pushBytes(buf, this.pos + 1, s.end)
      this.pos = s.end + 1
    } while (this.take(0x2c))
    return this.take(0x5d) ? out.finish() : undefined
  }
}
