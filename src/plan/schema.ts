import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import schema from '../../schema/plan.schema.json' with { type: 'json' }
import { KINDS, type Kind } from './types.js'

/** The plan's JSON Schema, the single source of truth for its shape. */
export const planSchema = schema

let compiled: { plan: ValidateFunction; ops: Map<Kind, ValidateFunction> } | undefined

function validators(): { plan: ValidateFunction; ops: Map<Kind, ValidateFunction> } {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false })
    ajv.addSchema(schema)
    const plan = ajv.getSchema(schema.$id)!
    const ops = new Map<Kind, ValidateFunction>()
    for (const k of KINDS) ops.set(k, ajv.getSchema(`${schema.$id}#/definitions/op-${k}`)!)
    compiled = { plan, ops }
  }
  return compiled
}

/** Validates a whole plan value; returns the schema errors (empty when valid). */
export function validatePlanValue(value: unknown): ErrorObject[] {
  const v = validators().plan
  return v(value) ? [] : [...(v.errors ?? [])]
}

/** Validates one operation against its kind's sub-schema, for precise messages. */
export function validateOpValue(kind: Kind, value: unknown): ErrorObject[] {
  const v = validators().ops.get(kind)!
  return v(value) ? [] : [...(v.errors ?? [])]
}

/** Keys allowed on an operation of this kind, for "did you mean" suggestions. */
export function allowedOpKeys(kind: Kind): string[] {
  const def = (schema.definitions as Record<string, { properties?: Record<string, unknown> }>)[`op-${kind}`]
  return Object.keys(def.properties ?? {})
}

/** Keys allowed inside a kind's body object (e.g. `from`, `to`). */
export function allowedBodyKeys(kind: Kind): string[] {
  const defs = schema.definitions as Record<string, { properties?: Record<string, unknown> }>
  const body = (defs[`op-${kind}`].properties ?? {})[kind] as {
    $ref?: string
    properties?: Record<string, unknown>
  }
  if (body.$ref) return Object.keys(defs[body.$ref.split('/').pop()!].properties ?? {})
  return Object.keys(body.properties ?? {})
}
