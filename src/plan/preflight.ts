import { PlanError } from '../errors.js'
import { globPrefix, isGlob } from './glob-syntax.js'
import { subjectField } from './check.js'
import { opFieldLocation } from './load.js'
import { normalizeRel, type Sandbox } from './paths.js'
import { hasPlaceholders, literalText, parseTemplate, type TemplatePart } from './template.js'
import type { Plan } from './types.js'

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
function checkable(text: string, glob: boolean): { rel: string; dir: boolean } | null {
  if (glob && isGlob(text)) return { rel: globPrefix(text), dir: true }
  const parts = parseTemplate(text)
  if (hasPlaceholders(parts)) {
    const dir = staticDir(parts)
    return dir === null ? null : { rel: dir, dir: true }
  }
  const rel = literalText(text)
  return { rel, dir: rel.endsWith('/') }
}

/**
 * Checks every path that can be seen before anything runs (literal paths, glob prefixes,
 * the fixed directory part of templates) against the symlinks that exist now: a path that
 * leads outside the workspace through a symlink is a plan error, so nothing is changed.
 */
export async function preflight(plan: Plan, sandbox: Sandbox): Promise<void> {
  for (const op of plan.ops) {
    const check = async (
      field: string,
      text: string,
      what: { rel: string; dir: boolean } | null
    ): Promise<void> => {
      if (what === null || what.rel === '' || normalizeRel(what.rel) === '.') return
      try {
        if (what.dir) await sandbox.resolveDir(what.rel)
        else await sandbox.resolve(what.rel)
      } catch (err) {
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
    }
    if (op.each !== undefined) await check('each', op.each, checkable(op.each, true))
    if (op.subject !== undefined) {
      const glob = op.each === undefined && op.kind !== 'mkdir' && op.kind !== 'write'
      await check(subjectField(op), op.subject, checkable(op.subject, glob))
    }
    if (op.to !== undefined && op.kind !== 'rename') {
      await check(`${op.kind}.to`, op.to, checkable(op.to, false))
    }
    for (const f of ['creates', 'removes'] as const) {
      const v = op[f]
      if (v !== undefined) await check(`run.${f}`, v, checkable(v, false))
    }
  }
}
