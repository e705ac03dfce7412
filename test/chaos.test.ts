import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Report } from '../src/report/model.js'
import { runCli, startCli } from './helpers/cli.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

/** Deterministic pseudo-random numbers, so a failing run can be replayed from its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A tree every kind has work in: docs to move, sources to rename, packages to fan out over, junk to delete. */
function makeTree(ws: string): void {
  const files: Record<string, string | Buffer> = { 'templates/LICENSE': 'MIT\n' }
  for (let i = 0; i < 30; i++)
    files[`legacy/${i % 3 ? 'guide' : 'api'}/page ${i}.md`] = `# page ${i}\nsee x and x\n`
  for (let i = 0; i < 20; i++) files[`src/mod${i}/index.js`] = `export const v${i} = ${i}\n`
  for (let i = 0; i < 5; i++) files[`packages/p${i}/package.json`] = `{"name":"p${i}"}\n`
  for (let i = 0; i < 10; i++) files[`junk/${i}.orig`] = Buffer.from([i, 0, 255, 10])
  writeTree(ws, files)
}

function plan(counter: string): string {
  return `version: 1
defaults: { if-no-match: ignore }
operations:
  - mkdir: out/archive
  - id: archive
    move: { from: "legacy/**/*.md", to: "out/archive/{relpath}" }
  - rename: { from: "src/**/*.js", to: "{stem}.mjs" }
  - copy: { from: templates/LICENSE, to: "{path}/LICENSE" }
    each: "packages/*/"
  - delete: "junk/*.orig"
  - write: { path: "{path}/VERSION", content: "2\\n" }
    each: "packages/*/"
  - id: double-x
    replace: { files: "out/archive/**/*.md", find: "x", with: "xx" }
  - id: stamp
    run:
      files: "src/**/*.mjs"
      shell: 'echo "$BULK_OPS_SEQ start" >> "$COUNTER"; sleep 0.01; printf "stamped %s\\n" "$BULK_OPS_PATH" > "$BULK_OPS_PATH.stamp"; echo "$BULK_OPS_SEQ end" >> "$COUNTER"'
      env: { COUNTER: ${JSON.stringify(counter)} }
`
}

const dirs: string[] = []
afterAll(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function scenario(): { dir: string; ws: string; plan: string; counter: string } {
  const dir = tempDir('bulk-ops-chaos-')
  dirs.push(dir)
  const ws = join(dir, 'ws')
  makeTree(ws)
  const counter = join(dir, 'counter')
  writeFileSync(join(dir, 'plan.yml'), plan(counter))
  return { dir, ws, plan: join(dir, 'plan.yml'), counter }
}

function counterLines(path: string): { seq: number; what: string }[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => {
      const [seq, what] = l.split(' ')
      return { seq: Number(seq), what }
    })
}

describe('chaos: SIGKILL at random points, resume until complete', () => {
  it('ends byte-identical to an uninterrupted run, file kinds once, commands at least once', async () => {
    const ref = scenario()
    const r = runCli(['run', ref.plan, '--workspace', ref.ws])
    expect(r.code, r.stderr).toBe(0)
    const want = snapshotTree(ref.ws)
    const runSeqs = [...new Set(counterLines(ref.counter).map(l => l.seq))]
    expect(runSeqs.length).toBe(20)

    const random = rng(Number(process.env.CHAOS_SEED ?? 20261123))
    let kills = 0
    let scenarios = 0
    while (kills < 50) {
      scenarios++
      const s = scenario()
      const killsAt = new Map<number, number>() // seq most recently active at a kill → kills
      for (let round = 0; ; round++) {
        expect(round, 'a resume made no progress for 40 rounds').toBeLessThan(40)
        const child = startCli(['run', s.plan, '--workspace', s.ws, '--report', join(s.dir, 'report.json')])
        let stderr = ''
        child.stderr!.on('data', d => (stderr += String(d)))
        const exited = new Promise<number | null>(res => child.on('exit', c => res(c)))
        const delay = 50 + random() * 1500
        const code = await Promise.race([
          exited,
          new Promise<'kill'>(res => setTimeout(() => res('kill'), delay))
        ])
        if (code === 'kill') {
          child.kill('SIGKILL')
          await exited
          kills++
          // A command running at the kill is orphaned and finishes on its own (~20 ms): let it, so
          // the counter's last line names the operation that was in flight.
          await new Promise(res => setTimeout(res, 150))
          const lines = counterLines(s.counter)
          if (lines.length) {
            const last = lines[lines.length - 1].seq
            killsAt.set(last, (killsAt.get(last) ?? 0) + 1)
          }
          continue
        }
        expect(code, stderr).toBe(0)
        break
      }
      expect(snapshotTree(s.ws)).toEqual(want)
      const report = JSON.parse(readFileSync(join(s.dir, 'report.json'), 'utf8')) as Report
      expect(report.counts.failed).toBe(0)
      expect(report.counts.pending).toBe(0)
      const starts = new Map<number, number>()
      const ends = new Map<number, number>()
      for (const l of counterLines(s.counter)) {
        const m = l.what === 'start' ? starts : ends
        m.set(l.seq, (m.get(l.seq) ?? 0) + 1)
      }
      for (const seq of runSeqs) {
        expect(ends.get(seq) ?? 0, `run #${seq} never completed`).toBeGreaterThanOrEqual(1)
        const extra = (starts.get(seq) ?? 0) - 1
        expect(extra, `run #${seq} ran again without having been interrupted mid-way`).toBeLessThanOrEqual(
          killsAt.get(seq) ?? 0
        )
      }
    }
    expect(kills).toBeGreaterThanOrEqual(50)
    expect(scenarios).toBeGreaterThan(1)
  }, 600_000)
})
