import { PerformanceObserver } from 'node:perf_hooks'
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8'

/**
 * The semi-space size past which a run does not let V8's young generation grow (V8's own limit on
 * 64-bit machines before it took the limit from the machine's memory). At 8 or 16 MiB a run of
 * 100,000 renames spends as long in young-generation collections as with V8's own sizing (125 and
 * 119 ms against 120 ms); at V8's initial 1 MiB it spends 320 ms.
 */
export const MAX_SEMI_SPACE_MIB = 16

let state: 'free' | 'bounding' | 'bounded' = 'free'
let watch: PerformanceObserver | undefined

/** The young generation's semi-space now, in bytes (V8's new space holds two). */
export function semiSpace(): number {
  return (getHeapSpaceStatistics().find(s => s.space_name === 'new_space')?.space_size ?? 0) / 2
}

/**
 * From now on, keeps V8's young generation (where every object starts) from growing once its
 * semi-spaces are MAX_SEMI_SPACE_MIB, for the rest of the process. V8 takes the young generation's
 * limit from the machine's memory (64 MiB semi-spaces, 138 MiB committed, on a 16 to 24 GiB
 * runner) and grows toward it whenever more bytes have survived its collections than it holds
 * since it last grew. Over a million operations they always do sooner or later, and the peak then
 * follows V8's nursery rather than the run's live data: 176 MiB or 282 MiB at 1,000,000
 * operations, by when it grew. The action and the CLI are started by a `node` whose flags they do
 * not choose, and V8 reads its semi-space limit only at start; it reads its growth factor each
 * time it grows, so once the young generation is at the bound its growth factor is set to 1.
 *
 * It is looked at now, after each collection when the event loop next turns, and where a run
 * works long synchronously (youngGenerationChecked: each directory of a glob walk, every 4,096
 * operations). A young generation that the start already grew past the bound (loading a plan of
 * 100,000 operations does) stays as it is. Idempotent.
 */
export function boundYoungGeneration(): void {
  if (state !== 'free') return
  state = 'bounding'
  if (youngGenerationChecked()) return
  watch = new PerformanceObserver(() => youngGenerationChecked())
  watch.observe({ entryTypes: ['gc'] })
}

/**
 * Once boundYoungGeneration was called: whether the young generation is at its bound, stopping
 * its growth when it has just reached it. Costs a comparison once it has.
 */
export function youngGenerationChecked(): boolean {
  if (state !== 'bounding') return state === 'bounded'
  if (semiSpace() < MAX_SEMI_SPACE_MIB * 1024 * 1024) return false
  setFlagsFromString('--semi-space-growth-factor=1')
  state = 'bounded'
  watch?.disconnect()
  return true
}
