import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { State } from '../constants.js'
import { errorMessage } from '../errors.js'
import { getInputs } from '../inputs.js'
import { Journal } from '../journal/journal.js'
import { loadPlanFile } from '../plan/load.js'
import { checkpointer, makeStores } from './setup.js'
import { coreLogger } from './main.js'

/**
 * Post step (always): when the main step did not save its final checkpoint — it failed early,
 * was cancelled, or hit the job timeout — capture the checkpoint and upload it. Never fails the job.
 */
export async function runPost(): Promise<void> {
  try {
    const localDir = core.getState(State.LocalDir)
    if (!localDir || core.getState(State.Saved) === 'true') return
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
    const inputs = getInputs(name => core.getInput(name), workspace)
    const plan = await loadPlanFile(core.getState(State.PlanFile) || inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError
    })
    const stores = makeStores(inputs, plan, localDir, coreLogger)
    const cp = checkpointer(inputs, plan, localDir, stores, coreLogger)
    if (!existsSync(cp.paths.journal) || !existsSync(cp.paths.base)) return
    const { state } = Journal.load(cp.paths.journal, { readOnly: true })
    const first = state.firstUndone()
    core.info(
      `the main step did not finish; saving its checkpoint (${state.total} operations known, resuming at #${first ?? state.total})`
    )
    if (!stores.length) return
    await cp.reopen()
    const keys = await cp.capture(true)
    if (keys.length)
      core.info(`checkpoint saved as ${keys.join(', ')}; "Re-run failed jobs" continues from it`)
  } catch (err) {
    core.warning(`post step: ${errorMessage(err)}`)
  }
}
