import { readFile } from 'node:fs/promises'
import type { ErrorObject } from 'ajv'
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { PlanError, type PlanLocation } from '../errors.js'
import { parseDuration } from '../duration.js'
import { fingerprintOps, keepCanonicalText } from './fingerprint.js'
import { DEFAULT_SHARD_BY } from '../shard/assign.js'
import { parseTemplate } from './template.js'
import { MAX_PARALLEL, parallelism, type Parallel } from './parallel.js'
import {
  allowedBodyKeys,
  allowedDefaultsKeys,
  allowedOpKeys,
  allowedTopKeys,
  COMMON_OP_KEYS,
  suggest,
  validateOpValue,
  validatePlanValue
} from './schema.js'
import { checkOpPaths } from './check.js'
import { KINDS, type DeclaredOp, type Kind, type OpPolicy, type Plan, type PolicyDefaults } from './types.js'

export { suggest } from './schema.js'

const MAX_PLAN_BYTES = 256 * 1024 * 1024

type Where = { line?: number; column?: number }
type Locate = (path: (string | number)[], key?: boolean) => Where

/**
 * Where the operations' fields sit in a plan's file, found only when a message needs one
 * (preflight): the file's text is parsed again then, so a plan that loads cleanly keeps no
 * document tree and no per-operation positions.
 */
const fieldLocations = new WeakMap<Plan, Locate>()

/** Line and column of `field` (e.g. `move.to`, `each`) of a loaded operation, or of the operation itself. */
export function opFieldLocation(plan: Plan, op: DeclaredOp, field: string): Where {
  const locate = fieldLocations.get(plan)
  if (!locate) return {}
  const at = locate(['operations', op.index, ...fieldPath(op.kind, field)])
  return at.line !== undefined ? at : locate(['operations', op.index])
}

