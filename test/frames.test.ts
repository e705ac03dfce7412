// The spawner's framing (src/ops/frames.ts, src/ops/spawner.pl): frames cut anywhere come back whole.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeFrame, FrameReader } from '../src/ops/frames.js'

describe('spawner frames', () => {
  it('decode to the fields encoded, however the byte stream is cut', () => {
    const field = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.uint8Array({ maxLength: 300 }).map(a => Buffer.from(a))
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { maxLength: 8 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (frames, cuts) => {
          const bytes = Buffer.concat(frames.map(f => encodeFrame(f)))
          const at = [...new Set(cuts.map(c => c % (bytes.length + 1)))].sort((a, b) => a - b)
          const reader = new FrameReader()
          const got: Buffer[][] = []
          let from = 0
          for (const to of [...at, bytes.length]) {
            got.push(...reader.push(bytes.subarray(from, to)))
            from = to
          }
          const want = frames.map(f => f.map(x => (typeof x === 'string' ? Buffer.from(x, 'utf8') : x)))
          expect(got).toEqual(want)
        }
      ),
      { numRuns: 200 }
    )
  })
})
