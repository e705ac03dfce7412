import { readFile } from 'node:fs/promises'
import type { ErrorObject } from 'ajv'
import { LineCounter, parseDocument, type Document } from 'yaml'
import { PlanError, type PlanLocation } from '../errors.js'
import { parseDuration } from '../duration.js'
import { fingerprint } from './fingerprint.js'
import { allowedBodyKeys, allowedOpKeys, validateOpValue, validatePlanValue } from './schema.js'
import { checkOpPaths } from './check.js'
import { KINDS, type DeclaredOp, type Kind, type OpPolicy, type Plan, type PolicyDefaults } from './types.js'

const MAX_PLAN_BYTES = 256 * 1024 * 1024

/** Reads and validates a plan file. Throws PlanError (with file, line, operation, field) on any problem. */
export async function loadPlanFile(file: string, defaults: PolicyDefaults = {}): Promise<Plan> {
  let text: string
  try {
    const buf = await readFile(file)
    if (buf.length > MAX_PLAN_BYTES)
      throw new PlanError(`plan is larger than ${MAX_PLAN_BYTES} bytes`, { file })
    text = buf.toString('utf8')
  } catch (err) {
    if (err instanceof PlanError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new PlanError(code === 'ENOENT' ? 'plan file not found' : `cannot read plan file (${code})`, {
      file
    })
  }
  return parsePlan(text, file, defaults)
}

/** Parses plan text (YAML or JSON) into a validated, normalised Plan. */
export function parsePlan(text: string, file: string, defaults: PolicyDefaults = {}): Plan {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const pos = lineCounter.linePos(e.pos[0])
    throw new PlanError(`invalid YAML/JSON: ${firstLine(e.message)}`, {
      file,
      line: pos.line,
      column: pos.col
    })
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 1000 })
  } catch (err) {
    throw new PlanError(`invalid YAML/JSON: ${firstLine((err as Error).message)}`, { file })
  }
  const locate = (path: (string | number)[]): { line?: number; column?: number } => {
    for (let n = path.length; n >= 0; n--) {
      const node = (doc as Document).getIn(path.slice(0, n), true) as { range?: [number, number] } | undefined
      if (node && node.range) {
        const pos = lineCounter.linePos(node.range[0])
        return { line: pos.line, column: pos.col }
      }
    }
    return {}
  }

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PlanError('a plan must be a mapping with `version` and `operations`', { file, ...locate([]) })
  }
  const top = value as Record<string, unknown>
  if (!('version' in top)) throw new PlanError('missing field `version` (use `version: 1`)', { file })
  if (top.version !== 1) {
    throw new PlanError(
      `version ${JSON.stringify(top.version)} is not supported; this bulk-ops reads version 1`,
      {
        file,
        field: 'version',
        ...locate(['version'])
      }
    )
  }
  const errors = validatePlanValue(value)
  if (errors.length > 0) throw schemaFailure(errors, top, file, locate)

  const planDefaults = (top.defaults ?? {}) as Record<string, unknown>
  const basePolicy: OpPolicy = {
    onConflict: (planDefaults['on-conflict'] as OpPolicy['onConflict']) ?? 'fail',
    ifNoMatch: (planDefaults['if-no-match'] as OpPolicy['ifNoMatch']) ?? 'error',
    maxAttempts: (planDefaults['max-attempts'] as number) ?? defaults.maxAttempts ?? 3,
    continueOnError: (planDefaults['continue-on-error'] as boolean) ?? defaults.continueOnError ?? true
  }
  const rawOps = top.operations as Record<string, unknown>[]
  const ops = rawOps.map((raw, index) => {
    const op = normalizeOp(raw, index, basePolicy, file)
    op.line = locate(['operations', index]).line
    checkOpPaths(op, (field, detail) => {
      const at = fieldPath(op.kind, field)
      return new PlanError(detail, {
        file,
        op: index,
        id: op.id,
        kind: op.kind,
        field: field,
        ...locate(['operations', index, ...at])
      })
    })
    return op
  })
  return { version: 1, file, ops, planId: fingerprint(ops) }
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim()
}

/** YAML path of a DeclaredOp field inside the raw operation, for line numbers. */
function fieldPath(kind: Kind, field: string): string[] {
  const [head, ...rest] = field.split('.')
  if (head === kind) return [kind, ...rest]
  return [head, ...rest]
}

function kindOf(raw: Record<string, unknown>): Kind[] {
  return KINDS.filter(k => k in raw)
}

