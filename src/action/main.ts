import * as core from '@actions/core'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { Outputs, State } from '../constants.js'
import { errorMessage } from '../errors.js'
import { runPlan } from '../engine.js'
import { getInputs, type ActionInputs } from '../inputs.js'
import type { Logger } from '../logger.js'
import { loadPlanFile } from '../plan/load.js'
import { Sandbox } from '../plan/paths.js'
import { preflight } from '../plan/preflight.js'
import { annotationsFor } from '../report/annotations.js'
import { ReportCarrier } from '../report/audit-store.js'
import { fenced } from '../report/escape.js'
import { nextRun, type SummaryContext } from '../report/facts.js'
import type { Report } from '../report/model.js'
import { actionOutputs } from '../report/outputs.js'
import { commentMarker, pullRequestOf, upsertPrComment } from '../report/pr-comment.js'
import { Progress } from '../report/progress.js'
import { writeReportFile } from '../report/report-file.js'
import { renderCompact, renderSummary } from '../report/summary.js'
import { repoFromEnv } from '../store/github-api.js'
import { assertSupportedRunner } from '../runner-os.js'
import type { Checkpointer, RestoreResult } from '../checkpoint/manager.js'
import { shardText } from '../shard/assign.js'
import { MergeRefusal } from '../shard/merge.js'
import { runMergeJob } from './merge.js'
import { checkpointer, localDirFor, makeStores, storeTag } from './setup.js'

/** The action's logger: @actions/core, so lines land in the job log with their levels. */
export const coreLogger: Logger = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  // Failed operations become annotations on their files once the report is known (at most 10
  // show per step); here they are log lines, so they do not use up those 10.
  error: m => core.info(`Error: ${m}`),
  debug: m => core.debug(m)
}

/** Values the main step hands to the post step for the summary (beside State in constants.ts). */
export const ReportState = {
  /** 'true' once the main step reported (outputs, annotations, job summary, PR comment). */
  Reported: 'reported',
  /** JSON of RestoreResult.from: the checkpoint this attempt resumed from. */
  RestoredFrom: 'restored-from',
  /** JSON of Report.startedOver: an attempt after the first found no checkpoint. */
  StartedOver: 'started-over'
} as const

/** Between two progress lines in the job log. */
const PROGRESS_EVERY_MS = 60_000

/**
 * Main step: read inputs, restore the newest usable checkpoint, run the plan with periodic
 * checkpoints, save the final one, report (outputs, job summary, annotations, PR comment).
 * Fails the step when anything failed or is pending.
 */