/** Reads and validates a plan file. Throws PlanError (with file, line, operation, field) on any problem. */
export async function loadPlanFile(file: string, defaults: PolicyDefaults = {}): Promise<Plan> {
  let buf: Buffer
  try {
    buf = await readFile(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'plan file not found'
        : code === 'EISDIR'
          ? 'is a directory, not a plan file'
          : `cannot read plan file (${code})`
    throw new PlanError(why, { file })
  }
  if (buf.length > MAX_PLAN_BYTES) {
    throw new PlanError(`plan is larger than ${MAX_PLAN_BYTES} bytes`, { file })
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new PlanError('is UTF-16 text; save the plan as UTF-8', { file })
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    throw new PlanError('is not UTF-8 text (is it a binary file?); save the plan as UTF-8', { file })
  }
  return parsePlan(text, file, defaults)
}

/**
 * Parses plan text into a validated, normalised Plan. A `.json` file must be strict JSON; anything
 * else is read as YAML (which JSON also is).
 */
export function parsePlan(text: string, file: string, defaults: PolicyDefaults = {}): Plan {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const isJson = /\.json$/i.test(file)
  const lang = isJson ? 'JSON' : 'YAML'
  const nul = text.indexOf('\0')
  if (nul >= 0) {
    throw new PlanError('contains a NUL byte: a plan is UTF-8 text (is this a binary file?)', {
      file,
      ...lineCol(text, nul)
    })
  }
  // JSON goes through JSON.parse; the YAML document (for line and column) is built only when a
  // message needs a position. YAML is parsed into its document straight away.
  const { value, locate } = isJson ? parseJson(text, file) : parseYaml(text, file, lang)

  if (value === null || value === undefined) {
    throw new PlanError('the plan is empty; it needs `version: 1` and a list of `operations`', { file })
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'a list' : describeValue(value)
    throw new PlanError(`a plan must be a mapping with \`version: 1\` and \`operations\`, not ${got}`, {
      file,
      ...locate([])
    })
  }
  const top = value as Record<string, unknown>
  if (!('version' in top)) {
    throw new PlanError('missing field `version` (add `version: 1` at the top)', { file, ...locate([]) })
  }
  if (top.version !== 1) {
    const detail =
      top.version === '1'
        ? 'is the string "1"; write `version: 1` without quotes'
        : `is ${describeValue(top.version)}, but this bulk-ops reads only version 1`
    throw new PlanError(detail, { file, field: 'version', ...locate(['version']) })
  }
  const errors = validatePlanValue(value)
  if (errors.length > 0) throw schemaFailure(errors, top, file, locate)

  const planDefaults = (top.defaults ?? {}) as Record<string, unknown>
  const basePolicy: OpPolicy = Object.freeze({
    onConflict: (planDefaults['on-conflict'] as OpPolicy['onConflict']) ?? 'fail',
    ifNoMatch: (planDefaults['if-no-match'] as OpPolicy['ifNoMatch']) ?? 'error',
    maxAttempts: (planDefaults['max-attempts'] as number) ?? defaults.maxAttempts ?? 3,
    continueOnError: (planDefaults['continue-on-error'] as boolean) ?? defaults.continueOnError ?? true,
    parallel: parallelism((planDefaults.parallel as Parallel | undefined) ?? defaults.parallel ?? 1)
  })
  const defaultShardBy = planDefaults['shard-by']
  if (typeof defaultShardBy === 'string') {
    try {
      parseTemplate(defaultShardBy)
    } catch (e) {
      throw new PlanError((e as Error).message, {
        file,
        field: 'defaults.shard-by',
        ...locate(['defaults', 'shard-by'])
      })
    }
  }
  const rawOps = top.operations as Record<string, unknown>[]
  const ops = rawOps.map((raw, index) => {
    const op = normalizeOp(raw, index, basePolicy, file, locate)
    const where = (field: string): Where => locate(['operations', index, ...fieldPath(op.kind, field)])
    const shardBy = (raw['shard-by'] ?? planDefaults['shard-by']) as string | undefined
    if (shardBy !== undefined && shardBy !== DEFAULT_SHARD_BY) op.shardBy = shardBy
    checkOpPaths(op, (field, detail) => {
      return new PlanError(detail, {
        file,
        op: index,
        id: op.id,
        kind: op.kind,
        field: field,
        ...where(field)
      })
    })
    return op
  })
  const { id, pieces } = fingerprintOps(ops)
  const plan: Plan = { version: 1, file, ops, planId: id }
  keepCanonicalText(plan, pieces)
  fieldLocations.set(plan, isJson ? locate : lazyLocate(text))
  return plan
}

interface Parsed {
  value: unknown
  locate: Locate
}

/** Parses YAML text into its document; a syntax error is a PlanError with its line and column. */
function parseYaml(text: string, file: string, lang: string): Parsed {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const pos = lineCounter.linePos(e.pos[0])
    const key = e.code === 'DUPLICATE_KEY' ? keyAt(text, e.pos[0]) : ''
    const detail =
      key && key.length <= 60 && !key.includes('\n')
        ? `the key ${/^["']/.test(key) ? key : `'${key}'`} appears twice in the same mapping (keys must be unique)`
        : yamlMessage(e.code, e.message)
    throw new PlanError(`invalid ${lang}: ${detail}`, {
      file,
      line: pos.line,
      column: pos.col
    })
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 1000 })
  } catch (err) {
    throw new PlanError(`invalid ${lang}: ${yamlMessage('', (err as Error).message)}`, { file })
  }
  return { value, locate: locator(doc, lineCounter) }
}

/**
 * A `.json` plan must be JSON, not merely YAML: trailing commas, comments and single quotes are
 * errors, and so is a key that appears twice in one object (JSON.parse would keep the last).
 */
function parseJson(text: string, file: string): Parsed {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const found = jsonSyntaxError(text)
    const detail = found?.message ?? (err as Error).message.replace(/ in JSON at position \d+.*$/s, '')
    throw new PlanError(`invalid JSON: ${detail}`, { file, ...(found ? lineCol(text, found.offset) : {}) })
  }
  // The YAML reader names the repeated key and where it is.
  if (mayRepeatKeys(text, value)) parseYaml(text, file, 'JSON')
  return { value, locate: lazyLocate(text) }
}

/** Finds positions in `text`, parsing it into a YAML document the first time one is asked for. */
function lazyLocate(text: string): Locate {
  let locate: Locate | undefined
  return (path, key) => {
    if (!locate) {
      const lineCounter = new LineCounter()
      locate = locator(parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter)
    }
    return locate(path, key)
  }
}

function locator(doc: Document, lineCounter: LineCounter): Locate {
  return (path, key = false) => {
    if (key && path.length > 0) {
      // Point at the key itself (`form:`), not at its value.
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents
      const last = path[path.length - 1]
      if (isMap(parent)) {
        const pair = parent.items.find(p => isScalar(p.key) && p.key.value === last)
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined
        if (range) {
          const pos = lineCounter.linePos(range[0])
          return { line: pos.line, column: pos.col }
        }
      }
    }
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number] } | undefined
      if (node && node.range) {
        const pos = lineCounter.linePos(node.range[0])
        return { line: pos.line, column: pos.col }
      }
    }
    return {}
  }
}

