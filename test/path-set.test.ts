import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PathSet } from '../src/journal/path-set.js'

/** The definition: equal, inside, or containing (segment-wise; '.' is the root and overlaps all). */
function overlapsNaive(members: string[], p: string): boolean {
  const inside = (a: string, b: string): boolean => b === '.' || a === b || a.startsWith(`${b}/`)
  return members.some(m => inside(p, m) || inside(m, p))
}

const segment = fc.constantFrom('a', 'b', 'ab', 'a.b', 'b-1', 'é', '...', 'a b')
const relPath = fc.oneof(
  { weight: 1, arbitrary: fc.constant('.') },
  { weight: 9, arbitrary: fc.array(segment, { minLength: 1, maxLength: 4 }).map(s => s.join('/')) }
)

describe('PathSet', () => {
  it('answers overlaps exactly as the definition does, for any members and probe', () => {
    fc.assert(
      fc.property(
        fc.array(relPath, { maxLength: 8 }),
        fc.array(relPath, { maxLength: 8 }),
        (members, probes) => {
          const set = new PathSet()
          for (const m of members) set.add(m)
          for (const p of [...probes, ...members]) expect(set.overlaps(p)).toBe(overlapsNaive(members, p))
          set.clear()
          for (const p of probes) expect(set.overlaps(p)).toBe(false)
        }
      ),
      { numRuns: 500 }
    )
  })

  it('holds thousands of paths between two clears, and forgets each group at the clear', () => {
    const set = new PathSet()
    for (let round = 0; round < 3; round++) {
      const members = Array.from({ length: 3000 }, (_, i) => `r${round}/d${i % 40}/f${i}.txt`)
      for (const m of members) set.add(m)
      for (const m of members) expect(set.overlaps(m)).toBe(true)
      expect(set.overlaps(`r${round}/d7`)).toBe(true)
      expect(set.overlaps(`r${round}/d7/f7.txt/inner`)).toBe(true)
      expect(set.overlaps(`r${round}/d7/f8.txt`)).toBe(false)
      expect(set.overlaps(`r${round + 1}`)).toBe(false)
      set.clear()
      expect(set.overlaps(members[0])).toBe(false)
      expect(set.overlaps('.')).toBe(false)
    }
  })

  it('tells a sibling with a common name prefix from a child', () => {
    const set = new PathSet()
    set.add('docs/a')
    expect(set.overlaps('docs/ab')).toBe(false)
    expect(set.overlaps('docs/a/b')).toBe(true)
    expect(set.overlaps('docs')).toBe(true)
    expect(set.overlaps('doc')).toBe(false)
  })
})
