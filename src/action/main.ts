import * as core from '@actions/core'
import { mkdirSync, rmSync } from 'node:fs'
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
import type { Report } from '../report/model.js'
import type { Checkpointer, RestoreResult } from '../checkpoint/manager.js'
import { checkpointer, localDirFor, makeStores } from './setup.js'

/** The action's logger: @actions/core, so lines land in the job log with their levels. */
export const coreLogger: Logger = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  error: m => core.error(m),
  debug: m => core.debug(m)
}

/**
 * Main step: read inputs, restore the newest usable checkpoint, run the plan with periodic
 * checkpoints, save the final one, set outputs. Fails the step when anything failed or is pending.
 */
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
    const localDir = localDirFor(plan.planId, inputs.key)
    core.saveState(State.LocalDir, localDir)
    core.saveState(State.PlanFile, inputs.plan)
    core.saveState(State.Workspace, inputs.workingDirectory)
    core.setOutput(Outputs.PlanId, plan.planId)

    if (inputs.dryRun) {
      const { report } = await runPlan({
        plan,
        workspace: inputs.workingDirectory,
        dryRun: true,
        logger: coreLogger
      })
      core.saveState(State.Saved, 'true')
      await finish(report, localDir, inputs.summary, '', null)
      return
    }

    rmSync(localDir, { recursive: true, force: true })
    const stores = makeStores(inputs, plan, localDir, coreLogger)
    const cp = checkpointer(inputs, plan, localDir, stores, coreLogger)
    let restore: RestoreResult = { restored: false, reverify: false }
    let canCheckpoint = stores.length > 0
    try {
      await cp.begin()
    } catch (err) {
      if (stores.length) core.warning(`checkpoints are disabled: ${errorMessage(err)}`)
      canCheckpoint = false
    }
    if (inputs.resume !== 'never' && canCheckpoint) {
      restore = await core.group('Restore checkpoint', () => cp.restore(inputs.resumeScope))
    }
    if (inputs.resume === 'require' && !restore.restored) {
      throw new Error(
        `resume: require, but no checkpoint of plan ${plan.planId} was found for this ${inputs.resumeScope === 'run' ? 'run' : 'ref'}` +
          (canCheckpoint ? '' : ' (checkpoint stores are not available here)')
      )
    }

    const controller = new AbortController()
    let signalled = false
    const onSignal = (sig: string): void => {
      signalled = true
      core.warning(
        `${sig} received: stopping after the running operation; the post step saves the checkpoint`
      )
      controller.abort()
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    const { report } = await runPlan({
      plan,
      workspace: inputs.workingDirectory,
      stateDir: cp.paths.journal,
      attempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? '') || undefined,
      timeBudgetMs: inputs.timeBudgetMs,
      signal: controller.signal,
      logger: coreLogger,
      checkpointEveryMs: inputs.checkpointEveryMs,
      reverifyDone: restore.reverify,
      onCheckpoint: canCheckpoint ? async j => void (await cp.capture(false, j.state)) : undefined
    })
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)

    if (canCheckpoint && !signalled) {
      await core.group('Save checkpoint', async () => {
        await cp.capture(true)
        if (report.complete && report.counts.failed === 0) for (const s of stores) await s.cleanup()
      })
      core.saveState(State.Saved, 'true')
    } else if (!canCheckpoint) {
      core.saveState(State.Saved, 'true')
    }
    await finish(report, localDir, inputs.summary, cp.lastKey, restore, cp)
  } catch (err) {
    core.setFailed(errorMessage(err))
  }
}

async function finish(
  report: Report,
  localDir: string,
  summary: boolean,
  checkpointKey: string,
  restore: RestoreResult | null,
  cp?: Checkpointer
): Promise<void> {
  mkdirSync(localDir, { recursive: true })
  const reportPath = join(localDir, 'report.json')
  writeAtomic(reportPath, JSON.stringify(report, null, 2) + '\n')
  const md = renderMarkdown(report)
  const c = report.counts
  core.setOutput(Outputs.Total, c.total)
  core.setOutput(Outputs.Executed, c.executed)
  core.setOutput(Outputs.Skipped, c.skipped)
  core.setOutput(Outputs.Failed, c.failed)
  core.setOutput(Outputs.Pending, c.pending)
  core.setOutput(Outputs.Complete, String(report.complete))
  core.setOutput(Outputs.Resumed, String(!!restore?.restored))
  core.setOutput(Outputs.ResumedFrom, report.resumedFrom === null ? '' : String(report.resumedFrom))
  core.setOutput(Outputs.Report, reportPath)
  core.setOutput(Outputs.Summary, md)
  core.setOutput(Outputs.CheckpointKey, checkpointKey)
  if (cp) core.info(`checkpoints stored now: ${cp.storedBytes()} bytes`)
  if (summary && process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(md).write()
  if (c.failed > 0) core.setFailed(`${c.failed} of ${c.total} operations failed; a re-run retries them`)
  else if (c.pending > 0) {
    core.setFailed(
      `${c.pending} of ${c.total} operations are pending (${report.stoppedBy}); re-run the job to continue`
    )
  }
}