/** Occurrences of ':' in `s`. */
function colons(s: string): number {
  let n = 0
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++
  return n
}

/**
 * Whether some object in the JSON text may repeat a key, in one linear pass without a second
 * parser: outside strings, every ':' in valid JSON separates one member's key from its value, so
 * the text's colons equal the members JSON.parse kept plus the colons inside their strings, unless
 * a repeated member was dropped (its colon stays in the text). A ':' written as an escape breaks
 * that count, so such a text is always checked.
 */
export function mayRepeatKeys(text: string, value: unknown): boolean {
  if (/\\u003a/i.test(text)) return true
  let kept = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string') {
      if (v.includes(':')) kept += colons(v)
    } else if (Array.isArray(v)) {
      for (const x of v)
        if (x !== null && typeof x === 'object') stack.push(x)
        else if (typeof x === 'string' && x.includes(':')) kept += colons(x)
    } else if (v !== null && typeof v === 'object') {
      // for-in over JSON.parse's plain objects: no entries array per object.
      const o = v as Record<string, unknown>
      for (const k in o) {
        kept += 1 + (k.includes(':') ? colons(k) : 0)
        stack.push(o[k])
      }
    }
  }
  return colons(text) !== kept
}

/** The text of the mapping key that starts at `offset` (quoted keys keep their quotes). */
function keyAt(text: string, offset: number): string {
  const re = text[offset] === '"' ? /"(?:[^"\\\n]|\\.)*"/y : text[offset] === "'" ? /'[^'\n]*'/y : /[^:\n]+/y
  re.lastIndex = offset
  return re.exec(text)?.[0].trim() ?? ''
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): Where {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/**
 * Finds the first JSON syntax error and says it in plain words, with its offset (V8's own
 * message does not always give a position). Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  let i = 0
  const token = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
  // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
  const string = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const at = (message: string): { offset: number; message: string } => ({ offset: i, message })
  const unexpected = (what: string): { offset: number; message: string } => {
    if (i >= text.length) return at(`the text ends where ${what} was expected`)
    const c = text[i]
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      return at('comments are not allowed in JSON')
    if (c === "'") return at('strings need double quotes in JSON')
    const shown = c < ' ' ? JSON.stringify(c) : `'${c}'`
    return at(`unexpected ${shown} where ${what} was expected`)
  }
  const eat = (re: RegExp): boolean => {
    re.lastIndex = i
    if (!re.test(text)) return false
    i = re.lastIndex
    return true
  }
  const stack: string[] = []
  let state: 'value' | 'key' | 'after' = 'value'
  let afterComma = false
  for (;;) {
    skipSpace()
    const c = text[i]
    if (state === 'value') {
      if (afterComma && c === ']') return at("trailing comma before ']'")
      afterComma = false
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? '}' : ']')
        i++
        skipSpace()
        if (text[i] === stack[stack.length - 1]) {
          stack.pop()
          i++
          state = 'after'
        } else state = c === '{' ? 'key' : 'value'
        continue
      }
      if (c === '"' ? !eat(string) : !eat(token)) {
        return c === '"' ? at('unterminated string or bad escape') : unexpected('a value')
      }
      state = 'after'
    } else if (state === 'key') {
      if (afterComma && c === '}') return at("trailing comma before '}'")
      afterComma = false
      if (c !== '"') return unexpected('a "quoted" key')
      if (!eat(string)) return at('unterminated string or bad escape')
      skipSpace()
      if (text[i] !== ':') return unexpected("':' after the key")
      i++
      state = 'value'
    } else {
      const close = stack[stack.length - 1]
      if (close === undefined) return i < text.length ? unexpected('the end of the text') : null
      if (c === close) {
        stack.pop()
        i++
      } else if (c === ',') {
        i++
        afterComma = true
        state = close === '}' ? 'key' : 'value'
      } else return unexpected(`',' or '${close}'`)
    }
  }
}

/** Rewrites the YAML library's messages that name its API or internals into plan terms. */
function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].trim()
  if (code === 'MULTIPLE_DOCS' || /multiple documents/i.test(first)) {
    return "the file holds more than one YAML document (a second '---'); a plan is one document"
  }
  if (code === 'DUPLICATE_KEY' || /keys must be unique/i.test(first)) {
    return 'a key appears twice in the same mapping (keys must be unique)'
  }
  if (/call stack/i.test(first)) return 'the text is nested too deeply'
  if (/alias count/i.test(first)) return 'too many alias (*name) expansions; write the plan out plainly'
  return first
}

