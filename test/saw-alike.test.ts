// The merge's quick check that a fan-out's shards saw the same matches, each one shard's own:
// it agrees with the definition, checked on strings, and says yes only when the definition does.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MatchList } from '../src/plan/match-list.js'
import { sawAlike, type Seen } from '../src/shard/saw-alike.js'

const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))

/** The definition: every shard saw one set of paths, each path once, and each is one shard's own. */
function model(seen: { own: string[]; others: string[] }[]): boolean {
  const all = seen[0] ? [...seen[0].own, ...seen[0].others].sort() : []
  if (new Set(all).size !== all.length) return false
  for (const s of seen) {
    const full = [...s.own, ...s.others].sort()
    if (full.length !== all.length || full.some((p, i) => p !== all[i])) return false
  }
  const owned = seen.flatMap(s => s.own).sort()
  return owned.length === all.length && owned.every((p, i) => p === all[i])
}

const asSeen = (seen: { own: string[]; others: string[] }[]): Seen[] =>
  seen.map(s => ({ matches: MatchList.from([...s.own]), others: MatchList.from([...s.others]) }))

/** Paths with characters whose UTF-8 byte order differs from their UTF-16 order. */
const path = fc
  .array(fc.constantFrom('a', 'b', 'Z', '/', '.', 'é', '\uffe0', '\u{1f600}'), { minLength: 1, maxLength: 6 })
  .map(p => `d/${p.join('')}`)

/** A fan-out's matches (lists of more than 64 are packed, shorter ones kept as strings), split between n shards by a random owner, then perhaps spoiled. */
const split = fc
  .record({
    universe: fc.uniqueArray(path, { minLength: 1, maxLength: 200 }),
    n: fc.integer({ min: 1, max: 5 }),
    seed: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
    spoil: fc.constantFrom('none', 'unseen', 'extra', 'twice', 'owned-twice', 'js-order'),
    at: fc.nat()
  })
  .map(({ universe, n, seed, spoil, at }) => {
    const sorted = [...universe].sort(spoil === 'js-order' ? undefined : byBytes)
    const seen = Array.from({ length: n }, (_, k) => ({
      own: sorted.filter((_, i) => seed[i] % n === k),
      others: sorted.filter((_, i) => seed[i] % n !== k)
    }))
    const s = seen[at % n]
    if (spoil === 'unseen' && s.others.length) s.others.splice(at % s.others.length, 1)
    if (spoil === 'extra') s.others.push('d/zz-made-here')
    if (spoil === 'twice' && s.own.length) s.own.push(s.own[s.own.length - 1])
    if (spoil === 'owned-twice' && n > 1 && s.others.length) {
      // Another shard's match taken for this shard's own too.
      const p = s.others[at % s.others.length]
      s.own = [...s.own, p].sort(byBytes)
      s.others = s.others.filter(x => x !== p)
    }
    return { seen, spoil }
  })

describe('sawAlike', () => {
  it('says yes only when the definition does, and always when it does for lists in byte order', () => {
    fc.assert(
      fc.property(split, ({ seen, spoil }) => {
        const quick = sawAlike(asSeen(seen))
        const exact = model(seen)
        if (quick) expect(exact).toBe(true)
        if (spoil === 'none') expect(quick).toBe(true)
        if (spoil !== 'js-order') expect(quick).toBe(exact)
      }),
      { numRuns: 400 }
    )
  })

  it('decides nothing for a match that UTF-8 cannot carry', () => {
    const own = ['a.txt', 'b\ud800.txt']
    expect(sawAlike([{ matches: MatchList.from(own) }])).toBe(false)
    expect(sawAlike([{ matches: MatchList.from(['a.txt', 'b.txt']) }])).toBe(true)
  })
})
