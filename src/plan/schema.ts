import type { ErrorObject, ValidateFunction } from 'ajv'
import schema from '../../schema/plan.schema.json' with { type: 'json' }
import { KINDS, type Kind } from './types.js'
// Precompiled from the schema by `npm run gen:validators`, so no run pays for compiling it.
import * as validators from './validators.generated.js'

/** The plan's JSON Schema, the single source of truth for its shape. */
export const planSchema = schema

const opValidators = new Map<Kind, ValidateFunction>(KINDS.map(k => [k, validators[`op_${k}`]]))

/** Validates a whole plan value; returns the schema errors (empty when valid). */
export function validatePlanValue(value: unknown): ErrorObject[] {
  if (validPlan(value)) return []
  const v = validators.plan
  return v(value) ? [] : [...(v.errors ?? [])]
}

/**
 * The plan schema's verdict without its `oneOf` over the kinds, which tries every kind on every
 * operation (and collects the failing branches' errors): each `op-<kind>` requires its kind's key
 * and allows no other kind's, so an operation passes the `oneOf` exactly when it has one kind key
 * and passes that kind's schema. Only a plan that fails is validated again, for the errors.
 */
function validPlan(value: unknown): boolean {
  if (!validators.plan_top(value)) return false
  for (const op of (value as { operations: unknown[] }).operations) {
    if (op === null || typeof op !== 'object') return false
    let kind: Kind | undefined
    for (const k of KINDS) {
      if (!Object.hasOwn(op, k)) continue
      if (kind) return false
      kind = k
    }
    if (!kind || !opValidators.get(kind)!(op)) return false
  }
  return true
}

/** Validates one operation against its kind's sub-schema, for precise messages. */
export function validateOpValue(kind: Kind, value: unknown): ErrorObject[] {
  const v = opValidators.get(kind)!
  return v(value) ? [] : [...(v.errors ?? [])]
}

type Defs = Record<string, { properties?: Record<string, unknown> }>

/** Keys every operation may carry besides its kind (`id`, `each`, the policies). */
export const COMMON_OP_KEYS: string[] = Object.keys((schema.definitions as Defs).common.properties ?? {})

/** Keys allowed at the top of a plan. */
export function allowedTopKeys(): string[] {
  return Object.keys(schema.properties)
}

/** Keys allowed under `defaults`. */
export function allowedDefaultsKeys(): string[] {
  return Object.keys(schema.properties.defaults.properties)
}

/** Keys allowed on an operation of this kind, for "did you mean" suggestions. */
export function allowedOpKeys(kind: Kind): string[] {
  const def = (schema.definitions as Defs)[`op-${kind}`]
  return Object.keys(def.properties ?? {})
}

/** Keys allowed inside a kind's body object (e.g. `from`, `to`). */
export function allowedBodyKeys(kind: Kind): string[] {
  const defs = schema.definitions as Defs
  const body = (defs[`op-${kind}`].properties ?? {})[kind] as {
    $ref?: string
    properties?: Record<string, unknown>
  }
  if (body.$ref) return Object.keys(defs[body.$ref.split('/').pop()!].properties ?? {})
  return Object.keys(body.properties ?? {})
}

/**
 * The known name closest to `word` (ignoring case), or undefined when none is close: at most two
 * edits, and fewer for short words, so `to` does not suggest `id`.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase())
    const limit = Math.min(2, Math.ceil(Math.min(word.length, k.length) / 3))
    if (d <= limit && d < bestD) {
      bestD = d
      best = k
    }
  }
  return best
}

/** ` (did you mean 'from'?)` when a known key is close (see `closest`), else ''. */
export function suggest(key: string, known: readonly string[]): string {
  const best = closest(key, known)
  return best ? ` (did you mean '${best}'?)` : ''
}

/** Edit distance counting a swap of two neighbours as one edit (`mvoe` → `move` is 1). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
      }
    }
  }
  return d[a.length][b.length]
}