/** YAML path of a DeclaredOp field inside the raw operation (`run.command[2]` → run, command, 2). */
function fieldPath(kind: Kind, field: string): (string | number)[] {
  const parts: (string | number)[] = []
  for (const seg of field.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(seg)
    if (!m) {
      parts.push(seg)
      continue
    }
    parts.push(m[1])
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]))
  }
  return parts.length > 0 ? parts : [kind]
}

function kindOf(raw: Record<string, unknown>): Kind[] {
  return KINDS.filter(k => k in raw)
}

function normalizeOp(
  raw: Record<string, unknown>,
  index: number,
  base: OpPolicy,
  file: string,
  locate: Locate
): DeclaredOp {
  const kind = kindOf(raw)[0]
  const body = raw[kind] as Record<string, unknown> | string
  const err = (field: string, detail: string): PlanError =>
    new PlanError(detail, {
      file,
      op: index,
      id: raw.id as string | undefined,
      kind,
      field,
      ...locate(['operations', index, ...fieldPath(kind, field)])
    })
  const op: DeclaredOp = { index, kind, policy: policyOf(raw, kind, base) }
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
          const why = (e as Error).message.replace(/^Invalid regular expression: /, '')
          throw err('replace.find', `is not a valid regular expression: ${why}`)
        }
      } else if (op.flags) {
        throw err(
          'replace.flags',
          'flags apply only to regular expressions; add `regex: true` or drop `flags`'
        )
      }
      break
    case 'run':
      if (typeof b.files === 'string') op.subject = b.files
      if (Array.isArray(b.command)) op.command = b.command as string[]
      if (typeof b.shell === 'string') op.shell = b.shell
      if (typeof b.creates === 'string') op.creates = b.creates
      if (typeof b.removes === 'string') op.removes = b.removes
      if (b.env && typeof b.env === 'object') op.env = { ...(b.env as Record<string, string>) }
      if (typeof b.batch === 'number') {
        if (op.subject === undefined) throw err('run.batch', 'a batch needs `files:`, the paths to share out')
        op.batch = b.batch
      }
      if (typeof b.timeout === 'string') {
        try {
          op.timeoutMs = parseDuration(b.timeout, 'run.timeout')
        } catch (e) {
          throw err('run.timeout', (e as Error).message.replace(/^run\.timeout: /, ''))
        }
        if (op.timeoutMs <= 0) throw err('run.timeout', `'${b.timeout}' must be longer than 0`)
      }
      break
  }
  return op
}

/** The policy every operation of a kind other than `run` has unless it sets its own, per base policy. */
const sharedPolicy = new WeakMap<OpPolicy, OpPolicy>()

/**
 * An operation's policy: its own keys over the plan's. Operations that set none share one object
 * (policies are never changed after loading), so a plan of 100,000 operations keeps two, not
 * 100,000.
 */
function policyOf(raw: Record<string, unknown>, kind: Kind, base: OpPolicy): OpPolicy {
  const own =
    raw['on-conflict'] !== undefined ||
    raw['if-no-match'] !== undefined ||
    raw['max-attempts'] !== undefined ||
    raw['continue-on-error'] !== undefined ||
    (kind === 'run' && raw.parallel !== undefined)
  if (!own) {
    if (kind === 'run') return base
    let shared = sharedPolicy.get(base)
    if (!shared) sharedPolicy.set(base, (shared = Object.freeze({ ...base, parallel: 1 })))
    return shared
  }
  return {
    onConflict: (raw['on-conflict'] as OpPolicy['onConflict']) ?? base.onConflict,
    ifNoMatch: (raw['if-no-match'] as OpPolicy['ifNoMatch']) ?? base.ifNoMatch,
    maxAttempts: (raw['max-attempts'] as number) ?? base.maxAttempts,
    continueOnError: (raw['continue-on-error'] as boolean) ?? base.continueOnError,
    parallel:
      kind !== 'run' ? 1 : raw.parallel !== undefined ? parallelism(raw.parallel as Parallel) : base.parallel
  }
}

const MAX_REPORTED = 20

