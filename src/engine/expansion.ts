import { errorMessage } from '../errors.js'
import type { Fs } from '../fs/types.js'
import type { FrozenExpansion } from '../journal/state.js'
import type { WalRecord } from '../journal/wal.js'
import type { Logger } from '../logger.js'
import { collidingTargets } from '../plan/collisions.js'
import { expand, expandLiteral, type Expansion } from '../plan/expand.js'
import { MatchList } from '../plan/match-list.js'
import type { Sandbox } from '../plan/paths.js'
import type { DeclaredOp } from '../plan/types.js'
import { opLabel } from '../report/model.js'
import { isFanOut, splitMatches } from '../shard/assign.js'
import type { RunContext } from './context.js'

/** How many concrete operations an expansion yields: a failed expansion is one failing operation. */
export function concreteCount(exp: FrozenExpansion): number {
  return exp.error !== undefined ? 1 : exp.matches.length
}

/**
 * The frozen expansions of the run: a declared operation is expanded when the run reaches it,
 * and its expansion is recorded in the journal the first time (a dry-run keeps it in memory),
 * so a resumed run uses the recorded one, never a new glob.
 */
export class Expansions {
  private readonly dry: FrozenExpansion[] = []
  private drySeq = 0

  constructor(private readonly ctx: RunContext) {}

  /** The expansion of `decl` if it was frozen already. */
  frozen(decl: DeclaredOp): FrozenExpansion | undefined {
    return this.ctx.dryRun ? this.dry[decl.index] : this.ctx.state!.expansions[decl.index]
  }

  /** Expands `decl` now and freezes the result, which gets the next seqs. */
  async freeze(decl: DeclaredOp): Promise<FrozenExpansion> {
    const { ctx } = this
    return this.frozenNow(decl, await expandNow(decl, ctx.sandbox, ctx.fs, ctx.logger, this.where(decl)))
  }

  /**
   * `freeze` for a declared operation that names its one path (no glob), without a promise
   * (one per declared operation of an explicit plan); undefined for a glob.
   */
  freezeLiteral(decl: DeclaredOp): FrozenExpansion | undefined {
    const exp = expandLiteralNow(decl, this.ctx.logger, this.where(decl))
    return exp ? this.frozenNow(decl, exp) : undefined
  }

  private where(decl: DeclaredOp): { inShard: boolean } {
    return { inShard: !!this.ctx.o.shard && isFanOut(decl) }
  }

  private frozenNow(decl: DeclaredOp, exp: FrozenExpansion): FrozenExpansion {
    const { ctx } = this
    const { shard } = ctx.o
    if (shard && isFanOut(decl) && exp.error === undefined) {
      const { own, others } = splitMatches(decl, exp.matches, exp.base, shard)
      exp.matches = own
      if (others.length) exp.others = others
    }
    if (ctx.dryRun) {
      exp.seq0 = this.drySeq
      this.drySeq += concreteCount(exp)
      return (this.dry[decl.index] = exp)
    }
    // Built whole in the common case (one per declared operation of an explicit plan).
    const rec: WalRecord = { t: 'exp', d: decl.index, b: exp.base, m: exp.matches }
    if (exp.error !== undefined) rec.n = exp.error
    if (exp.others) rec.o = exp.others
    ctx.journal!.record(rec)
    return ctx.state!.expansions[decl.index]!
  }
}

/**
 * Expands one declared operation over the workspace as it is now: its matches, or the error
 * that fails it as a whole (a glob that matched nothing under if-no-match: error, a path that
 * escapes the workspace).
 */
export async function expandNow(
  decl: DeclaredOp,
  sandbox: Sandbox,
  fs: Fs,
  logger: Logger,
  o: { inShard?: boolean } = {}
): Promise<FrozenExpansion> {
  let e: Expansion
  try {
    e = await expand(decl, sandbox, fs)
  } catch (err) {
    return failedExpansion(decl, err)
  }
  return settled(decl, e, logger, o)
}

/** `expandNow` for a declared operation that names its one path (no glob); null for a glob. */
export function expandLiteralNow(
  decl: DeclaredOp,
  logger: Logger,
  o: { inShard?: boolean } = {}
): FrozenExpansion | null {
  let e: Expansion | null
  try {
    e = expandLiteral(decl)
  } catch (err) {
    return failedExpansion(decl, err)
  }
  return e && settled(decl, e, logger, o)
}

function what(decl: DeclaredOp): string {
  return decl.each !== undefined ? `each: ${decl.each}` : `${decl.subject}`
}

function failedExpansion(decl: DeclaredOp, err: unknown): FrozenExpansion {
  return {
    seq0: 0,
    base: '.',
    matches: MatchList.EMPTY,
    error: `cannot expand '${what(decl)}': ${errorMessage(err)}`
  }
}

/** An expansion's outcome: its matches, or the error that fails the declared operation as a whole. */
function settled(decl: DeclaredOp, e: Expansion, logger: Logger, o: { inShard?: boolean }): FrozenExpansion {
  try {
    for (const w of e.warnings ?? []) logger.warning(`${opLabel(decl.index, decl.id)} (${decl.kind}): ${w}`)
    if (e.noMatch && o.inShard) {
      // Other shards may have made what this glob looks for: the merge judges the whole plan.
      logger.info(
        `${opLabel(decl.index, decl.id)} (${decl.kind}): glob '${what(decl)}' matched nothing in this shard; the merge fails it if it matched nothing in any shard (if-no-match: error)`
      )
      return { seq0: 0, base: e.base, matches: MatchList.EMPTY }
    }
    if (e.noMatch)
      return {
        seq0: 0,
        base: e.base,
        matches: MatchList.EMPTY,
        error: `glob '${what(decl)}' matched nothing (if-no-match: error)`
      }
    const collision = collidingTargets(decl, e.matches, e.base)
    if (collision) return { seq0: 0, base: e.base, matches: MatchList.EMPTY, error: collision }
    if (e.matches.length === 0 && decl.policy.ifNoMatch === 'warn') {
      logger.warning(`${opLabel(decl.index, decl.id)} (${decl.kind}): glob '${what(decl)}' matched nothing`)
    }
    return { seq0: 0, base: e.base, matches: e.matches }
  } catch (err) {
    return failedExpansion(decl, err)
  }
}