function normalizeOp(raw: Record<string, unknown>, index: number, base: OpPolicy, file: string): DeclaredOp {
  const kind = kindOf(raw)[0]
  const body = raw[kind] as Record<string, unknown> | string
  const err = (field: string, detail: string): PlanError =>
    new PlanError(detail, { file, op: index, id: raw.id as string | undefined, kind, field })
  const policy: OpPolicy = {
    onConflict: (raw['on-conflict'] as OpPolicy['onConflict']) ?? base.onConflict,
    ifNoMatch: (raw['if-no-match'] as OpPolicy['ifNoMatch']) ?? base.ifNoMatch,
    maxAttempts: (raw['max-attempts'] as number) ?? base.maxAttempts,
    continueOnError: (raw['continue-on-error'] as boolean) ?? base.continueOnError
  }
  const op: DeclaredOp = { index, kind, policy }
  if (typeof raw.id === 'string') op.id = raw.id
  if (typeof raw.each === 'string') op.each = raw.each
  const b = body as Record<string, unknown>
  switch (kind) {
    case 'mkdir':
    case 'delete':
      op.subject = body as string
      break
    case 'move':
    case 'rename':
    case 'copy':
      op.subject = b.from as string
      op.to = b.to as string
      break
    case 'write':
      op.subject = b.path as string
      op.content = b.content as string
      if (typeof b.mode === 'string') op.mode = parseInt(b.mode, 8)
      break
    case 'replace':
      op.subject = b.files as string
      op.find = b.find as string
      op.with = b.with as string
      op.regex = b.regex === true
      if (typeof b.flags === 'string' && b.flags) op.flags = b.flags
      if (op.regex) {
        try {
          new RegExp(op.find, 'g' + (op.flags ?? ''))
        } catch (e) {
          throw err('replace.find', `is not a valid regular expression: ${(e as Error).message}`)
        }
      } else if (op.flags) {
        throw err('replace.flags', 'flags need `regex: true`')
      }
      break
    case 'run':
      if (typeof b.files === 'string') op.subject = b.files
      if (Array.isArray(b.command)) op.command = b.command as string[]
      if (typeof b.shell === 'string') op.shell = b.shell
      if (typeof b.creates === 'string') op.creates = b.creates
      if (typeof b.removes === 'string') op.removes = b.removes
      if (b.env && typeof b.env === 'object') op.env = { ...(b.env as Record<string, string>) }
      if (typeof b.timeout === 'string') {
        try {
          op.timeoutMs = parseDuration(b.timeout, 'run.timeout')
        } catch (e) {
          throw err('run.timeout', (e as Error).message.replace(/^run\.timeout: /, ''))
        }
        if (op.timeoutMs <= 0) throw err('run.timeout', 'must be longer than 0')
      }
      break
  }
  return op
}

const MAX_REPORTED = 20

function schemaFailure(
  errors: ErrorObject[],
  top: Record<string, unknown>,
  file: string,
  locate: (p: (string | number)[]) => { line?: number; column?: number }
): PlanError {
  // Errors at the top level (outside operations[n]) come first.
  const topErr = errors.find(e => !/^\/operations\/\d+/.test(e.instancePath))
  if (topErr) {
    const path = pointerPath(topErr.instancePath)
    return new PlanError(describe(topErr, [], path.join('.') || 'plan'), {
      file,
      field: path.join('.') || undefined,
      ...locate(path)
    })
  }
  const bad = [...new Set(errors.map(e => Number(/^\/operations\/(\d+)/.exec(e.instancePath)![1])))]
  const messages: PlanError[] = []
  for (const index of bad.slice(0, MAX_REPORTED)) messages.push(opFailure(top, index, file, locate))
  if (messages.length === 1) return messages[0]
  const more =
    bad.length > MAX_REPORTED ? `\n… and ${bad.length - MAX_REPORTED} more operations with errors` : ''
  const first = messages[0]
  const combined = new PlanError(
    `${bad.length} operations are invalid:\n  ${messages.map(m => m.message).join('\n  ')}${more}`,
    {}
  )
  Object.assign(combined, { where: first.where })
  return combined
}

