import { PlanError } from '../errors.js'
import { globPrefix, isGlob } from './glob-syntax.js'
import { subjectField } from './check.js'
import { opFieldLocation } from './load.js'
import { normalizeRel, type Sandbox } from './paths.js'
import { hasPlaceholders, isPlainText, literalText, parseTemplate, type TemplatePart } from './template.js'
import type { DeclaredOp, Plan } from './types.js'

/** The directory part of a template's text before its first placeholder (`docs/{name}` → `docs`). */
function staticDir(parts: TemplatePart[]): string | null {
  const first = parts[0]
  const head = typeof first === 'string' ? first : ''
  const slash = head.lastIndexOf('/')
  return slash > 0 ? head.slice(0, slash) : null
}

/**
 * What of a path field can be checked now: a literal path (its parents must stay inside), or a
 * directory that will be looked into (a glob's prefix, a template's fixed part; it counts itself).
 */
function checkable(text: string, glob: boolean): Checkable {
  if (glob && isGlob(text)) return { rel: globPrefix(text), dir: true }
  if (isPlainText(text)) return { rel: text, dir: text.endsWith('/') }
  const parts = parseTemplate(text)
  if (hasPlaceholders(parts)) {
    const dir = staticDir(parts)
    return dir === null ? null : { rel: dir, dir: true }
  }
  const rel = literalText(text)
  return { rel, dir: rel.endsWith('/') }
}

type Checkable = { rel: string; dir: boolean } | null

/**
 * Checks every path that can be seen before anything runs (literal paths, glob prefixes,
 * the fixed directory part of templates) against the symlinks that exist now: a path that
 * leads outside the workspace through a symlink is a plan error, so nothing is changed.
 */
export async function preflight(plan: Plan, sandbox: Sandbox): Promise<void> {
  for (const op of plan.ops) {
    // Each check is awaited only when it returned a promise: most fields of a large explicit plan
    // are decided at once.
    let p =
      op.each !== undefined
        ? checkField(plan, sandbox, op, 'each', op.each, checkable(op.each, true))
        : undefined
    if (p) await p
    if (op.subject !== undefined && !plainAndKnown(sandbox, op.subject)) {
      const glob = op.each === undefined && op.kind !== 'mkdir' && op.kind !== 'write'
      p = checkField(plan, sandbox, op, subjectField(op), op.subject, checkable(op.subject, glob))
      if (p) await p
    }
    if (op.to !== undefined && op.kind !== 'rename' && !plainAndKnown(sandbox, op.to)) {
      p = checkField(plan, sandbox, op, `${op.kind}.to`, op.to, checkable(op.to, false))
      if (p) await p
    }
    for (const f of GUARDS) {
      const v = op[f]
      p = v === undefined ? undefined : checkField(plan, sandbox, op, `run.${f}`, v, checkable(v, false))
      if (p) await p
    }
  }
}

const GUARDS = ['creates', 'removes'] as const

/**
 * A literal path (no braces, no glob) that the sandbox already knows to stay inside: its check
 * would pass, so it is not made (most fields of a large explicit plan).
 */
function plainAndKnown(sandbox: Sandbox, text: string): boolean {
  return isPlainText(text) && !isGlob(text) && sandbox.knownInside(text)
}

/** One field's check; a plan error names the text the user wrote, the operation and the field. */
function checkField(
  plan: Plan,
  sandbox: Sandbox,
  op: DeclaredOp,
  field: string,
  text: string,
  what: Checkable
): Promise<void> | undefined {
  if (what === null || what.rel === '' || normalizeRel(what.rel) === '.') return
  // A path whose parent's verdict is cached needs no promise (most of a large explicit plan).
  if (!what.dir && sandbox.resolveKnown(what.rel) !== undefined) return
  return (what.dir ? sandbox.resolveDir(what.rel) : sandbox.resolve(what.rel)).then(
    () => undefined,
    (err: unknown) => {
      // Name the text the user wrote (`out/*.md`), not only the part that was checked (`out`).
      const message = (err as Error).message.replace(`'${what.rel}' `, `'${text}' `)
      throw new PlanError(message, {
        file: plan.file,
        ...opFieldLocation(plan, op, field),
        op: op.index,
        id: op.id,
        kind: op.kind,
        field
      })
    }
  )
}