export async function runMain(): Promise<void> {
  let running = false
  try {
    assertSupportedRunner()
    const token = core.getInput('github-token')
    if (token) core.setSecret(token)
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
    const inputs = getInputs(name => core.getInput(name), workspace)
    const plan = await loadPlanFile(inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError,
      parallel: inputs.parallel
    })
    const sandbox = new Sandbox(inputs.workingDirectory)
    await sandbox.init()
    await preflight(plan, sandbox)
    if (inputs.merge) {
      core.setOutput(Outputs.PlanId, plan.planId)
      await runMergeJob(inputs, plan, workspace)
      return
    }
    const localDir = localDirFor(storeTag(plan, inputs), inputs.key)
    const reportPath = join(localDir, 'report.json')
    core.saveState(State.LocalDir, localDir)
    core.saveState(State.PlanFile, inputs.plan)
    core.saveState(State.Workspace, inputs.workingDirectory)
    core.setOutput(Outputs.PlanId, plan.planId)
    const progress = new Progress({
      write: s => core.info(s.trimEnd()),
      tty: false,
      everyMs: PROGRESS_EVERY_MS
    })

    if (inputs.dryRun) {
      const { report } = await runPlan({
        plan,
        workspace: inputs.workingDirectory,
        dryRun: true,
        ...(inputs.shard ? { shard: inputs.shard } : {}),
        logger: coreLogger,
        onProgress: (c, r, live) => progress.update(c, r, live)
      })
      core.saveState(State.Saved, 'true')
      writeReport(reportPath, report)
      await finish(report, { inputs, workspace, reportPath, restore: null })
      return
    }

    rmSync(localDir, { recursive: true, force: true })
    const stores = makeStores(inputs, plan, localDir, coreLogger).map(s => new ReportCarrier(s, reportPath))
    const cp = checkpointer(inputs, plan, localDir, stores, coreLogger)
    let restore: RestoreResult = { restored: false, reverify: false }
    // The base is hashed while the stores are asked for checkpoints and the newest is downloaded:
    // neither needs the other until a checkpoint is checked against the workspace.
    const begun = cp.begin().then(
      () => true,
      (err: unknown) => {
        if (stores.length) core.warning(`checkpoints are disabled: ${errorMessage(err)}`)
        return false
      }
    )
    if (inputs.resume !== 'never' && stores.length > 0) {
      restore = await core.group('Restore checkpoint', () => cp.restore(inputs.resumeScope, begun))
      if (restore.from) core.saveState(ReportState.RestoredFrom, JSON.stringify(restore.from))
    }
    const canCheckpoint = (await begun) && stores.length > 0
    const lookedFor = canCheckpoint
      ? (restore.lookedFor ?? [])
      : stores.length
        ? ['the workspace delta cannot be taken here (see the warning above)']
        : inputs.stores.length
          ? inputs.stores.map(s => `${s}: the Actions runtime is not available to this step`)
          : ['store: none keeps no checkpoints']
    if (inputs.resume === 'require' && !restore.restored) {
      throw new Error(
        `resume: require, but no checkpoint of plan ${plan.planId} was found for this ${inputs.resumeScope === 'run' ? 'run' : 'ref'}. Looked for:\n  ${lookedFor.join('\n  ')}`
      )
    }
    const attemptNo = Number(process.env.GITHUB_RUN_ATTEMPT ?? '') || 1
    const startedOver = attemptNo > 1 && !restore.restored && inputs.resume !== 'never'
    if (startedOver) {
      core.warning(
        `started over: attempt ${attemptNo} found no checkpoint of an earlier attempt, so every operation runs again. Looked for:\n  ${lookedFor.join('\n  ')}`
      )
      core.saveState(ReportState.StartedOver, JSON.stringify({ lookedFor }))
    }

    const controller = new AbortController()
    let signalled = false
    const onSignal = (sig: string): void => {
      signalled = true
      core.warning(
        `${sig} received: stopping (nothing new starts, running commands get a grace period); the post step saves the checkpoint`
      )
      controller.abort()
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    running = true
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
      ...(inputs.shard ? { shard: inputs.shard } : {}),
      onCheckpoint: canCheckpoint ? async j => void (await cp.capture(false, j.state)) : undefined,
      onProgress: (c, r, live) => progress.update(c, r, live)
    })
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (startedOver) report.startedOver = { lookedFor }
    // Before the final capture: the artifact store's final checkpoint carries it.
    writeReport(reportPath, report)

    // A shard's result reaches the merge job only as an artifact.
    const handedOn = (): boolean => !inputs.shard || stores.some(s => s.artifact)
    if (canCheckpoint && !signalled) {
      const keys = await core.group('Save checkpoint', async () => {
        const saved = await cp.capture(true)
        if (saved.length && handedOn() && report.complete && report.counts.failed === 0)
          for (const s of stores) await s.cleanup()
        return saved
      })
      // When no store took it (an outage), the post step tries once more.
      if (keys.length && handedOn()) core.saveState(State.Saved, 'true')
    } else if (!canCheckpoint) {
      core.saveState(State.Saved, 'true')
    }
    await finish(report, {
      inputs,
      workspace,
      reportPath,
      restore,
      cp: canCheckpoint ? cp : undefined,
      carriers: stores,
      savedByPost: canCheckpoint && signalled
    })
    if (inputs.shard && !signalled && !handedOn()) {
      core.setFailed(
        `${shardText(inputs.shard)}: its final result was not uploaded as an artifact, so the merge job cannot use it; the post step tries once more, and "Re-run failed jobs" runs this shard again from its checkpoint`
      )
    }
  } catch (err) {
    core.setFailed(errorMessage(err))
    // A failure after the run began is summarised from the journal by the post step.
    if (!running) await failureSummary(errorMessage(err), err instanceof MergeRefusal)
  }
}

function writeReport(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true })
  writeReportFile(path, report)
}

interface FinishOptions {
  inputs: ActionInputs
  workspace: string
  reportPath: string
  restore: RestoreResult | null
  cp?: Checkpointer
  carriers?: ReportCarrier[]
  /** The main step was cancelled: the post step saves the checkpoint. */
  savedByPost?: boolean
}

