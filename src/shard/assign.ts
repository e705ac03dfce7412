import type { RunState } from '../journal/state.js'
import { expandsLiterally } from '../plan/expand.js'
import { MatchListBuilder, type MatchList } from '../plan/match-list.js'
import { parseTemplate, renderTemplate, templateVars, type TemplatePart } from '../plan/template.js'
import type { DeclaredOp } from '../plan/types.js'

/** The `shard-by` a fan-out uses when the plan names none: a file keeps its shard through moves and extension renames. */
export const DEFAULT_SHARD_BY = '{stem}'

/** Shard `index` of `count` (1 ≤ index ≤ count ≤ MAX_SHARDS). */
export interface ShardSpec {
  index: number
  count: number
}

export const MAX_SHARDS = 256

/** `2/3` → `shard 2 of 3`, for messages. */
export function shardText(s: ShardSpec): string {
  return `shard ${s.index} of ${s.count}`
}

/** The part of checkpoint keys and artifact names that keeps shards apart: `shard2of3`. */
export function shardTag(s: ShardSpec): string {
  return `shard${s.index}of${s.count}`
}

/**
 * 32-bit FNV-1a of the key's UTF-8 bytes: fixed by its definition, so every runner, attempt and
 * version of Node assigns a key to the same shard.
 */
export function fnv1a(key: string): number {
  let h = 0x811c9dc5
  for (const b of Buffer.from(key, 'utf8')) {
    h ^= b
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** The shard (1-based) of `count` a key belongs to. */
export function shardOfKey(key: string, count: number): number {
  return 1 + (fnv1a(key) % count)
}

/** True when a declared operation's concrete operations are shared out between shards (a glob fans it out). */
export function isFanOut(decl: DeclaredOp): boolean {
  return !expandsLiterally(decl)
}

const parsed = new WeakMap<DeclaredOp, TemplatePart[]>()

/** The shard-by key of one match of a fan-out. */
export function shardKey(decl: DeclaredOp, match: string, base: string): string {
  let t = parsed.get(decl)
  if (!t) parsed.set(decl, (t = parseTemplate(decl.shardBy ?? DEFAULT_SHARD_BY)))
  return renderTemplate(t, templateVars(match || '.', base))
}

/** The shard (1-based) one match of a fan-out belongs to. */
export function shardOf(decl: DeclaredOp, match: string, base: string, count: number): number {
  return shardOfKey(shardKey(decl, match, base), count)
}

/** Splits a fan-out's matches into this shard's and the other shards', each in match order. */
export function splitMatches(
  decl: DeclaredOp,
  matches: MatchList,
  base: string,
  shard: ShardSpec
): { own: MatchList; others: MatchList } {
  const own = new MatchListBuilder()
  const others = new MatchListBuilder()
  for (const m of matches) (shardOf(decl, m, base, shard.count) === shard.index ? own : others).push(m)
  return { own: own.finish(), others: others.finish() }
}

/** How many concrete operations of a shard's frozen expansions belong to other shards. */
export function othersOf(state: RunState): number {
  return state.expansions.reduce((n, e) => n + (e?.others?.length ?? 0), 0)
}
