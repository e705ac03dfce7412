import * as core from '@actions/core'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Outputs, State } from '../constants.js'
import { errorMessage } from '../errors.js'
import { runPlan } from '../engine.js'
import { getInputs } from '../inputs.js'
import { writeAtomic } from '../journal/snapshot.js'
import type { Logger } from '../logger.js'
import { loadPlanFile } from '../plan/load.js'
import { Sandbox } from '../plan/paths.js'
import { preflight } from '../plan/preflight.js'
import { renderMarkdown } from '../report/markdown.js'

/** The action's logger: @actions/core, so lines land in the job log with their levels. */
export const coreLogger: Logger = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  error: m => core.error(m),
  debug: m => core.debug(m)
}

/** Main step: read inputs, run the plan with a journal under RUNNER_TEMP, set outputs, fail the step when unfinished. */
export async function runMain(): Promise<void> {
  try {
    const token = core.getInput('github-token')
    if (token) core.setSecret(token)
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
    const inputs = getInputs(name => core.getInput(name), workspace)
    const plan = await loadPlanFile(inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError
    })
    const sandbox = new Sandbox(inputs.workingDirectory)
    await sandbox.init()
    await preflight(plan, sandbox)
    const temp = resolve(process.env.RUNNER_TEMP ?? join(workspace, '..', '.bulk-ops-temp'))
    const stateDir = join(temp, 'bulk-ops', plan.planId)
    mkdirSync(stateDir, { recursive: true })
    core.saveState(State.StateDir, stateDir)
    core.saveState(State.PlanId, plan.planId)

    const controller = new AbortController()
    const onSignal = (sig: string): void => {
      core.warning(`${sig} received: stopping after the running operation`)
      controller.abort()
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? '') || undefined
    const { report } = await runPlan({
      plan,
      workspace: inputs.workingDirectory,
      stateDir,
      dryRun: inputs.dryRun,
      attempt,
      timeBudgetMs: inputs.timeBudgetMs,
      signal: controller.signal,
      logger: coreLogger,
      checkpointEveryMs: inputs.checkpointEveryMs
    })
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)

    const reportPath = join(temp, `bulk-ops-report-${plan.planId}.json`)
    writeAtomic(reportPath, JSON.stringify(report, null, 2) + '\n')
    const summary = renderMarkdown(report)
    const c = report.counts
    core.setOutput(Outputs.Total, c.total)
    core.setOutput(Outputs.Executed, c.executed)
    core.setOutput(Outputs.Skipped, c.skipped)
    core.setOutput(Outputs.Failed, c.failed)
    core.setOutput(Outputs.Pending, c.pending)
    core.setOutput(Outputs.Complete, String(report.complete))
    core.setOutput(Outputs.Resumed, String(report.resumedFrom !== null))
    core.setOutput(Outputs.ResumedFrom, report.resumedFrom === null ? '' : String(report.resumedFrom))
    core.setOutput(Outputs.PlanId, plan.planId)
    core.setOutput(Outputs.Report, reportPath)
    core.setOutput(Outputs.Summary, summary)
    core.setOutput(Outputs.CheckpointKey, '')
    if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write()
    core.saveState(State.Finished, 'true')
    if (c.failed > 0) core.setFailed(`${c.failed} of ${c.total} operations failed`)
    else if (c.pending > 0)
      core.setFailed(
        `${c.pending} of ${c.total} operations are pending (${report.stoppedBy}); re-run to continue`
      )
  } catch (err) {
    core.setFailed(errorMessage(err))
  }
}
