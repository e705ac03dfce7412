import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MatchList, MatchListBuilder } from '../src/plan/match-list.js'

/** Every way a list can be read, as plain arrays. */
function readings(list: MatchList): string[][] {
  const byGet = Array.from({ length: list.length }, (_, i) => list.get(i))
  return [byGet, [...list], list.slice(), list.toJSON(), JSON.parse(JSON.stringify(list)) as string[]]
}

describe('MatchList', () => {
  it('gives back exactly the strings it was built from, small or packed, whatever they hold', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))
    fc.assert(
      fc.property(fc.array(text, { maxLength: 300 }), xs => {
        const list = MatchList.from(xs)
        expect(list.length).toBe(xs.length)
        for (const r of readings(list)) expect(r).toEqual(xs)
        expect(list.slice(3, 70)).toEqual(xs.slice(3, 70))
      }),
      { numRuns: 200 }
    )
  })

  it('keeps a large list off the heap, and one with a lone surrogate as strings', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `dir ${i % 97}/naïve-${i}.txt`)
    const b = new MatchListBuilder()
    for (const m of many) b.push(m)
    const packed = b.finish()
    expect(packed.toJSON()).toEqual(many)
    // Packed: one buffer of UTF-8 bytes and the offsets, no array of strings.
    const holdsStrings = (l: MatchList): boolean => Object.values(l).some(v => Array.isArray(v))
    expect(holdsStrings(packed)).toBe(false)
    expect(Object.values(packed).some(v => Buffer.isBuffer(v))).toBe(true)
    const odd = [...many.slice(0, 100), 'bad \ud800 name', ...many.slice(100, 200)]
    const plain = MatchList.from(odd)
    expect([...plain]).toEqual(odd)
    expect(holdsStrings(plain)).toBe(true)
  })

  it('refuses an index outside the list', () => {
    const list = MatchList.from(Array.from({ length: 200 }, (_, i) => `f${i}`))
    expect(() => list.get(200)).toThrow(RangeError)
    expect(() => MatchList.EMPTY.get(0)).toThrow(RangeError)
  })
})
