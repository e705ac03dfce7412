import {
  PLACEHOLDERS,
  TemplateError,
  parseTemplate,
  renderTemplate,
  templateVars,
  type Placeholder
} from './template.js'
import { globProblem, isGlob } from './glob-syntax.js'
import { normalizeRel, pathProblem } from './paths.js'
import type { DeclaredOp } from './types.js'

type MakeError = (field: string, detail: string) => Error

const SAMPLE = templateVars('sample/dir/file.txt', 'sample')

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
      return `${op.kind}.from`
  }
}

/**
 * Static checks of every path, glob and template in one operation, before anything runs:
 * unknown placeholders, absolute or escaping paths, `.git/`, bad globs, templates without a match.
 */
export function checkOpPaths(op: DeclaredOp, mk: MakeError): void {
  const parse = (field: string, text: string): ReturnType<typeof parseTemplate> => {
    try {
      return parseTemplate(text)
    } catch (e) {
      if (e instanceof TemplateError) throw mk(field, e.message)
      throw e
    }
  }
  const placeholders = (parts: ReturnType<typeof parseTemplate>): Placeholder[] =>
    parts.flatMap(p => (typeof p === 'string' ? [] : [p.var]))
  const checkPath = (field: string, rendered: string, template: boolean): void => {
    const problem = pathProblem(rendered)
    if (problem) throw mk(field, template ? `${problem} (as rendered for a sample match)` : problem)
  }

  if (op.each !== undefined) {
    const g = globProblem(op.each)
    if (g) throw mk('each', g)
    const p = pathProblem(op.each)
    if (p) throw mk('each', p)
  }
  // A field that may name a match: only when there is one (glob/literal subject or `each`).
  const hasMatch =
    op.each !== undefined || (op.subject !== undefined && !['mkdir', 'write'].includes(op.kind))

  if (op.subject !== undefined) {
    const field = subjectField(op)
    const parts = parse(field, op.subject)
    const vars = placeholders(parts)
    if (vars.length > 0 && op.each === undefined) {
      throw mk(field, `placeholder {${vars[0]}} needs \`each\`: the subject itself has no match to fill it`)
    }
    const text = renderTemplate(parts, SAMPLE)
    if (isGlob(text)) {
      if (op.each !== undefined) throw mk(field, 'with `each`, the subject is a path, not a glob')
      if (op.kind === 'mkdir' || op.kind === 'write') {
        throw mk(field, `${op.kind} takes a path, not a glob; use \`each\` to fan out`)
      }
      const g = globProblem(text)
      if (g) throw mk(field, g)
    }
    checkPath(field, text, vars.length > 0)
    if (normalizeRel(text) === '.' && op.kind !== 'run' && op.kind !== 'replace') {
      throw mk(field, 'names the workspace root itself')
    }
  } else if (op.kind !== 'run') {
    throw mk(subjectField(op), 'is missing')
  }

  if (op.to !== undefined) {
    const field = `${op.kind}.to`
    const parts = parse(field, op.to)
    const rendered = renderTemplate(parts, SAMPLE)
    if (op.kind === 'rename') {
      const bad = placeholders(parts).find(v => v === 'path' || v === 'dir' || v === 'relpath')
      if (bad)
        throw mk(
          field,
          `{${bad}} holds a directory; rename gives a new name in the same directory (use move)`
        )
      if (parts.some(p => typeof p === 'string' && p.includes('/'))) {
        throw mk(field, "is a name, not a path: it must not contain '/' (use move to change directory)")
      }
      if (rendered === '.' || rendered === '..') throw mk(field, `'${rendered}' is not a file name`)
      checkPath(field, rendered, true)
    } else {
      checkPath(field, rendered, placeholders(parts).length > 0)
      if (normalizeRel(rendered) === '.') throw mk(field, 'names the workspace root itself')
    }
  }

  if (op.kind === 'run') {
    op.command?.forEach((arg, i) => {
      const parts = parse(`run.command[${i}]`, arg)
      if (placeholders(parts).length > 0 && !hasMatch) {
        throw mk(`run.command[${i}]`, 'uses a placeholder, but the operation has neither `files` nor `each`')
      }
    })
    if (op.shell !== undefined) {
      const spliced = PLACEHOLDERS.find(p => op.shell!.includes(`{${p}}`))
      if (spliced) {
        throw mk(
          'run.shell',
          `{${spliced}} is not substituted in shell text (that would let a file name run as code); use "$BULK_OPS_PATH"`
        )
      }
    }
    for (const field of ['creates', 'removes'] as const) {
      const v = op[field]
      if (v === undefined) continue
      const parts = parse(`run.${field}`, v)
      if (placeholders(parts).length > 0 && !hasMatch) {
        throw mk(`run.${field}`, 'uses a placeholder, but the operation has neither `files` nor `each`')
      }
      const rendered = renderTemplate(parts, SAMPLE)
      if (isGlob(rendered)) throw mk(`run.${field}`, 'is a path, not a glob')
      checkPath(`run.${field}`, rendered, placeholders(parts).length > 0)
    }
  }
}
