import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runPlan } from '../src/engine.js'
import { RealFs } from '../src/fs/real-fs.js'
import { Journal, SNAPSHOT_FILE, SNAPSHOT_PREV_FILE } from '../src/journal/journal.js'
import { WalWriter } from '../src/journal/wal.js'
import { memoryLogger } from '../src/logger.js'
import { parsePlan } from '../src/plan/load.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const PLAN = `version: 1
operations:
  - mkdir: out
  - write: { path: out/a.txt, content: "a" }
  - write: { path: out/big.txt, content: "this one hits a full disk" }
  - move: { from: "src/*.txt", to: "out/{name}" }
  - replace: { files: "out/*.txt", find: "x", with: "xx" }
`

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function workspace(): { ws: string; state: string } {
  const d = tempDir('bulk-ops-faults-unit-')
  dirs.push(d)
  const ws = join(d, 'ws')
  writeTree(ws, { 'src/one.txt': 'x1', 'src/two.txt': 'x2' })
  return { ws, state: join(d, 'state') }
}

/** The disk fills up while `big.txt` is written, the first time only. */
class FullDiskOnce extends RealFs {
  hit = false
  override async writeFile(p: string, data: Buffer, mode: number): Promise<void> {
    if (!this.hit && p.endsWith('big.txt')) {
      this.hit = true
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${p}'`), { code: 'ENOSPC' })
    }
    return super.writeFile(p, data, mode)
  }
  // out/big.txt is new: written by creating it in place.
  override async createFile(p: string, data: Buffer, mode: number): Promise<void> {
    if (!this.hit && p.endsWith('big.txt')) {
      this.hit = true
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${p}'`), { code: 'ENOSPC' })
    }
    return super.createFile(p, data, mode)
  }
}

function reference(): Record<string, string> {
  const { ws, state } = workspace()
  return runPlan({ plan: parsePlan(PLAN, 'plan.yml'), workspace: ws, stateDir: state }).then(() =>
    snapshotTree(ws)
  ) as never
}

describe('faults', () => {
  it('a full disk during a write fails that operation only; the journal stays readable and a resume completes', async () => {
    const want = await reference()
    const { ws, state } = workspace()
    const plan = parsePlan(PLAN, 'plan.yml')
    const fs = new FullDiskOnce()
    const first = await runPlan({ plan, workspace: ws, stateDir: state, fs })
    expect(fs.hit).toBe(true)
    const big = first.report.operations.find(o => o.to === 'out/big.txt')!
    expect(big.outcome).toBe('failed')
    expect(big.error).toMatch(/ENOSPC/)
    expect(first.report.counts.failed).toBe(1)
    expect(first.report.counts.executed + first.report.counts.skipped).toBe(first.report.counts.total - 1)
    expect(Journal.load(state).state.errors.get(big.seq!)).toMatch(/ENOSPC/)
    expect(existsSync(join(ws, 'out/.big.txt.bulk-ops-tmp'))).toBe(false)
    expect(existsSync(join(ws, 'out/big.txt'))).toBe(false)
    const second = await runPlan({ plan, workspace: ws, stateDir: state })
    expect(second.exitCode).toBe(0)
    expect(second.report.operations.find(o => o.seq === big.seq)!.outcome).toBe('executed')
    expect(snapshotTree(ws, ['.bulk-ops'])).toEqual(want)
  })

  it('a snapshot that cannot be written is a warning; the journal alone resumes the run', async () => {
    const { ws, state } = workspace()
    const plan = parsePlan(PLAN, 'plan.yml')
    mkdirSync(join(state, `${SNAPSHOT_FILE}.tmp`), { recursive: true }) // the temporary file cannot be created
    const log = memoryLogger()
    const r = await runPlan({ plan, workspace: ws, stateDir: state, logger: log })
    expect(r.exitCode).toBe(0)
    expect(log.lines.join('\n')).toMatch(/state snapshot not written .*the journal still holds every record/)
    const loaded = Journal.load(state)
    expect(loaded.info.source).toBe('journal replay')
    const again = await runPlan({ plan, workspace: ws, stateDir: state })
    expect(again.report.operations.every(o => o.reason === 'done-earlier')).toBe(true)
  })

  it('a kill between the two renames of a snapshot falls back to the previous one plus the journal', async () => {
    const { ws, state } = workspace()
    const plan = parsePlan(PLAN, 'plan.yml')
    await runPlan({ plan, workspace: ws, stateDir: state })
    const whole = Journal.load(state).state.toJSON()
    // Reproduce the instant after `state.json → state.prev.json` and before the new file lands.
    renameSync(join(state, SNAPSHOT_FILE), join(state, SNAPSHOT_PREV_FILE))
    writeFileSync(
      join(state, `${SNAPSHOT_FILE}.tmp`),
      readFileSync(join(state, SNAPSHOT_PREV_FILE)).subarray(0, 50)
    )
    const loaded = Journal.load(state)
    expect(loaded.info.source).toBe('previous snapshot')
    expect(loaded.state.toJSON()).toEqual(whole)
  })

  it('a full disk under the journal is an error that reaches the caller, never a silent loss', () => {
    const w = new WalWriter('/dev/full', 1)
    expect(() => w.append({ t: 's', q: 0, a: 1 })).toThrow(/ENOSPC/)
  })
})
