import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { MatchList } from '../plan/match-list.js'
import { decodeExpJson, isExpJson } from './exp-record.js'

/**
 * One journal event. Short keys keep the log small: t = type, q = seq, a = attempt.
 * - `begin` / `end`: an attempt's start and how it ended
 * - `exp`: the frozen expansion of declared operation `d` (matches `m`, prefix `b`; in a shard,
 *   `o` the matches that belong to other shards)
 * - `s` started, `x` executed, `k` skipped (`r` reason), `f` failed (`e` error), `i` interrupted
 */
export type WalRecord =
  | { t: 'begin'; a: number; at: number; plan: string }
  | { t: 'end'; a: number; at: number; how: string; ex: number; sk: number; fl: number; pe: number }
  | { t: 'exp'; d: number; b: string; m: MatchList; n?: string; o?: MatchList }
  | { t: 's'; q: number; a: number; h?: string }
  | { t: 'x'; q: number; a: number; dirs?: string[] }
  | { t: 'k'; q: number; a: number; r: string }
  | { t: 'f'; q: number; a: number; e: string }
  | { t: 'i'; q: number; a: number }

const nat = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0
const str = (v: unknown): boolean => typeof v === 'string'

/**
 * Checks a decoded record's shape (an expansion's lists as JSON arrays of strings), so a forged
 * but checksummed record cannot smuggle in other types.
 */
function wellFormed(r: unknown): r is WalRecord {
  if (!r || typeof r !== 'object') return false
  const o = r as Record<string, unknown>
  switch (o.t) {
    case 'begin':
      return nat(o.a) && nat(o.at) && str(o.plan)
    case 'end':
      return nat(o.a) && nat(o.at) && str(o.how) && nat(o.ex) && nat(o.sk) && nat(o.fl) && nat(o.pe)
    case 'exp':
      return (
        nat(o.d) &&
        str(o.b) &&
        Array.isArray(o.m) &&
        o.m.every(str) &&
        (o.n === undefined || str(o.n)) &&
        (o.o === undefined || (Array.isArray(o.o) && o.o.every(str)))
      )
    case 's':
      return nat(o.q) && nat(o.a) && (o.h === undefined || str(o.h))
    case 'x':
      return nat(o.q) && nat(o.a) && (o.dirs === undefined || (Array.isArray(o.dirs) && o.dirs.every(str)))
    case 'k':
      return nat(o.q) && nat(o.a) && str(o.r)
    case 'f':
      return nat(o.q) && nat(o.a) && str(o.e)
    case 'i':
      return nat(o.q) && nat(o.a)
    default:
      return false
  }
}

/** A WAL that cannot be trusted: a bad record with valid records after it. */
export class WalCorruptError extends Error {}

/** Frames a record as `<crc32 hex> <byte length> <json>\n` (the checksum and length are of the UTF-8 bytes). */
export function encodeLine(rec: WalRecord): string {
  const json = JSON.stringify(rec)
  return `${crc32(json).toString(16).padStart(8, '0')} ${Buffer.byteLength(json)} ${json}\n`
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  return t
})()

/**
 * The longest record `appendShort` frames (its length has at most three digits): most records
 * are 25 characters, and for those a call into zlib costs more than the checksum loop.
 */
const SHORT_RECORD = 999

/** Lowercase hexadecimal digits as bytes. */
const HEX = Buffer.from('0123456789abcdef', 'latin1')

/** The bytes of a plain start or completion record around its numbers (see appendPlain). */
const PLAIN_S = Buffer.from('{"t":"s","q":', 'latin1')
const PLAIN_X = Buffer.from('{"t":"x","q":', 'latin1')
const PLAIN_A = Buffer.from(',"a":', 'latin1')

/** How many decimal digits a non-negative safe integer has. */
function decimalDigits(n: number): number {
  let d = 1
  for (let x = n; x >= 10; x = Math.floor(x / 10)) d++
  return d
}

/** Matches per piece of a large `exp` record's JSON. */
const EXP_PIECE = 8192

