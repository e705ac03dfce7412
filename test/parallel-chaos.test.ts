// Chaos for parallel and batched commands: SIGKILL at 30 random points, resume until complete.
// The tree ends as an uninterrupted run's; every path's command ran at least once; extra runs are
// bounded by what can be in flight at a kill (DESIGN.md §5, §7: at-least-once).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, startCli } from './helpers/cli.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

const N = 16
const MARKER = `bulk-ops-chaos-${process.pid}`

function plan(): string {
  return `version: 1
operations:
  - id: stamp
    run:
      files: "img/*.txt"
      command: [bash, -c, 'for p; do echo 1 >> "$p.log1"; sleep 0.03; printf "stamped\\n" > "$p.out"; done', ${MARKER}, "{path}"]
      creates: "{path}.out"
    parallel: 3
  - id: upper
    run:
      files: "img/*.txt"
      command: [bash, -c, 'for p; do echo 2 >> "$p.log2"; sleep 0.01; tr a-z A-Z < "$p" > "$p.up"; done', ${MARKER}, "{paths}"]
      batch: 4
    parallel: 2
`
}

/** In flight at once, at most: 3 commands of one path, or 2 batches of 4. */
const MAX_IN_FLIGHT = { log1: 3, log2: 8 }

const dirs: string[] = []
afterAll(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

/**
 * A workspace and plan, and a temporary directory of the scenario's own for the runs: a run that
 * is killed leaves its batch's list of paths there (it cannot remove it), not in the system's.
 */
function scenario(): { dir: string; ws: string; plan: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir('bulk-ops-pchaos-')
  dirs.push(dir)
  const ws = join(dir, 'ws')
  writeTree(ws, Object.fromEntries(Array.from({ length: N }, (_, i) => [`img/f${i}.txt`, `file ${i}\n`])))
  writeFileSync(join(dir, 'plan.yml'), plan())
  mkdirSync(join(dir, 'tmp'))
  return { dir, ws, plan: join(dir, 'plan.yml'), env: { TMPDIR: join(dir, 'tmp') } }
}

/** Processes of the commands a killed run left behind (found by the marker in their argv). */
function orphans(): number {
  try {
    return execFileSync('pgrep', ['-f', MARKER], { encoding: 'utf8' }).trim().split('\n').length
  } catch {
    return 0
  }
}

/**
 * A command a killed run left behind finishes on its own (its writes are not atomic: killing it
 * mid-write would leave a torn file that its guard then trusts); wait for it before resuming.
 */
async function orphansDone(): Promise<void> {
  for (let i = 0; i < 100 && orphans() > 0; i++) await new Promise(res => setTimeout(res, 20))
  expect(orphans()).toBe(0)
}

/** Lines of each path's log of one operation. */
function runsPerPath(ws: string, log: 'log1' | 'log2'): number[] {
  return Array.from({ length: N }, (_, i) => {
    try {
      return readFileSync(join(ws, `img/f${i}.txt.${log}`), 'utf8')
        .split('\n')
        .filter(Boolean).length
    } catch {
      return 0
    }
  })
}

const withoutLogs = (t: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(t).filter(([k]) => !/\.log[12]$/.test(k)))

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296
}

describe('chaos with commands in flight', () => {
  it('ends as an uninterrupted run, each command at least once, extra runs bounded by the kills', async () => {
    const ref = scenario()
    const r = runCli(['run', ref.plan, '--workspace', ref.ws], { env: ref.env })
    expect(r.code, r.stderr).toBe(0)
    // A run that ends removes every list it wrote.
    expect(readdirSync(join(ref.dir, 'tmp'))).toEqual([])
    const want = withoutLogs(snapshotTree(ref.ws))
    expect(Object.keys(want).filter(k => k.endsWith('.up')).length).toBe(N)

    const random = rng(Number(process.env.CHAOS_SEED ?? 20261201))
    let kills = 0
    while (kills < 30) {
      const s = scenario()
      let killsHere = 0
      for (let round = 0; ; round++) {
        expect(round, 'a resume made no progress for 30 rounds').toBeLessThan(30)
        const child = startCli(['run', s.plan, '--workspace', s.ws], { env: s.env })
        const exited = new Promise<number | null>(res => child.on('exit', c => res(c)))
        const delay = 100 + random() * 900
        const code = await Promise.race([
          exited,
          new Promise<'kill'>(res => setTimeout(() => res('kill'), delay))
        ])
        if (code !== 'kill') {
          expect(code).toBe(0)
          break
        }
        child.kill('SIGKILL')
        await exited
        await orphansDone()
        kills++
        killsHere++
      }
      expect(withoutLogs(snapshotTree(s.ws))).toEqual(want)
      for (const log of ['log1', 'log2'] as const) {
        const runs = runsPerPath(s.ws, log)
        // The guard of `stamp` may hold for a path another run completed: it then ran once anyway.
        for (const n of runs) expect(n).toBeGreaterThanOrEqual(1)
        for (const n of runs) expect(n - 1).toBeLessThanOrEqual(killsHere)
        const extra = runs.reduce((a, n) => a + n - 1, 0)
        expect(extra).toBeLessThanOrEqual(killsHere * MAX_IN_FLIGHT[log])
      }
      expect(readdirSync(join(s.ws, 'img')).length).toBe(N * 5)
    }
    expect(kills).toBeGreaterThanOrEqual(30)
  }, 400_000)
})
