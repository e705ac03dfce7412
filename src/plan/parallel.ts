import { availableParallelism } from 'node:os'
import { UsageError } from '../errors.js'

/** A `parallel` setting as written: a count, or `auto` for the machine's available parallelism. */
export type Parallel = number | 'auto'

export const MAX_PARALLEL = 1024

/** The count a `parallel` setting stands for. */
export function parallelism(p: Parallel): number {
  return p === 'auto' ? availableParallelism() : p
}

/** Reads a `parallel` setting from an action input or a CLI flag (`what` names it in the error). */
export function parseParallel(text: string, what: string): Parallel {
  if (text === 'auto') return 'auto'
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_PARALLEL) {
    throw new UsageError(`${what}: '${text}' is not a whole number from 1 to ${MAX_PARALLEL}, or auto`)
  }
  return n
}
