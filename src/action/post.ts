import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { State } from '../constants.js'
import { errorMessage } from '../errors.js'
import { Journal } from '../journal/journal.js'

/** Post step: reports a main step that did not finish. Never fails the job. */
export async function runPost(): Promise<void> {
  try {
    const stateDir = core.getState(State.StateDir)
    if (core.getState(State.Finished) === 'true' || !stateDir || !existsSync(stateDir)) return
    const { state } = Journal.load(stateDir, { readOnly: true })
    const first = state.firstUndone()
    core.warning(
      `the main step did not finish; its journal in ${stateDir} knows ${state.total} operations, first not done: ${first === null ? 'none' : `#${first}`}`
    )
  } catch (err) {
    core.warning(`post step: ${errorMessage(err)}`)
  }
}
