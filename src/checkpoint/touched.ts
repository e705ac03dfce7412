import { St, type RunState } from '../journal/state.js'
import { resolveOp } from '../plan/expand.js'
import type { Plan } from '../plan/types.js'

/**
 * Workspace-relative paths that executed file operations acted on, from the journal: the
 * delta adds them even where .gitignore matches. (What `run` commands change is captured as git
 * sees it.)
 */
export function touchedPaths(plan: Plan, state: RunState): Set<string> {
  const out = new Set<string>()
  for (const decl of plan.ops) {
    if (decl.kind === 'run') continue
    const exp = state.expansions[decl.index]
    if (!exp || exp.error !== undefined) continue
    for (let i = 0; i < exp.matches.length; i++) {
      const seq = exp.seq0 + i
      if (state.status[seq] !== St.Executed && state.status[seq] !== St.Started) continue
      try {
        const op = resolveOp(decl, exp.matches.get(i), exp.base, seq)
        if (op.src) out.add(op.src)
        if (op.dst) out.add(op.dst)
      } catch {
        // an unsafe rendered path never ran
      }
    }
  }
  return out
}
