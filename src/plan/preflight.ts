import { PlanError } from '../errors.js'
import { globPrefix, isGlob } from './glob-syntax.js'
import { subjectField } from './check.js'
import { normalizeRel, type Sandbox } from './paths.js'
import type { Plan } from './types.js'

/** The directory part of a template's text before its first placeholder (`docs/{name}` → `docs`). */
function staticDir(template: string): string | null {
  const cut = template.search(/\{(?!\{)/)
  const head = cut < 0 ? template : template.slice(0, cut)
  const slash = head.lastIndexOf('/')
  return slash > 0 ? head.slice(0, slash) : null
}

/**
 * Checks every path that can be seen before anything runs (literal paths, glob prefixes,
 * the fixed directory part of templates) against the symlinks that exist now: a parent
 * that leads outside the workspace is a plan error, so nothing is changed.
 */
export async function preflight(plan: Plan, sandbox: Sandbox): Promise<void> {
  for (const op of plan.ops) {
    const fail = (field: string, err: unknown): PlanError =>
      new PlanError((err as Error).message, {
        file: plan.file,
        line: op.line,
        op: op.index,
        id: op.id,
        kind: op.kind,
        field
      })
    const check = async (field: string, rel: string | null): Promise<void> => {
      if (rel === null || rel === '' || normalizeRel(rel) === '.') return
      try {
        await sandbox.resolve(normalizeRel(rel))
      } catch (err) {
        throw fail(field, err)
      }
    }
    if (op.each !== undefined) await check('each', isGlob(op.each) ? globPrefix(op.each) : op.each)
    if (op.subject !== undefined) {
      const field = subjectField(op)
      if (op.each !== undefined) await check(field, staticDir(op.subject))
      else
        await check(
          field,
          isGlob(op.subject) ? globPrefix(op.subject) : op.subject.replace(/\{\{/g, '{').replace(/\}\}/g, '}')
        )
    }
    if (op.to !== undefined && op.kind !== 'rename')
      await check(`${op.kind}.to`, staticDir(op.to) ?? (op.to.includes('{') ? null : op.to))
    for (const f of ['creates', 'removes'] as const) {
      const v = op[f]
      if (v !== undefined) await check(`run.${f}`, v.includes('{') ? staticDir(v) : v)
    }
  }
}