/** A list's JSON array, without its brackets, in pieces of EXP_PIECE matches. */
function* listPieces(list: MatchList): Generator<string> {
  for (let i = 0; i < list.length; i += EXP_PIECE) {
    const piece = JSON.stringify(list.slice(i, i + EXP_PIECE))
    yield i === 0 ? piece.slice(1, -1) : `,${piece.slice(1, -1)}`
  }
}

/** The JSON of an `exp` record (as `JSON.stringify` writes it) in pieces of EXP_PIECE matches. */
function expPieces(rec: Extract<WalRecord, { t: 'exp' }>): () => Iterable<string> {
  return function* () {
    yield `{"t":"exp","d":${JSON.stringify(rec.d)},"b":${JSON.stringify(rec.b)},"m":[`
    yield* listPieces(rec.m)
    yield rec.n !== undefined ? `],"n":${JSON.stringify(rec.n)}` : ']'
    if (rec.o) {
      yield ',"o":['
      yield* listPieces(rec.o)
      yield ']'
    }
    yield '}'
  }
}

/** A decoded record as the engine holds it: an expansion's lists as MatchLists. */
function held(rec: WalRecord): WalRecord {
  if (rec.t !== 'exp') return rec
  const r = rec as unknown as { m: string[]; o?: string[] }
  return { ...rec, m: MatchList.from(r.m), ...(r.o ? { o: MatchList.from(r.o) } : {}) }
}

/** The framed record as bytes. */
export function encodeRecord(rec: WalRecord): Buffer {
  return Buffer.from(encodeLine(rec), 'utf8')
}

/** Parses one framed record at `pos`; null when the bytes there are not a whole, valid record. */
export function decodeAt(buf: Buffer, pos: number): { rec: WalRecord; end: number } | null {
  const sp1 = buf.indexOf(0x20, pos)
  if (sp1 !== pos + 8) return null
  const sp2 = buf.indexOf(0x20, sp1 + 1)
  if (sp2 < 0 || sp2 - sp1 > 12) return null
  const crcText = buf.toString('latin1', pos, sp1)
  const lenText = buf.toString('latin1', sp1 + 1, sp2)
  if (!/^[0-9a-f]{8}$/.test(crcText) || !/^\d+$/.test(lenText)) return null
  const len = Number(lenText)
  const start = sp2 + 1
  const end = start + len
  if (end >= buf.length || buf[end] !== 0x0a) return null
  const json = buf.subarray(start, end)
  if (crc32(json) !== parseInt(crcText, 16)) return null
  // An expansion's matches go from the bytes into a MatchList, not through a million strings.
  const exp = isExpJson(json) ? decodeExpJson(json) : null
  if (exp) return { rec: exp, end: end + 1 }
  try {
    const rec = JSON.parse(json.toString('utf8')) as unknown
    if (!wellFormed(rec)) return null
    return { rec: held(rec), end: end + 1 }
  } catch {
    return null
  }
}

export interface ReplayResult {
  records: WalRecord[]
  /** Byte offset of each record in `records`. */
  offsets: number[]
  /** Byte offset after the last valid record. */
  validEnd: number
  /** Bytes of a torn tail that were dropped. */
  droppedBytes: number
}

/**
 * Reads records from `offset`. A bad record with nothing valid after it is a torn tail
 * (a write cut short) and is dropped; a bad record followed by valid ones is corruption.
 */
export function replayBuffer(buf: Buffer, offset = 0): ReplayResult {
  const records: WalRecord[] = []
  const offsets: number[] = []
  let pos = offset
  while (pos < buf.length) {
    const r = decodeAt(buf, pos)
    if (r) {
      records.push(r.rec)
      offsets.push(pos)
      pos = r.end
      continue
    }
    for (let nl = buf.indexOf(0x0a, pos); nl >= 0 && nl + 1 < buf.length; nl = buf.indexOf(0x0a, nl + 1)) {
      if (decodeAt(buf, nl + 1)) {
        throw new WalCorruptError(
          `journal is corrupt at byte ${pos} (record ${records.length + 1}) with valid records after it; refusing to guess`
        )
      }
    }
    return { records, offsets, validEnd: pos, droppedBytes: buf.length - pos }
  }
  return { records, offsets, validEnd: pos, droppedBytes: 0 }
}

