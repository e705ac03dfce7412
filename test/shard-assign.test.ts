// Units of shard assignment: the stable hash, the split of a fan-out's matches, balance, and
// shard-by in the plan (fingerprint, templates).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/plan/load.js'
import { MatchList } from '../src/plan/match-list.js'
import { fnv1a, isFanOut, shardKey, shardOf, shardOfKey, splitMatches } from '../src/shard/assign.js'

const yml = (body: string, defaults = ''): string =>
  `version: 1\n${defaults ? `defaults:\n  ${defaults}\n` : ''}operations:\n${body}`

/** FNV-1a of the bytes c3 a9 (é in UTF-8), worked out from the definition outside this code. */
const HASH_E_ACUTE = 0x1e9de8c1

describe('the shard hash', () => {
  it('is 32-bit FNV-1a of the UTF-8 bytes (the published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
    // Non-ASCII keys hash their UTF-8 bytes, not UTF-16 code units.
    expect(fnv1a('é')).toBe(HASH_E_ACUTE)
  })

  it('puts every key in exactly one shard from 1 to n', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 256 }), (key, n) => {
        const s = shardOfKey(key, n)
        return Number.isInteger(s) && s >= 1 && s <= n && shardOfKey(key, n) === s
      }),
      { numRuns: 300 }
    )
  })

  it('balances a 10,000-match fan-out over 8 shards within 1.2 × the even share', () => {
    const plan = parsePlan(yml('  - run: { files: "img/**/*.png", command: [optipng, "{path}"] }\n'), 'p.yml')
    const decl = plan.ops[0]
    const matches = Array.from({ length: 10_000 }, (_, i) => `img/set${i % 37}/photo-${i}.png`)
    const sizes = Array.from(
      { length: 8 },
      (_, i) => splitMatches(decl, MatchList.from(matches), 'img', { index: i + 1, count: 8 }).own.length
    )
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000)
    expect(Math.max(...sizes)).toBeLessThanOrEqual((1.2 * 10_000) / 8)
  })
})

describe('shard-by', () => {
  const rename = '  - rename: { from: "img/*.png", to: "{stem}.webp" }\n'

  it('is {stem} by default, so a file keeps its shard through a move and an extension rename', () => {
    const plan = parsePlan(yml(rename + '  - move: { from: "img/*.webp", to: "out/{name}" }\n'), 'p.yml')
    expect(shardKey(plan.ops[0], 'img/cat.png', 'img')).toBe('cat')
    expect(shardOf(plan.ops[1], 'out/cat.webp', 'out', 7)).toBe(shardOf(plan.ops[0], 'img/cat.png', 'img', 7))
  })

  it('is part of the fingerprint; the default written out is the same plan', () => {
    const plain = parsePlan(yml(rename), 'p.yml').planId
    expect(parsePlan(yml(rename, 'shard-by: "{stem}"'), 'p.yml').planId).toBe(plain)
    const byDir = parsePlan(yml(rename, 'shard-by: "{dir}"'), 'p.yml')
    expect(byDir.planId).not.toBe(plain)
    expect(byDir.ops[0].shardBy).toBe('{dir}')
    const own = parsePlan(yml(rename + '    shard-by: "{name}"\n', 'shard-by: "{dir}"'), 'p.yml')
    expect(own.ops[0].shardBy).toBe('{name}')
    expect(own.planId).not.toBe(byDir.planId)
  })

  it('shares out glob fan-outs only; literal operations run in every shard', () => {
    const plan = parsePlan(
      yml(
        [
          '  - mkdir: out',
          '  - write: { path: .nvmrc, content: "24\\n" }',
          '  - move: { from: a.txt, to: b.txt }',
          '  - delete: "tmp/*.log"',
          '  - copy: { from: LICENSE, to: "{path}/LICENSE" }',
          '    each: "packages/*/"',
          '  - run: { command: ["true"] }',
          ''
        ].join('\n')
      ),
      'p.yml'
    )
    expect(plan.ops.map(isFanOut)).toEqual([false, false, false, true, true, false])
  })
})