function schemaFailure(
  errors: ErrorObject[],
  top: Record<string, unknown>,
  file: string,
  locate: Locate
): PlanError {
  // Errors at the top level (outside operations[n]) come first; the most actionable of them.
  const topErrs = errors.filter(e => !/^\/operations\/\d+/.test(e.instancePath))
  if (topErrs.length > 0) {
    const topErr = pickError(topErrs)
    const path = pointerPath(topErr.instancePath)
    let fieldParts = path
    if (topErr.keyword === 'additionalProperties') {
      fieldParts = [...path, String((topErr.params as { additionalProperty: string }).additionalProperty)]
    } else if (topErr.keyword === 'required') {
      fieldParts = [...path, String((topErr.params as { missingProperty: string }).missingProperty)]
    }
    const field = fieldParts.join('.') || undefined
    const onKey = topErr.keyword === 'additionalProperties'
    return new PlanError(describe(topErr, path, field ?? 'plan'), {
      file,
      field,
      ...locate(fieldParts, onKey)
    })
  }
  const bad = [...new Set(errors.map(e => Number(/^\/operations\/(\d+)/.exec(e.instancePath)![1])))]
  const messages: PlanError[] = []
  for (const index of bad.slice(0, MAX_REPORTED)) messages.push(opFailure(top, index, file, locate))
  if (messages.length === 1) return messages[0]
  const more =
    bad.length > MAX_REPORTED ? `\n  … and ${bad.length - MAX_REPORTED} more operations with errors` : ''
  const first = messages[0]
  const combined = new PlanError(
    `${bad.length} operations are invalid:\n  ${messages.map(m => m.message).join('\n  ')}${more}`,
    {}
  )
  Object.assign(combined, { where: first.where })
  return combined
}

function opFailure(top: Record<string, unknown>, index: number, file: string, locate: Locate): PlanError {
  const raw = (top.operations as unknown[])[index]
  const base: PlanLocation = { file, op: index }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const got = raw === null ? 'empty' : `${describeValue(raw)}`
    return new PlanError(
      `must be a mapping with one of the kinds ${KINDS.join(', ')}, not ${got} (e.g. \`- mkdir: docs\`)`,
      {
        ...base,
        ...locate(['operations', index])
      }
    )
  }
  const obj = raw as Record<string, unknown>
  if (typeof obj.id === 'string') base.id = obj.id
  const kinds = kindOf(obj)
  if (kinds.length === 0) {
    const unknown = Object.keys(obj).filter(k => !COMMON_OP_KEYS.includes(k))
    const hint = unknown.length > 0 ? suggest(unknown[0], [...KINDS]) : ''
    const what =
      unknown.length > 0 ? `unknown operation kind '${unknown[0]}'${hint}` : 'has no operation kind'
    return new PlanError(`${what}; expected one of: ${KINDS.join(', ')}`, {
      ...base,
      field: unknown[0],
      ...locate(['operations', index, ...(unknown[0] ? [unknown[0]] : [])], true)
    })
  }
  if (kinds.length > 1) {
    return new PlanError(
      `has more than one kind (${kinds.join(' and ')}); write each as its own list item (\`- ${kinds[1]}: …\`)`,
      {
        ...base,
        kind: kinds.join('+'),
        field: kinds[1],
        ...locate(['operations', index, kinds[1]], true)
      }
    )
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
    ...locate(['operations', index, ...fieldParts], chosen.keyword === 'additionalProperties')
  })
}

/**
 * Prefers the most specific, most actionable schema error. Errors inside a `oneOf` branch
 * (`run` needs `command` or `shell`) give way to the `oneOf` itself, which says what to choose.
 */
function pickError(errs: ErrorObject[]): ErrorObject {
  const oneOfAt = new Set(errs.filter(e => e.keyword === 'oneOf').map(e => e.schemaPath))
  const inBranch = (e: ErrorObject): boolean =>
    [...oneOfAt].some(p => e.schemaPath.startsWith(p + '/') && e.schemaPath !== p)
  const candidates = errs.filter(e => !inBranch(e))
  const rank = (e: ErrorObject): number => {
    if (e.keyword === 'additionalProperties') return 0
    if (e.keyword === 'required') return 1
    if (e.keyword === 'type' || e.keyword === 'enum' || e.keyword === 'const') return 2
    if (e.keyword === 'oneOf') return 4
    return 3
  }
  return [...(candidates.length ? candidates : errs)].sort(
    (a, b) => rank(a) - rank(b) || b.instancePath.length - a.instancePath.length
  )[0]
}

function pointerPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** A short description of a value found in the plan: `the string "three"`, `the number 5`. */
function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty (null)'
  if (typeof v === 'string') {
    const s = v.length > 60 ? `${v.slice(0, 57)}…` : v
    return `the string ${JSON.stringify(s)}`
  }
  if (typeof v === 'number') return `the number ${v}`
  if (typeof v === 'boolean') return `${v}`
  if (Array.isArray(v)) return 'a list'
  return 'a mapping'
}

function describe(e: ErrorObject, path: string[], field: string, kind?: Kind): string {
  const p = e.params as Record<string, unknown>
  const got = 'data' in e ? describeValue(e.data) : undefined
  // Either half of the anyOf alone would misstate what is allowed.
  if (path[path.length - 1] === 'parallel' && e.keyword !== 'additionalProperties') {
    return `must be a whole number from 1 to ${MAX_PARALLEL}, or "auto" (the machine's available parallelism), not ${got}`
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty)
      let allowed: string[] = []
      let hint = ''
      if (kind && path.length === 1 && path[0] === kind) {
        allowed = allowedBodyKeys(kind)
        if (COMMON_OP_KEYS.includes(key)) {
          hint = `; '${key}' belongs to the operation: put it beside \`${kind}:\`, not inside it`
        }
      } else if (kind && path.length === 0) {
        allowed = allowedOpKeys(kind)
        if ((KINDS as readonly string[]).includes(key) || suggest(key, [...KINDS])) {
          hint = '; an operation has exactly one kind'
        } else if (allowedOpKeys('run').includes(key)) {
          hint = `; '${key}' applies only to run operations (the other kinds run in order, at the disk's speed)`
        }
      } else if (!kind && path.length === 0) {
        allowed = allowedTopKeys()
      } else if (!kind && path.length === 1 && path[0] === 'defaults') {
        allowed = allowedDefaultsKeys()
      }
      const mean = hint ? '' : suggest(key, allowed)
      return `unknown key '${key}'${mean}${hint}${allowed.length && !hint ? ` (allowed: ${allowed.join(', ')})` : ''}`
    }
    case 'required': {
      const missing = String(p.missingProperty)
      if (kind && path.length === 1 && path[0] === kind) {
        return `missing field '${missing}' (${kind} takes: ${allowedBodyKeys(kind).join(', ')})`
      }
      return `missing field '${missing}'`
    }
    case 'type': {
      const want = article(String(p.type))
      if (field === 'run.command' && typeof e.data === 'string') {
        return `must be a list of arguments (argv), not a string: write [prog, arg, …], or use \`shell:\` for a bash script`
      }
      if (field.endsWith('mode') && typeof e.data === 'number') {
        return `must be a quoted octal string such as "644" (unquoted, ${e.data} is read as a number)`
      }
      if (kind && path.length === 1 && path[0] === kind && p.type === 'object') {
        return `must be a mapping with ${allowedBodyKeys(kind).join(', ')}, not ${got}`
      }
      return got ? `must be ${want}, not ${got}` : `must be ${want}`
    }
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}${got ? `, not ${got}` : ''}`
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}${got ? `, not ${got}` : ''}`
    case 'minItems':
      return field === 'operations' ? 'needs at least one operation' : `needs at least ${p.limit} item(s)`
    case 'minLength':
      return 'must not be empty'
    case 'maxLength':
      return `is longer than ${p.limit} characters`
    case 'minimum':
    case 'maximum':
      return `must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${p.limit}${got ? `, not ${e.data}` : ''}`
    case 'pattern': {
      const v = JSON.stringify(e.data)
      if (field.endsWith('timeout')) return `${v} is not a duration (use forms like 90s, 2m, 1h30m)`
      if (field.endsWith('mode')) return `${v} is not an octal file mode such as "644" or "755"`
      if (field.endsWith('flags')) return `${v} has a flag other than i, m, s, u (g is always on)`
      if (field === 'id')
        return `${v} is not a valid id: start with a letter or digit, then letters, digits, '.', '_' or '-' (at most 100)`
      return `${v} does not match ${p.pattern}`
    }
    case 'oneOf':
      if (kind === 'run') {
        const body = (e.data ?? {}) as Record<string, unknown>
        if ('command' in body && 'shell' in body) {
          return 'has both `command` and `shell`; give one: `command` (an argv list) or `shell` (a bash script)'
        }
        return 'needs `command` (an argv list, e.g. [optipng, "{path}"]) or `shell` (a bash script)'
      }
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
