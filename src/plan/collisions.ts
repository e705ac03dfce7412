import { posix } from 'node:path'
import type { ResolvedOp } from '../ops/types.js'
import { resolveOp } from './expand.js'
import type { MatchList } from './match-list.js'
import type { DeclaredOp } from './types.js'

/** How many colliding targets a message names, and how many sources of each. */
const NAMED_TARGETS = 5
const NAMED_SOURCES = 10

/** The path a concrete operation produces or acts on; commands have none of their own. */
function targetOf(op: ResolvedOp): string | undefined {
  return op.kind === 'run' ? undefined : (op.dst ?? op.src)
}

function quoteList(paths: string[]): string {
  const named = paths.slice(0, NAMED_SOURCES).map(p => `'${p}'`)
  if (paths.length > NAMED_SOURCES) named.push(`and ${paths.length - NAMED_SOURCES} more`)
  return named.join(', ')
}

/**
 * Why the concrete operations of one expansion cannot all run (DESIGN §2, colliding targets):
 * two of them with the same target, or one target inside another's (unless the inner one's
 * source lies at the same place inside the outer one's, so that the outer carries it). Null when
 * they are independent. Matches whose rendered paths are unsafe are left to fail on their own.
 */
export function collidingTargets(decl: DeclaredOp, matches: MatchList, base: string): string | null {
  if (decl.kind === 'run' || matches.length < 2) return null
  // A delete or replace of its own matches has as many targets as distinct matches.
  if (decl.each === undefined && (decl.kind === 'delete' || decl.kind === 'replace')) return null
  const sources = new Map<string, string[]>()
  for (let i = 0; i < matches.length; i++) {
    const match = matches.get(i)
    let op: ResolvedOp
    try {
      op = resolveOp(decl, match, base, i)
    } catch {
      continue
    }
    const t = targetOf(op)
    if (t === undefined) continue
    const from = op.src ?? match
    const list = sources.get(t)
    if (list) list.push(from)
    else sources.set(t, [from])
  }
  const problems: string[] = []
  let count = 0
  for (const [target, from] of sources) {
    if (from.length > 1) {
      if (count++ < NAMED_TARGETS) problems.push(`target '${target}' is where ${quoteList(from)} all go`)
    }
    for (let d = posix.dirname(target); d !== '.' && d !== '/'; d = posix.dirname(d)) {
      const outer = sources.get(d)
      if (!outer) continue
      // A match inside another match, landing at the same place inside the other's target, is
      // carried along by it (`legacy/**` moved as a directory and as its files): no collision.
      const carried = outer.length === 1 && from.length === 1 && from[0] === outer[0] + target.slice(d.length)
      if (!carried && count++ < NAMED_TARGETS)
        problems.push(
          `target '${target}' (from ${quoteList(from)}) lies inside target '${d}' (from ${quoteList(outer)})`
        )
      break
    }
  }
  if (!problems.length) return null
  const more = count > NAMED_TARGETS ? `; and ${count - NAMED_TARGETS} more` : ''
  return `its targets collide, so none of its ${matches.length} operations runs: ${problems.join('; ')}${more}`
}
