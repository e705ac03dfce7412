import { MatchList } from '../plan/match-list.js'

/** One shard's expansion of a fan-out: its own matches and the other shards'. */
export interface Seen {
  matches: MatchList
  others?: MatchList
}

/** A packed list's bytes, or an empty list's. */
type Packed = { bytes: Buffer; ends: Uint32Array; length: number }

const NONE: Packed = { bytes: Buffer.alloc(0), ends: new Uint32Array(0), length: 0 }

/** A list's bytes: a packed one's as they are, a short one's (kept as strings) encoded; null for a string UTF-8 cannot carry. */
function packed(list: MatchList | undefined): Packed | null {
  if (!list || list.length === 0) return NONE
  const p = list.packedBytes()
  if (p) return { ...p, length: list.length }
  const strings = list.slice()
  if (!strings.every(x => x.isWellFormed())) return null
  const parts = strings.map(x => Buffer.from(x, 'utf8'))
  const ends = new Uint32Array(parts.length)
  let at = 0
  parts.forEach((b, i) => (ends[i] = at += b.length))
  return { bytes: Buffer.concat(parts), ends, length: parts.length }
}

const startOf = (l: Packed, i: number): number => (i === 0 ? 0 : l.ends[i - 1])

/** Compares match i of `a` with match j of `b` by their UTF-8 bytes. */
function compare(a: Packed, i: number, b: Packed, j: number): number {
  const as = startOf(a, i)
  const bs = startOf(b, j)
  const an = a.ends[i] - as
  const bn = b.ends[j] - bs
  const n = Math.min(an, bn)
  for (let k = 0; k < n; k++) {
    const d = a.bytes[as + k] - b.bytes[bs + k]
    if (d !== 0) return d
  }
  return an - bn
}

function same(a: Packed, i: number, b: Packed, j: number): boolean {
  return a.ends[i] - startOf(a, i) === b.ends[j] - startOf(b, j) && compare(a, i, b, j) === 0
}

/**
 * True when every shard's expansion of a fan-out saw the same matches (its own and the other
 * shards' together), and each of those matches is exactly one shard's own: the common case, in
 * which no shard acted on a file that another made or moved away, decided on the lists' bytes
 * without making a string or a look-up per match. False decides nothing: the caller then checks
 * path by path (a plan whose shards saw different files comes here).
 *
 * The first shard's matches, merged in byte order, are the reference: each list must be strictly
 * ascending in that order (so no match is there twice), and every shard's two lists must
 * interleave into the reference, match for match.
 */
export function sawAlike(seen: Seen[]): boolean {
  const lists: [Packed, Packed][] = []
  for (const s of seen) {
    const own = packed(s.matches)
    const others = packed(s.others)
    if (!own || !others) return false
    lists.push([own, others])
  }
  if (!lists.length) return false
  const total = lists[0][0].length + lists[0][1].length
  if (lists.some(([a, b]) => a.length + b.length !== total)) return false
  // The reference: the first shard's two lists merged, as (list, index) pairs.
  const [own1, others1] = lists[0]
  const refList: Packed[] = new Array<Packed>(total)
  const refAt = new Uint32Array(total)
  for (let r = 0, i = 0, j = 0; r < total; r++) {
    const fromOwn = j >= others1.length || (i < own1.length && compare(own1, i, others1, j) < 0)
    refList[r] = fromOwn ? own1 : others1
    refAt[r] = fromOwn ? i++ : j++
    if (r > 0 && compare(refList[r - 1], refAt[r - 1], refList[r], refAt[r]) >= 0) return false
  }
  // How many shards hold each reference match as their own: exactly one.
  const owners = new Uint16Array(total)
  for (const [own, others] of lists) {
    let i = 0
    let j = 0
    for (let r = 0; r < total; r++) {
      const list = refList[r]
      const at = refAt[r]
      if (i < own.length && same(own, i, list, at)) {
        owners[r]++
        i++
      } else if (j < others.length && same(others, j, list, at)) j++
      else return false
    }
  }
  return owners.every(n => n === 1)
}
