import * as core from '@actions/core'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { State } from '../constants.js'
import { errorMessage } from '../errors.js'
import { getInputs } from '../inputs.js'
import { Journal } from '../journal/journal.js'
import { writeReportFile } from '../report/report-file.js'
import { loadPlanFile } from '../plan/load.js'
import { ReportCarrier } from '../report/audit-store.js'
import { code, num } from '../report/escape.js'
import type { SummaryContext } from '../report/facts.js'
import { reportFromJournal } from '../report/from-journal.js'
import type { Report } from '../report/model.js'
import { renderCompact } from '../report/summary.js'
import { othersOf } from '../shard/assign.js'
import { checkpointer, makeStores } from './setup.js'
import { coreLogger, publish, ReportState, summaryContext } from './main.js'

/**
 * Post step (always): when the main step did not save its final checkpoint — it failed early,
 * was cancelled, or hit the job timeout — capture the checkpoint and upload it; when it could not
 * report, report from the journal (job summary, annotations, PR comment). Never fails the job.
 */
export async function runPost(): Promise<void> {
  try {
    const localDir = core.getState(State.LocalDir)
    if (!localDir) return
    const saved = core.getState(State.Saved) === 'true'
    const reported = core.getState(ReportState.Reported) === 'true'
    if (saved && reported) return
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
    const inputs = getInputs(name => core.getInput(name), workspace)
    const plan = await loadPlanFile(core.getState(State.PlanFile) || inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError
    })
    const reportPath = join(localDir, 'report.json')
    const stores = makeStores(inputs, plan, localDir, coreLogger).map(s => new ReportCarrier(s, reportPath))
    const cp = checkpointer(inputs, plan, localDir, stores, coreLogger)
    if (!existsSync(cp.paths.journal)) return

    // The report first: the final checkpoint's artifact carries it.
    let report: Report | undefined
    if (!reported) {
      try {
        report = reportFromJournal(plan, cp.paths.journal, {
          attempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? '') || undefined
        })
        if (inputs.shard) {
          const { state } = Journal.load(cp.paths.journal, { readOnly: true })
          report.shard = { ...inputs.shard, others: othersOf(state) }
        }
        const startedOver = stateJson<Report['startedOver']>(ReportState.StartedOver)
        if (startedOver) report.startedOver = startedOver
        mkdirSync(localDir, { recursive: true })
        writeReportFile(reportPath, report)
      } catch (err) {
        core.warning(`post step: cannot summarise the journal: ${errorMessage(err)}`)
      }
    }

    let keys: string[] = []
    let resumeAt: number | undefined
    if (!saved && existsSync(cp.paths.base)) {
      // capture() adds the snapshot a main step killed early did not write.
      const { state } = Journal.load(cp.paths.journal, { readOnly: true })
      resumeAt = state.firstUndone() ?? state.total
      core.info(
        `the main step did not save its checkpoint; saving it now (${state.total} operations known, resuming at #${resumeAt})`
      )
      if (stores.length) {
        await cp.reopen()
        keys = await cp.capture(true)
        if (keys.length)
          core.info(`checkpoint saved as ${keys.join(', ')}; "Re-run failed jobs" continues from it`)
      }
    }

    if (report) {
      const restoredFrom = stateJson<SummaryContext['restoredFrom']>(ReportState.RestoredFrom)
      const ctx = summaryContext(inputs, workspace, {
        byPostStep: true,
        restoredFrom,
        checkpointKey: keys[0] ?? (saved ? undefined : ''),
        storedBytes: stores.length ? cp.storedBytes() : undefined,
        reportArtifact: stores.find(s => s.artifact)?.artifact || undefined,
        reportPath
      })
      await publish(report, ctx, renderCompact(report, ctx), inputs, workspace)
    } else if (keys.length && inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
      // The main step's summary is there but could not name the checkpoint: add it.
      await core.summary
        .addRaw(
          `\n<sub>Post step: saved the checkpoint ${code(keys[0])}; "Re-run failed jobs" continues at #${num(resumeAt ?? 0)}.</sub>\n`
        )
        .write()
    }
  } catch (err) {
    core.warning(`post step: ${errorMessage(err)}`)
  }
}

/** A JSON value the main step saved in its state; undefined when absent or unreadable. */
function stateJson<T>(name: string): T | undefined {
  try {
    return (JSON.parse(core.getState(name) || 'null') as T | null) ?? undefined
  } catch {
    return undefined
  }
}
