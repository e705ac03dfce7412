import {
  PATHS_ITEM,
  PLACEHOLDERS,
  TemplateError,
  parseTemplate,
  renderTemplate,
  templateVars,
  type Placeholder,
  type TemplatePart
} from './template.js'
import { globProblem, isGlob } from './glob-syntax.js'
import { normalizeRel, planPathProblem } from './paths.js'
import { closest } from './schema.js'
import { KINDS, type DeclaredOp } from './types.js'

type MakeError = (field: string, detail: string) => Error

const SAMPLE = templateVars('sample/dir/file.txt', 'sample')

/** Quotes plan text for a message, showing line breaks and other control characters as escapes. */
function q(text: string): string {
  const control = [...text].some(c => c < ' ')
  return control ? JSON.stringify(text) : `'${text}'`
}

/** The plan field that holds an operation's subject, for messages. */
export function subjectField(op: DeclaredOp): string {
  switch (op.kind) {
    case 'mkdir':
    case 'delete':
      return op.kind
    case 'write':
      return 'write.path'
    case 'replace':
      return 'replace.files'
    case 'run':
      return 'run.files'
    default:
      return FROM_FIELD[op.kind]
  }
}

/** `<kind>.from` and `<kind>.to`, made once rather than per operation. */
const FROM_FIELD: Record<string, string> = Object.fromEntries(KINDS.map(k => [k, `${k}.from`]))
const TO_FIELD: Record<string, string> = Object.fromEntries(KINDS.map(k => [k, `${k}.to`]))

function parse(mk: MakeError, field: string, text: string): TemplatePart[] {
  try {
    return parseTemplate(text)
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e
    const best = e.placeholder !== undefined ? closest(e.placeholder, PLACEHOLDERS) : undefined
    const detail = best
      ? e.message.replace(`{${e.placeholder}} (known:`, `{${e.placeholder}}; did you mean {${best}}? (known:`)
      : e.message
    throw mk(field, detail)
  }
}

function placeholders(parts: TemplatePart[]): Placeholder[] {
  // Most fields are plain text: one part, no placeholder.
  if (parts.length === 1 && typeof parts[0] === 'string') return []
  return parts.flatMap(p => (typeof p === 'string' ? [] : [p.var]))
}

function checkPath(mk: MakeError, field: string, rendered: string, template: string | false): void {
  const problem = planPathProblem(rendered)
  if (!problem) return
  if (template === false || template === rendered) throw mk(field, problem)
  // Name the text the user wrote; show what it becomes for a sample match.
  const own = problem.replace(`'${rendered}'`, `'${template}'`)
  throw mk(field, `${own} (for a match such as 'sample/dir/file.txt' it becomes '${rendered}')`)
}

/** `~/x` would be a directory named '~' in the workspace, which is surely not what was meant. */
function home(mk: MakeError, field: string, text: string): void {
  if (text === '~' || text.startsWith('~/')) {
    throw mk(
      field,
      `'${text}' starts with '~', but the home directory is outside the workspace (write './~/…' for a directory named '~')`
    )
  }
}

/**
 * Static checks of every path, glob and template in one operation, before anything runs:
 * unknown placeholders, absolute or escaping paths, `.git/`, bad globs, templates without a match.
 */
