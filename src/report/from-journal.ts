import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import { WAL_FILE } from '../journal/journal.js'
import { RunState, St } from '../journal/state.js'
import { replayBuffer } from '../journal/wal.js'
import { resolveOp } from '../plan/expand.js'
import type { Plan } from '../plan/types.js'
import { opLabel, type Counts, type OpReport, type Reason, type Report } from './model.js'

/**
 * The report of an attempt whose main step was cancelled or killed before it could write one,
 * rebuilt from its journal (for the post step). The journal's records say what this attempt
 * executed, skipped (and why) and failed; what it did not finish is pending, except a failure
 * that has used up its tries, which a re-run gives up on. One pass over the journal.
 */
export function reportFromJournal(
  plan: Plan,
  journalDir: string,
  o: { attempt?: number; now?: number } = {}
): Report {
  const wal = join(journalDir, WAL_FILE)
  const { records } = replayBuffer(existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0))
  const attempt = o.attempt ?? records.reduce((a, r) => (r.t === 'begin' ? r.a : a), 0)
  const state = new RunState()
  let resumedFrom: number | null = null
  let began: number | undefined
  const skippedWhy = new Map<number, string>()
  const failedNow = new Set<number>()
  for (const r of records) {
    if (r.t === 'begin' && r.a === attempt) {
      // The last begin of this attempt is the one that was running.
      resumedFrom = state.total > 0 ? (state.firstUndone() ?? state.total) : null
      began = r.at
      skippedWhy.clear()
      failedNow.clear()
    } else if (r.t === 'k' && r.a === attempt) skippedWhy.set(r.q, r.r)
    else if (r.t === 'f' && r.a === attempt) failedNow.add(r.q)
    state.apply(r)
  }

  const counts: Counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 }
  const operations: OpReport[] = []
  const push = (r: OpReport): void => {
    operations.push(r)
    counts.total++
    counts[r.outcome]++
  }
  const doneNow = attempt & 0xffff
  for (const decl of plan.ops) {
    const op = opLabel(decl.index, decl.id)
    const exp = state.expansions[decl.index]
    if (!exp) {
      push({
        seq: null,
        op,
        kind: decl.kind,
        from: decl.each ?? decl.subject ?? null,
        to: decl.to ?? null,
        outcome: 'pending',
        reason: 'signal',
        attempts: 0,
        error: null
      })
      continue
    }
    const count = exp.error !== undefined ? 1 : exp.matches.length
    for (let i = 0; i < count; i++) {
      const seq = exp.seq0 + i
      const r: OpReport = {
        seq,
        op,
        kind: decl.kind,
        from: null,
        to: null,
        outcome: 'pending',
        reason: null,
        attempts: state.tries[seq],
        error: null
      }
      if (exp.error !== undefined) r.from = decl.each ?? decl.subject ?? null
      else {
        try {
          const resolved = resolveOp(decl, exp.matches.get(i), exp.base, seq)
          r.from = resolved.src ?? null
          r.to = resolved.dst ?? null
        } catch (err) {
          r.from = exp.matches.get(i) || null
          r.detail = errorMessage(err)
        }
      }
      const st = state.status[seq]
      const gaveUp = state.tries[seq] >= decl.policy.maxAttempts
      if (st === St.Executed || st === St.Skipped) {
        if (state.doneBy[seq] !== doneNow) Object.assign(r, { outcome: 'skipped', reason: 'done-earlier' })
        else if (st === St.Executed) r.outcome = 'executed'
        else Object.assign(r, { outcome: 'skipped', reason: (skippedWhy.get(seq) ?? 'satisfied') as Reason })
      } else if (st === St.Failed && (failedNow.has(seq) || gaveUp)) {
        Object.assign(r, {
          outcome: 'failed',
          reason: gaveUp ? 'gave-up' : null,
          error: state.errors.get(seq) ?? null
        })
      } else {
        r.reason = 'signal'
        if (st === St.Started)
          r.detail = 'was running when the step stopped; a re-run checks whether it finished'
      }
      push(r)
    }
  }
  const now = o.now ?? Date.now()
  const startedAt = began ?? now
  return {
    version: 1,
    planId: plan.planId,
    attempt,
    complete: counts.pending === 0,
    resumedFrom,
    dryRun: false,
    stoppedBy: counts.pending ? 'signal' : null,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Math.max(0, now - startedAt),
    counts,
    attempts: state.attempts,
    operations
  }
}