/** Buffers records and writes them in groups; `flush()` hands them to the kernel, `sync()` to the disk. */
export class WalWriter {
  private fd: number
  /**
   * Framed records not yet written, as bytes: a record's strings die as soon as it is appended,
   * so a bulk run's garbage stays young instead of living until the group is written.
   */
  private pending: Buffer
  private bytes = 0
  private lastFlush = Date.now()
  /** Bytes in the file, including flushed but not buffered ones. */
  size: number

  /** Bytes appended but not yet handed to the kernel. */
  get buffered(): number {
    return this.bytes
  }

  constructor(
    readonly path: string,
    private readonly groupBytes = 64 * 1024,
    private readonly groupMs = 200
  ) {
    this.fd = openSync(path, 'a')
    this.size = fstatSync(this.fd).size
    this.pending = Buffer.allocUnsafe(Math.max(4096, groupBytes + 1024))
  }

  /** Cuts a torn tail off before appending. */
  static truncate(path: string, length: number): void {
    const fd = openSync(path, 'r+')
    try {
      ftruncateSync(fd, length)
    } finally {
      closeSync(fd)
    }
  }

  append(rec: WalRecord): void {
    if (rec.t === 'exp' && rec.m.length + (rec.o?.length ?? 0) > EXP_PIECE) {
      // A large expansion is written at once, piece by piece: never one string of all its matches.
      this.flush()
      this.writePieces(expPieces(rec))
      return
    }
    if ((rec.t === 's' && rec.h === undefined) || (rec.t === 'x' && rec.dirs === undefined)) {
      if (this.appendPlain(rec.t, rec.q, rec.a)) return
    }
    const json = JSON.stringify(rec)
    if (json.length <= SHORT_RECORD && this.appendShort(json)) return
    const len = Buffer.byteLength(json)
    const head = `${crc32(json).toString(16).padStart(8, '0')} ${len} `
    const need = head.length + len + 1
    if (this.bytes + need > this.pending.length) {
      this.flush()
      if (need > this.pending.length) this.pending = Buffer.allocUnsafe(need)
    }
    this.bytes += this.pending.write(head, this.bytes, 'latin1')
    this.bytes += this.pending.write(json, this.bytes, 'utf8')
    this.pending[this.bytes++] = 0x0a
    if (this.bytes >= this.groupBytes || Date.now() - this.lastFlush >= this.groupMs) this.flush()
  }

  /**
   * Frames a short ASCII record straight into the buffer, its checksum computed while its bytes
   * are copied: no head string, no Buffer.write calls (most records are 25 characters). False,
   * with nothing appended, for a record that holds any other character.
   */
  private appendShort(json: string): boolean {
    const len = json.length
    const digits = len < 10 ? 1 : len < 100 ? 2 : 3
    if (this.bytes + 8 + digits + len + 3 > this.pending.length) this.flush()
    const buf = this.pending
    const start = this.bytes
    let at = start + 10 + digits
    let c = -1
    for (let i = 0; i < len; i++) {
      const ch = json.charCodeAt(i)
      if (ch > 0x7f) return false
      buf[at++] = ch
      c = CRC_TABLE[(c ^ ch) & 0xff] ^ (c >>> 8)
    }
    this.framed(start, digits, len, c, at)
    return true
  }