async function finish(report: Report, f: FinishOptions): Promise<void> {
  const ctx = summaryContext(f.inputs, f.workspace, {
    restoredFrom: f.restore?.from,
    checkpointKey: f.savedByPost ? undefined : (f.cp?.lastKey ?? ''),
    checkpointInPost: f.savedByPost,
    storedBytes: f.cp?.storedBytes(),
    reportArtifact: f.carriers?.find(c => c.artifact)?.artifact || undefined,
    reportPath: f.reportPath
  })
  const compact = renderCompact(report, ctx)
  const outputs = actionOutputs(report, {
    resumed: !!f.restore?.restored,
    reportPath: f.reportPath,
    summary: compact,
    checkpointKey: f.cp?.lastKey ?? ''
  })
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  if (f.cp) core.info(`checkpoints stored now: ${f.cp.storedBytes()} bytes`)
  await publish(report, ctx, compact, f.inputs, f.workspace)
  const c = report.counts
  if (c.failed > 0) {
    const gaveUp = nextRun(report).gaveUp.length
    const retried = c.failed - gaveUp
    core.setFailed(
      `${c.failed} of ${c.total} operations failed; ` +
        (retried ? `a re-run retries ${retried}` : 'a re-run retries none of them') +
        (gaveUp ? `${retried ? ' and' : ':'} ${gaveUp} gave up after max-attempts` : '')
    )
  } else if (c.pending > 0) {
    core.setFailed(
      `${c.pending} of ${c.total} operations are pending (${report.stoppedBy}); re-run the job to continue`
    )
  }
}

/** The summary context of this run, from the inputs and the runner's environment. */
export function summaryContext(
  inputs: ActionInputs,
  workspace: string,
  more: Partial<SummaryContext>
): SummaryContext {
  const env = process.env
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
      : undefined
  return {
    mode: 'action',
    planFile: relative(workspace, inputs.plan),
    stores: inputs.stores,
    runUrl,
    ...more
  }
}

/**
 * Job summary, annotations on the failed files, and the pull-request comment. Shared by the post
 * step, which reports a cancelled attempt from its journal.
 */
export async function publish(
  report: Report,
  ctx: SummaryContext,
  compact: string,
  inputs: ActionInputs,
  workspace: string
): Promise<void> {
  const fileOf = (p: string): string => relative(workspace, join(inputs.workingDirectory, p))
  for (const a of annotationsFor(report, fileOf)) {
    const props = { title: a.title, ...(a.file ? { file: a.file } : {}) }
    if (a.level === 'error') core.error(a.message, props)
    else core.warning(a.message, props)
  }
  if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(renderSummary(report, ctx)).write()
    } catch (err) {
      core.warning(`job summary not written: ${errorMessage(err)}`)
    }
  }
  if (inputs.prComment) await commentOnPullRequest(report.planId, inputs, compact)
  core.saveState(ReportState.Reported, 'true')
}

async function commentOnPullRequest(planId: string, inputs: ActionInputs, body: string): Promise<void> {
  const pull = pullRequestOf()
  const repo = repoFromEnv()
  if (!pull || !repo) {
    core.warning(
      `pr-comment: this run is not for a pull request (event: ${process.env.GITHUB_EVENT_NAME || 'unknown'}), so there is nothing to comment on`
    )
    return
  }
  await upsertPrComment({
    token: inputs.githubToken,
    apiUrl: repo.apiUrl,
    owner: repo.owner,
    repo: repo.repo,
    pull,
    marker: commentMarker(planId, inputs.key),
    body,
    logger: coreLogger
  })
}

/** A bad input or plan stops the step before anything changed: the summary says why. */
async function failureSummary(message: string, merge = false): Promise<void> {
  core.saveState(ReportState.Reported, 'true')
  if (!process.env.GITHUB_STEP_SUMMARY || /^(false|no|0)$/i.test(core.getInput('summary').trim())) return
  try {
    await core.summary
      .addRaw(
        merge
          ? `## ❌ bulk-ops: did not merge\n\nThe merge of the shards was refused, and nothing was changed:\n\n${fenced(message, 'text')}\n`
          : `## ❌ bulk-ops: did not run\n\nThe step stopped with an error before it changed anything:\n\n${fenced(message, 'text')}\n`
      )
      .write()
  } catch (err) {
    core.warning(`job summary not written: ${errorMessage(err)}`)
  }
}
