import { chmodSync, cpSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runPlan } from '../src/engine.js'
import { RealFs } from '../src/fs/real-fs.js'
import { Journal } from '../src/journal/journal.js'
import { parsePlan } from '../src/plan/load.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

/*
 * A process killed at any instant keeps the workspace as it is and the journal as far as it was
 * handed to the kernel; records still buffered are lost. This test takes that picture (a copy of
 * the workspace and of the state directory) right before and right after every change the run
 * makes to the workspace, then resumes each picture and asserts it ends as an uninterrupted run
 * does. The plan chains operations over the same files (a → b → c, then rename, copy, rewrite,
 * delete), the case where an operation completed but not yet recorded could be misjudged on
 * resume if a later one had already moved its files on.
 */
const PLAN = `version: 1
operations:
  - move: { from: "a/**/*.txt", to: "b/{relpath}" }
  - move: { from: "b/**/*.txt", to: "c/{relpath}" }
  - rename: { from: "c/**/*.txt", to: "{stem}.md" }
  - copy: { from: "c/**/*.md", to: "d/{relpath}" }
  - write: { path: "{path}", content: "rewritten\\n" }
    each: "d/**/*.md"
    on-conflict: overwrite
  - delete: "c/**/*.md"
  - mkdir: e/archive
  - write: { path: "e/notes/{name}", content: "a note written where no file was\\n" }
    each: "d/**/*.md"
  - move: { from: "d/**/*.md", to: "e/archive/{relpath}" }
  - delete: d
`

function makeTree(ws: string): void {
  const files: Record<string, string> = {}
  for (let i = 0; i < 4; i++) files[`a/${i % 2 ? 'x' : 'y'}/f${i}.txt`] = `file ${i}\n`
  writeTree(ws, files)
}

