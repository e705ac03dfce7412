import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Checkpointer } from '../../src/checkpoint/manager.js'
import { runPlan } from '../../src/engine.js'
import { silentLogger } from '../../src/logger.js'
import { parsePlan } from '../../src/plan/load.js'
import type { Plan } from '../../src/plan/types.js'
import type { Report } from '../../src/report/model.js'
import { mergeShards, REPORT_FILE, type ShardResult } from '../../src/shard/merge.js'
import { freshClone } from './runner.js'
import { snapshotTree } from './tree.js'

/**
 * Sharded runs in-process, on fresh clones of one origin as a matrix's jobs have them: each shard
 * runs the plan with its own journal and takes its final checkpoint (delta, journal, report) the
 * way the action does before uploading it; the merge works on another fresh clone.
 */
export class ShardLab {
  private n = 0

  constructor(
    private readonly origin: string,
    /** A temp directory for the clones and the shards' local directories. */
    private readonly root: string
  ) {}

  private next(name: string): string {
    return join(this.root, `${name}-${this.n++}`)
  }

  /** A single runner's run of the plan: its report and tree (without .git). */
  async single(text: string): Promise<{ report: Report; tree: Record<string, string> }> {
    const ws = this.next('single')
    freshClone(this.origin, ws)
    const { report } = await runPlan({
      plan: parsePlan(text, 'plan.yml'),
      workspace: ws,
      stateDir: this.next('single-state'),
      logger: silentLogger,
      retryBaseMs: 1
    })
    return { report, tree: snapshotTree(ws, ['.git']) }
  }

  /** Runs shard `index` of `count` to its end; its final result as the merge downloads it. */
  /**
   * Runs one shard and returns its final result. With `thin`, its pack is cut thin, as a periodic
   * checkpoint's is, and its manifest does not say so, as results of earlier versions did not.
   */
  async shard(
    text: string,
    index: number,
    count: number,
    opts: { thin?: boolean } = {}
  ): Promise<ShardResult & { report: Report }> {
    const plan = parsePlan(text, 'plan.yml')
    const ws = this.next(`shard${index}`)
    freshClone(this.origin, ws)
    const localDir = this.next(`shard${index}-local`)
    const shard = { index, count }
    const cp = new Checkpointer({
      plan,
      workspace: ws,
      localDir,
      runId: '1',
      attempt: 1,
      stores: [],
      logger: silentLogger,
      tag: `${plan.planId}-shard${index}of${count}`,
      shard
    })
    await cp.begin()
    const { report } = await runPlan({
      plan,
      workspace: ws,
      stateDir: cp.paths.journal,
      logger: silentLogger,
      retryBaseMs: 1,
      shard
    })
    await cp.capture(!opts.thin)
    if (opts.thin) {
      const file = join(cp.paths.staging, 'checkpoint.json')
      const m = JSON.parse(readFileSync(file, 'utf8')) as { delta: { packThin?: boolean } }
      delete m.delta.packThin
      writeFileSync(file, JSON.stringify(m))
    }
    const dir = this.next(`shard${index}-result`)
    mkdirSync(dir, { recursive: true })
    // Every file of the checkpoint, as a store uploads them.
    for (const f of readdirSync(cp.paths.staging)) copyFileSync(join(cp.paths.staging, f), join(dir, f))
    writeFileSync(join(dir, REPORT_FILE), JSON.stringify(report))
    return { index, artifact: `shard${index}`, attempt: 1, dir, report }
  }

  /** A fresh clone for a merge. */
  checkout(): string {
    const ws = this.next('merge')
    freshClone(this.origin, ws)
    return ws
  }

  /** Merges the results into checkout `ws`. */
  merge(
    text: string | Plan,
    ws: string,
    results: ShardResult[],
    count: number,
    localDir = this.next('merge-local')
  ): Promise<Report> {
    return mergeShards({
      plan: typeof text === 'string' ? parsePlan(text, 'plan.yml') : text,
      workspace: ws,
      localDir,
      count,
      results,
      attempt: 1,
      logger: silentLogger
    })
  }
}