  /**
   * Frames a start or completion record that holds nothing but its seq and attempt (two of a bulk
   * run's three records per operation) straight from its numbers, as `JSON.stringify` writes it:
   * no string at all (a number made into a string is kept in V8's number-string cache, and a
   * million of them, surviving, would grow the young generation). False, with nothing appended,
   * for numbers it does not write.
   */
  private appendPlain(t: 's' | 'x', q: number, a: number): boolean {
    if (!(Number.isSafeInteger(q) && q >= 0 && Number.isSafeInteger(a) && a >= 0)) return false
    const head = t === 's' ? PLAIN_S : PLAIN_X
    const dq = decimalDigits(q)
    const da = decimalDigits(a)
    const len = head.length + dq + PLAIN_A.length + da + 1
    const digits = len < 100 ? 2 : 3
    if (this.bytes + 10 + digits + len + 1 > this.pending.length) this.flush()
    const buf = this.pending
    const start = this.bytes
    const from = start + 10 + digits
    let at = from
    buf.set(head, at)
    at += head.length
    for (let k = dq - 1, n = q; k >= 0; k--, n = Math.floor(n / 10)) buf[at + k] = 0x30 + (n % 10)
    at += dq
    buf.set(PLAIN_A, at)
    at += PLAIN_A.length
    for (let k = da - 1, n = a; k >= 0; k--, n = Math.floor(n / 10)) buf[at + k] = 0x30 + (n % 10)
    at += da
    buf[at++] = 0x7d
    let c = -1
    for (let i = from; i < at; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
    this.framed(start, digits, len, c, at)
    return true
  }

  /**
   * Ends a record whose `len` bytes of JSON were written at `start + 10 + digits` up to `at`, `c`
   * their running checksum: its newline, then the checksum and length in front, both in hex and
   * decimal as every frame has them.
   */
  private framed(start: number, digits: number, len: number, c: number, at: number): void {
    const buf = this.pending
    buf[at++] = 0x0a
    let crc = (c ^ -1) >>> 0
    for (let k = 7; k >= 0; k--, crc >>>= 4) buf[start + k] = HEX[crc & 0xf]
    buf[start + 8] = 0x20
    for (let k = digits - 1, n = len; k >= 0; k--, n = (n / 10) | 0) buf[start + 9 + k] = 0x30 + (n % 10)
    buf[start + 9 + digits] = 0x20
    this.bytes = at
    if (this.bytes >= this.groupBytes || Date.now() - this.lastFlush >= this.groupMs) this.flush()
  }

  /** Writes buffered records with one system call: after this they survive the process being killed. */
  flush(): void {
    if (this.bytes === 0) return
    this.size += this.writeWhole([this.pending.subarray(0, this.bytes)])
    this.bytes = 0
    this.lastFlush = Date.now()
  }

  /**
   * Writes one record given as pieces of its JSON (`pieces` is called twice: once for the
   * checksum and length that frame it, once to write), then hands it to the kernel.
   */
  private writePieces(pieces: () => Iterable<string>): void {
    let crc = 0
    let len = 0
    for (const p of pieces()) {
      crc = crc32(p, crc)
      len += Buffer.byteLength(p)
    }
    const head = `${crc.toString(16).padStart(8, '0')} ${len} `
    this.size += this.writeWhole(
      (function* () {
        yield Buffer.from(head, 'latin1')
        for (const p of pieces()) yield Buffer.from(p, 'utf8')
        yield Buffer.from('\n')
      })()
    )
    this.lastFlush = Date.now()
  }

  /**
   * Appends `chunks` at the end of the file; returns the bytes written. On an error (a full disk)
   * whatever part went out is cut off again, so the file ends on a whole record and a later write
   * of the same records does not leave a torn one in the middle.
   */
  private writeWhole(chunks: Iterable<Buffer>): number {
    let written = 0
    try {
      for (const b of chunks) {
        for (let off = 0; off < b.length;) {
          const n = writeSync(this.fd, b, off)
          off += n
          written += n
        }
      }
    } catch (err) {
      if (written > 0) {
        try {
          ftruncateSync(this.fd, this.size)
        } catch {
          // the replay drops a torn tail anyway
        }
      }
      throw err
    }
    return written
  }

  /** Flushes and fsyncs: after this the records survive the machine being lost. */
  sync(): void {
    this.flush()
    fsyncSync(this.fd)
  }

  close(): void {
    this.sync()
    closeSync(this.fd)
  }
}