const dirs: string[] = []
afterAll(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

interface Picture {
  ws: string
  state: string
  /** Operations reported executed before this instant. */
  executedBefore: number
  at: string
}

/** Takes a picture before and after every change it makes to the disk. */
class Photographer extends RealFs {
  pictures: Picture[] = []
  executed = 0
  constructor(
    private readonly ws: string,
    private readonly state: string,
    private readonly into: string
  ) {
    super(ws)
  }

  private picture(at: string): void {
    const n = this.pictures.length
    const p = { ws: join(this.into, `ws-${n}`), state: join(this.into, `st-${n}`) }
    cpSync(this.ws, p.ws, { recursive: true })
    cpSync(this.state, p.state, { recursive: true })
    this.pictures.push({ ...p, executedBefore: this.executed, at })
  }

  private async around<T>(what: string, change: () => Promise<T>): Promise<T> {
    this.picture(`before ${what}`)
    const r = await change()
    this.picture(`after ${what}`)
    return r
  }

  override rename(a: string, b: string): Promise<void> {
    return this.around(`rename ${a}`, () => super.rename(a, b))
  }
  override copy(a: string, b: string): Promise<void> {
    return this.around(`copy ${a}`, () => super.copy(a, b))
  }
  override writeFile(p: string, d: Buffer, m: number): Promise<void> {
    return this.around(`write ${p}`, () => super.writeFile(p, d, m))
  }
  override async createFile(p: string, d: Buffer, m: number): Promise<void> {
    // Also killed while the new file is being written: it holds half its bytes, still mode 000.
    this.picture(`before create ${p}`)
    const during = this.pictures[this.pictures.length - 1]
    const copy = { ...during, ws: `${during.ws}-mid`, state: `${during.state}-mid`, at: `during create ${p}` }
    cpSync(during.ws, copy.ws, { recursive: true })
    cpSync(during.state, copy.state, { recursive: true })
    const half = join(copy.ws, relative(this.ws, p))
    writeFileSync(half, d.subarray(0, d.length >> 1), { mode: 0 })
    chmodSync(half, 0)
    this.pictures.push(copy)
    await super.createFile(p, d, m)
    this.picture(`after create ${p}`)
  }
  override rm(p: string): Promise<void> {
    return this.around(`rm ${p}`, () => super.rm(p))
  }
  override async mkdirp(p: string): Promise<string[]> {
    return this.around(`mkdirp ${p}`, () => super.mkdirp(p))
  }
}

/** Runs the plan over `ws` with a photographer; returns its pictures, checking the run itself. */
async function photographed(
  plan: ReturnType<typeof parsePlan>,
  ws: string,
  state: string,
  into: string,
  want: Record<string, string>
): Promise<Picture[]> {
  const fs = new Photographer(ws, state, into)
  const run = await runPlan({
    plan,
    workspace: ws,
    stateDir: state,
    fs,
    onProgress: c => (fs.executed = c.executed)
  })
  expect(run.exitCode).toBe(0)
  expect(snapshotTree(ws)).toEqual(want)
  return fs.pictures
}

/** Completed operations whose records had not reached the disk yet when the picture was taken. */
function unrecorded(p: Picture): number {
  const loaded = Journal.load(p.state, { readOnly: true }).state
  let recorded = 0
  for (let q = 0; q < loaded.total; q++) if (loaded.isDone(q)) recorded++
  return p.executedBefore - recorded
}

/** Resumes a picture to the end and asserts it ends as the uninterrupted run did. */
async function resumeAndCheck(
  plan: ReturnType<typeof parsePlan>,
  p: Picture,
  want: Record<string, string>,
  label: string
): Promise<void> {
  const resumed = await runPlan({ plan, workspace: p.ws, stateDir: p.state })
  const failures = resumed.report.operations.filter(o => o.outcome === 'failed').map(o => o.error)
  expect(failures, label).toEqual([])
  expect(resumed.exitCode, label).toBe(0)
  expect(snapshotTree(p.ws), label).toEqual(want)
  const again = await runPlan({ plan, workspace: p.ws, stateDir: p.state })
  expect(again.report.counts.executed, `${label}, resumed again`).toBe(0)
}

describe('a kill before or after any change to the workspace', () => {
  it('resumes to the same tree as an uninterrupted run, with nothing failed, also when killed again while resuming', async () => {
    const root = tempDir('bulk-ops-crash-points-')
    dirs.push(root)
    const plan = parsePlan(PLAN, 'plan.yml')

    const refWs = join(root, 'ref')
    makeTree(refWs)
    const ref = await runPlan({ plan, workspace: refWs, stateDir: join(root, 'ref-state') })
    expect(ref.report.operations.filter(o => o.error).map(o => o.error)).toEqual([])
    expect(ref.exitCode).toBe(0)
    const want = snapshotTree(refWs)

    const ws = join(root, 'ws')
    makeTree(ws)
    const first = await photographed(plan, ws, join(root, 'state'), join(root, 'p'), want)
    expect(first.length).toBeGreaterThan(40)

    let unrecordedSeen = 0
    for (const [i, p] of first.entries()) {
      if (unrecorded(p) >= 2) unrecordedSeen++
      if (i % 8 === 3) {
        // Killed here, then killed again at every change of the resumed run.
        const copy = { ...p, ws: `${p.ws}-r`, state: `${p.state}-r` }
        cpSync(p.ws, copy.ws, { recursive: true })
        cpSync(p.state, copy.state, { recursive: true })
        const second = await photographed(plan, copy.ws, copy.state, join(root, `p${i}`), want)
        for (const q of second) {
          if (unrecorded(q) >= 2) unrecordedSeen++
          await resumeAndCheck(plan, q, want, `killed ${p.at}, then ${q.at} while resuming`)
          removeDir(q.ws)
          removeDir(q.state)
        }
      }
      await resumeAndCheck(plan, p, want, `killed ${p.at}`)
      removeDir(p.ws)
      removeDir(p.state)
    }
    // The pictures did catch several completed operations sharing one unflushed group.
    expect(unrecordedSeen).toBeGreaterThan(5)
  }, 300_000)

  it('keeps a retried operation recorded before a later operation moves its files on', async () => {
    // Attempt 1: the first move fails (continue-on-error), so the second fails too (its source
    // is missing). Attempt 2 retries both: the second moves what the first just moved, and is
    // then killed at every change. Nothing but the ordering rule keeps the first operation's
    // record ahead of the second's effect; without it, a resume finds the first operation's
    // source and target both gone and fails it.
    const chain = `version: 1
defaults: { continue-on-error: true }
operations:
  - move: { from: a/f.txt, to: b/f.txt }
  - move: { from: b/f.txt, to: c/f.txt }
  - rename: { from: c/f.txt, to: f.md }
`
    const root = tempDir('bulk-ops-crash-chain-')
    dirs.push(root)
    const plan = parsePlan(chain, 'plan.yml')
    const refWs = join(root, 'ref')
    writeTree(refWs, { 'a/f.txt': 'f\n' })
    expect((await runPlan({ plan, workspace: refWs, stateDir: join(root, 'ref-state') })).exitCode).toBe(0)
    const want = snapshotTree(refWs)

    const ws = join(root, 'ws')
    const state = join(root, 'state')
    writeTree(ws, { 'a/f.txt': 'f\n' })
    class RenameDenied extends RealFs {
      override rename(a: string, _b: string): Promise<void> {
        throw Object.assign(new Error(`EACCES: permission denied, rename '${a}'`), { code: 'EACCES' })
      }
    }
    const first = await runPlan({ plan, workspace: ws, stateDir: state, fs: new RenameDenied(ws) })
    expect(first.report.counts.failed).toBe(3)

    const pictures = await photographed(plan, ws, state, join(root, 'p'), want)
    expect(pictures.length).toBeGreaterThanOrEqual(4)
    expect(pictures.some(p => p.at.startsWith('after rename') && p.at.includes('/b/f.txt'))).toBe(true)
    for (const p of pictures) await resumeAndCheck(plan, p, want, `killed ${p.at}`)
  })

  it('resumes a plan of explicit operations (a migration map), whose records share writes, killed anywhere', async () => {
    // Each declared operation names its one path: its expansion is the same on any tree, so it
    // need not reach the kernel before the operation acts, and completed operations group.
    const lines = ['version: 1', 'operations:']
    for (let i = 0; i < 6; i++) lines.push(`  - move: { from: a/f${i}.txt, to: b/f${i}.txt }`)
    for (let i = 0; i < 6; i++) lines.push(`  - rename: { from: b/f${i}.txt, to: f${i}.md }`)
    lines.push('  - write: { path: b/f0.md, content: "rewritten\\n" }', '    on-conflict: overwrite')
    lines.push('  - delete: b/f1.md')
    const plan = parsePlan(lines.join('\n') + '\n', 'plan.json.yml')
    const root = tempDir('bulk-ops-crash-map-')
    dirs.push(root)
    const files: Record<string, string> = {}
    for (let i = 0; i < 6; i++) files[`a/f${i}.txt`] = `file ${i}\n`
    writeTree(join(root, 'ref'), { ...files, 'b/.keep': '' })
    expect(
      (await runPlan({ plan, workspace: join(root, 'ref'), stateDir: join(root, 'ref-state') })).exitCode
    ).toBe(0)
    const want = snapshotTree(join(root, 'ref'))
    const ws = join(root, 'ws')
    writeTree(ws, { ...files, 'b/.keep': '' })
    const pictures = await photographed(plan, ws, join(root, 'state'), join(root, 'p'), want)
    let grouped = 0
    for (const p of pictures) {
      if (unrecorded(p) >= 2) grouped++
      await resumeAndCheck(plan, p, want, `killed ${p.at}`)
      removeDir(p.ws)
      removeDir(p.state)
    }
    expect(grouped).toBeGreaterThan(3)
  })
})