export function checkOpPaths(op: DeclaredOp, mk: MakeError): void {
  if (op.shardBy !== undefined) parse(mk, 'shard-by', op.shardBy)
  if (op.each !== undefined) {
    const g = globProblem(op.each)
    if (g) throw mk('each', `${q(op.each)} ${g}`)
    const p = planPathProblem(op.each)
    if (p) throw mk('each', p)
    home(mk, 'each', op.each)
  }
  // A field that may name a match: only when there is one (glob/literal subject or `each`).
  const hasMatch =
    op.each !== undefined || (op.subject !== undefined && op.kind !== 'mkdir' && op.kind !== 'write')

  if (op.subject !== undefined) {
    const field = subjectField(op)
    const parts = parse(mk, field, op.subject)
    const vars = placeholders(parts)
    if (vars.length > 0 && op.each === undefined) {
      throw mk(
        field,
        `'${op.subject}' uses {${vars[0]}}, but a subject has no match to fill it in; add \`each: <glob>\` to fan out`
      )
    }
    const text = renderTemplate(parts, SAMPLE)
    if (isGlob(text)) {
      if (op.each !== undefined) {
        throw mk(field, `'${op.subject}' is a glob, but with \`each\` the subject is one path per match`)
      }
      if (op.kind === 'mkdir' || op.kind === 'write') {
        throw mk(field, `'${op.subject}' is a glob, but ${op.kind} takes a path; use \`each\` to fan out`)
      }
      const g = globProblem(text)
      if (g) throw mk(field, `${q(op.subject)} ${g}`)
    }
    checkPath(mk, field, text, vars.length > 0 && op.subject)
    home(mk, field, op.subject)
    if (normalizeRel(text) === '.' && op.kind !== 'run' && op.kind !== 'replace') {
      throw mk(field, `'${op.subject}' names the workspace root itself`)
    }
  } else if (op.kind !== 'run') {
    throw mk(subjectField(op), 'is missing')
  }

  if (op.to !== undefined) {
    const field = TO_FIELD[op.kind]
    const parts = parse(mk, field, op.to)
    const rendered = renderTemplate(parts, SAMPLE)
    if (op.kind === 'rename') {
      const bad = placeholders(parts).find(v => v === 'path' || v === 'dir' || v === 'relpath')
      if (bad)
        throw mk(
          field,
          `'${op.to}': {${bad}} holds a directory, but rename gives a new name in the same directory (use move to change directory)`
        )
      if (parts.some(p => typeof p === 'string' && p.includes('/'))) {
        throw mk(
          field,
          `'${op.to}' is a path, but rename takes a new name: it must not contain '/' (use move to change directory)`
        )
      }
      if (rendered === '.' || rendered === '..') throw mk(field, `'${rendered}' is not a file name`)
      checkPath(mk, field, rendered, op.to)
    } else {
      checkPath(mk, field, rendered, placeholders(parts).length > 0 && op.to)
      home(mk, field, op.to)
      // `to: ./` means "into the root, same name"; `to: .` would replace the root itself.
      if (normalizeRel(rendered) === '.' && !rendered.endsWith('/')) {
        throw mk(
          field,
          `'${op.to}' names the workspace root itself (end it with '/' to ${op.kind} into the root)`
        )
      }
    }
  }

  if (op.kind === 'run') {
    op.command?.forEach((arg, i) => {
      const field = `run.command[${i}]`
      if (arg === PATHS_ITEM) {
        if (op.batch === undefined)
          throw mk(field, `'{paths}' stands for the paths of a batch: add \`batch: N\`, or use '{path}'`)
        return
      }
      if (/(?<!\{)\{paths\}(?!\})/.test(arg))
        throw mk(field, `'${arg}': {paths} must be an argv item of its own (it becomes one item per path)`)
      const used = placeholders(parse(mk, field, arg))
      if (used.length > 0 && op.batch !== undefined) {
        throw mk(
          field,
          `'${arg}' uses {${used[0]}}, a placeholder of one path, in a batched command: a batch's paths come only through '{paths}'`
        )
      }
      if (used.length > 0 && !hasMatch) {
        throw mk(
          field,
          `'${arg}' uses a placeholder, but the operation has neither \`files\` nor \`each\` to fill it`
        )
      }
    })
    if (op.batch !== undefined && op.command && !op.command.includes(PATHS_ITEM)) {
      throw mk(
        'run.command',
        "a batched command needs an argv item that is exactly '{paths}' (or use shell: with BULK_OPS_PATHS_FILE)"
      )
    }
    if (op.shell !== undefined) {
      // `${path}` is a shell variable and `{{path}}` is not a placeholder: only a bare `{path}` looks like one.
      const spliced = [...PLACEHOLDERS, 'paths'].find(p =>
        new RegExp(`(?<![$\\{])\\{${p}\\}(?!\\})`).test(op.shell!)
      )
      if (spliced) {
        const use = op.batch !== undefined ? 'the file named by "$BULK_OPS_PATHS_FILE"' : '"$BULK_OPS_PATH"'
        throw mk(
          'run.shell',
          `{${spliced}} is not substituted in shell text (a file name must never run as code); use ${use} (or argv form, \`command:\`)`
        )
      }
    }
    for (const field of ['creates', 'removes'] as const) {
      const v = op[field]
      if (v === undefined) continue
      const parts = parse(mk, `run.${field}`, v)
      if (placeholders(parts).length > 0 && !hasMatch) {
        throw mk(
          `run.${field}`,
          `'${v}' uses a placeholder, but the operation has neither \`files\` nor \`each\` to fill it`
        )
      }
      const rendered = renderTemplate(parts, SAMPLE)
      if (isGlob(rendered)) throw mk(`run.${field}`, `'${v}' is a glob, but a guard is one path`)
      checkPath(mk, `run.${field}`, rendered, placeholders(parts).length > 0 && v)
    }
  }
}
