// Bundled by scripts/bench-checkpoint.mjs and run in a child process: one checkpoint measurement.
// argv: capture WORKSPACE LOCALDIR PLAN  → runs the plan, captures a checkpoint, prints JSON
//       restore WORKSPACE LOCALDIR PLAN  → restores LOCALDIR's checkpoint onto WORKSPACE, prints JSON
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Checkpointer } from '../src/checkpoint/manager.js'
import {} from '../src/checkpoint/delta.js'
import { applyDelta, verifyDelta } from '../src/checkpoint/restore.js'
import { installJournal, openCheckpoint, PACK_FILE } from '../src/checkpoint/checkpoint.js'
import { runPlan } from '../src/engine.js'
import { silentLogger } from '../src/logger.js'
import { loadPlanFile } from '../src/plan/load.js'

const [mode, workspace, localDir, planFile] = process.argv.slice(2)
const plan = await loadPlanFile(planFile)

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0)
}

if (mode === 'capture') {
  const cp = new Checkpointer({
    plan,
    workspace,
    localDir,
    runId: '1',
    attempt: 1,
    stores: [],
    logger: silentLogger
  })
  const t0 = performance.now()
  await cp.begin()
  const baseMs = performance.now() - t0
  const { report } = await runPlan({ plan, workspace, stateDir: cp.paths.journal })
  const t1 = performance.now()
  await cp.capture(true)
  const captureMs = performance.now() - t1
  process.stdout.write(
    '\nRESULT ' +
      JSON.stringify({
        baseMs,
        captureMs,
        executed: report.counts.executed,
        entries: cp.lastManifest!.delta.entries.length,
        packBytes: cp.lastManifest!.delta.packBytes,
        checkpointBytes: dirBytes(cp.paths.staging)
      })
  )
} else {
  const from = join(localDir, 'checkpoint')
  const fresh = join(localDir, 'fresh-local')
  rmSync(fresh, { recursive: true, force: true })
  mkdirSync(fresh, { recursive: true })
  const cp = new Checkpointer({
    plan,
    workspace,
    localDir: fresh,
    runId: '1',
    attempt: 2,
    stores: [],
    logger: silentLogger
  })
  const t0 = performance.now()
  await cp.begin()
  const baseMs = performance.now() - t0
  const t1 = performance.now()
  cpSync(from, cp.paths.restore, { recursive: true })
  const m = openCheckpoint(cp.paths.restore, plan.planId)
  await verifyDelta(cp.ctx, cp.base, m.delta, join(cp.paths.restore, PACK_FILE))
  await applyDelta(cp.ctx, m.delta)
  installJournal(cp.paths.restore, cp.paths.journal)
  const restoreMs = performance.now() - t1
  process.stdout.write('\nRESULT ' + JSON.stringify({ baseMs, restoreMs }))
}
