// The engine keeps V8's young generation near MAX_SEMI_SPACE_MIB semi-spaces (src/heap.ts), whatever
// limit V8 took from the machine's memory: a process that keeps allocating what survives a while
// grows it to V8's limit otherwise. Each case runs in a process of its own (V8's flags are the
// process's), with V8's limit set high so the difference shows on any machine.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MAX_SEMI_SPACE_MIB } from '../src/heap.js'

const HEAP = pathToFileURL(join(import.meta.dirname, '../src/heap.ts')).href

/** Allocates objects of which a sliding window survives, yielding between rounds as the engine does. */
const CHURN = `
const bound = process.argv[1] === 'bound'
const heap = await import(${JSON.stringify(HEAP)})
if (bound) heap.boundYoungGeneration()
let window = []
let max = 0
for (let round = 0; round < 400; round++) {
  for (let i = 0; i < 20000; i++) {
    window.push({ i, s: 'v' + i })
    if (window.length > 50000) window = window.slice(25000)
  }
  max = Math.max(max, heap.semiSpace())
  await new Promise(setImmediate)
}
console.log(max / 2 ** 20)
`

function largestSemiSpaceMiB(mode: 'bound' | 'free'): number {
  const out = execFileSync(
    process.execPath,
    [`--max-semi-space-size=${4 * MAX_SEMI_SPACE_MIB}`, '--input-type=module', '-e', CHURN, mode],
    { encoding: 'utf8' }
  )
  return Number(out.trim())
}

describe('the young generation', () => {
  it(`grows to V8's limit unbounded, and stays within twice ${MAX_SEMI_SPACE_MIB} MiB semi-spaces bounded`, () => {
    expect(largestSemiSpaceMiB('free')).toBeGreaterThan(2 * MAX_SEMI_SPACE_MIB)
    const bounded = largestSemiSpaceMiB('bound')
    expect(bounded).toBeGreaterThan(0)
    expect(bounded).toBeLessThanOrEqual(2 * MAX_SEMI_SPACE_MIB)
  })
})
