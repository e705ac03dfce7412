/**
 * The spawner's framing (src/ops/spawner.pl): a frame is a 32-bit big-endian length and its
 * payload; the payload is fields, each a 32-bit big-endian length and its bytes.
 */
export function encodeFrame(fields: readonly (string | Buffer)[]): Buffer {
  const parts = fields.map(f => (typeof f === 'string' ? Buffer.from(f, 'utf8') : f))
  const size = parts.reduce((n, p) => n + 4 + p.length, 0)
  const out = Buffer.allocUnsafe(4 + size)
  out.writeUInt32BE(size, 0)
  let at = 4
  for (const p of parts) {
    out.writeUInt32BE(p.length, at)
    p.copy(out, at + 4)
    at += 4 + p.length
  }
  return out
}

/** Splits a byte stream into frames, each a list of fields, as bytes arrive. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0)

  push(chunk: Buffer): Buffer[][] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk
    const frames: Buffer[][] = []
    while (this.buf.length >= 4) {
      const size = this.buf.readUInt32BE(0)
      if (this.buf.length < 4 + size) break
      const payload = this.buf.subarray(4, 4 + size)
      this.buf = this.buf.subarray(4 + size)
      const fields: Buffer[] = []
      for (let at = 0; at < payload.length;) {
        const n = payload.readUInt32BE(at)
        fields.push(payload.subarray(at + 4, at + 4 + n))
        at += 4 + n
      }
      frames.push(fields)
    }
    return frames
  }
}