function opFailure(
  top: Record<string, unknown>,
  index: number,
  file: string,
  locate: (p: (string | number)[]) => { line?: number; column?: number }
): PlanError {
  const raw = (top.operations as unknown[])[index]
  const base: PlanLocation = { file, op: index }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return new PlanError(`must be a mapping with one of: ${KINDS.join(', ')}`, {
      ...base,
      ...locate(['operations', index])
    })
  }
  const obj = raw as Record<string, unknown>
  if (typeof obj.id === 'string') base.id = obj.id
  const kinds = kindOf(obj)
  if (kinds.length === 0) {
    const unknown = Object.keys(obj).filter(
      k => !['id', 'each', 'on-conflict', 'if-no-match', 'max-attempts', 'continue-on-error'].includes(k)
    )
    const hint = unknown.length > 0 ? suggest(unknown[0], [...KINDS]) : ''
    const what = unknown.length > 0 ? `unknown operation kind '${unknown[0]}'${hint}` : 'no operation kind'
    return new PlanError(`${what}; expected one of: ${KINDS.join(', ')}`, {
      ...base,
      field: unknown[0],
      ...locate(['operations', index, ...(unknown[0] ? [unknown[0]] : [])])
    })
  }
  if (kinds.length > 1) {
    return new PlanError(`has more than one kind (${kinds.join(' and ')}); write one operation per kind`, {
      ...base,
      kind: kinds.join('+'),
      ...locate(['operations', index, kinds[1]])
    })
  }
  const kind = kinds[0]
  base.kind = kind
  const errs = validateOpValue(kind, obj)
  const chosen = pickError(errs)
  const path = pointerPath(chosen.instancePath)
  let fieldParts = path
  if (chosen.keyword === 'additionalProperties') {
    fieldParts = [...path, String((chosen.params as { additionalProperty: string }).additionalProperty)]
  } else if (chosen.keyword === 'required') {
    fieldParts = [...path, String((chosen.params as { missingProperty: string }).missingProperty)]
  }
  const field = fieldParts.join('.') || kind
  return new PlanError(describe(chosen, path, field, kind), {
    ...base,
    field,
    ...locate(['operations', index, ...fieldParts])
  })
}

/** Prefers the most specific, most actionable schema error. */
function pickError(errs: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject): number => {
    if (e.keyword === 'additionalProperties') return 0
    if (e.keyword === 'required') return 1
    if (e.keyword === 'type' || e.keyword === 'enum' || e.keyword === 'const') return 2
    if (e.keyword === 'oneOf') return 4
    return 3
  }
  return [...errs].sort((a, b) => rank(a) - rank(b) || b.instancePath.length - a.instancePath.length)[0]
}

function pointerPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function describe(e: ErrorObject, path: string[], field: string, kind?: Kind): string {
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty)
      const allowed =
        kind && path.length === 1 && path[0] === kind
          ? allowedBodyKeys(kind)
          : kind && path.length === 0
            ? allowedOpKeys(kind)
            : []
      return `unknown key '${key}'${suggest(key, allowed)}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`
    }
    case 'required':
      return `missing field '${p.missingProperty}'`
    case 'type':
      return `must be ${article(String(p.type))}`
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`
    case 'minItems':
      return field === 'operations' ? 'needs at least one operation' : `needs at least ${p.limit} item(s)`
    case 'minLength':
      return 'must not be empty'
    case 'maxLength':
      return `is longer than ${p.limit} characters`
    case 'minimum':
    case 'maximum':
      return `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${p.limit}`
    case 'pattern':
      if (field.endsWith('timeout')) return 'is not a duration (use forms like 90s, 2m, 1h30m)'
      if (field.endsWith('mode')) return 'must be an octal file mode such as 644 or 755'
      if (field === 'id')
        return 'must start with a letter or digit and use only letters, digits, ., _ and - (≤ 100)'
      return `does not match ${p.pattern}`
    case 'oneOf':
      if (kind === 'run') return 'needs exactly one of `command` (argv list) or `shell` (a bash script)'
      return 'does not match any allowed form'
    case 'minProperties':
      return 'must not be empty'
    default:
      return e.message ?? 'is invalid'
  }
}

function article(type: string): string {
  if (type === 'object') return 'a mapping'
  if (type === 'array') return 'a list'
  if (type === 'integer') return 'a whole number'
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

/** ` (did you mean 'from'?)` when a known key is within edit distance 2. */
export function suggest(key: string, known: string[]): string {
  let best = ''
  let bestD = 3
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase())
    if (d < bestD) {
      bestD = d
      best = k
    }
  }
  return best ? ` (did you mean '${best}'?)` : ''
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = tmp
    }
  }
  return prev[b.length]
}
