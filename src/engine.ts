import { openRun, snapshotSafely } from './engine/context.js'
import type { RunOptions, RunResult } from './engine/options.js'
import { ReportBuilder } from './engine/report.js'
import { Scheduler } from './engine/scheduler.js'
import { boundYoungGeneration } from './heap.js'
import { endCommands } from './ops/command.js'

export type { RunOptions, RunResult } from './engine/options.js'

/**
 * The resumable run of a plan. Data flows one way: openRun opens the workspace and the journal
 * (the context); the Scheduler walks the declared operations, freezes each expansion when
 * reached and hands every concrete operation to the execution (engine/execute.ts: check,
 * journal, apply, retry), whose outcome the ReportBuilder collects; the attempt's end is
 * recorded and snapshotted, and the report assembled. Per operation the journal does O(1) work.
 */
export async function runPlan(o: RunOptions): Promise<RunResult> {
  boundYoungGeneration()
  const ctx = await openRun(o)
  const report = new ReportBuilder(o.onProgress)
  try {
    await new Scheduler(ctx, report).run()
  } finally {
    await endCommands(ctx.env)
  }
  ctx.stopper.dispose()
  const { counts } = report
  const how = ctx.stopper.stoppedBy ?? (counts.failed > 0 ? 'failed' : 'complete')
  const { journal } = ctx
  journal?.record({
    t: 'end',
    a: ctx.attempt,
    at: ctx.now(),
    how,
    ex: counts.executed,
    sk: counts.skipped,
    fl: counts.failed,
    pe: counts.pending
  })
  if (journal) {
    // The caller takes the final checkpoint (with its stores) once the report is known.
    snapshotSafely(ctx)
    journal.close()
  }
  return report.finish(ctx)
}
