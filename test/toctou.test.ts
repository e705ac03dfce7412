// Time of check to time of use: a directory on an operation's path is replaced by a symlink to a
// directory outside the workspace after the operation was checked (and the Sandbox judged its
// parents) and before the filesystem call that applies it. The operation must fail naming the
// symlink, and nothing outside the workspace may change or be read into it.
import { mkdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs'
import { join, sep } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runPlan } from '../src/engine.js'
import { RealFs } from '../src/fs/real-fs.js'
import { parsePlan } from '../src/plan/load.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'

/** The RealFs methods that apply an operation. */
type ApplyMethod = 'rename' | 'copy' | 'writeFile' | 'createFile' | 'rm' | 'mkdirp'

/**
 * RealFs that, on the first call of `at` touching a path under `<workspace>/<dir>`, first swaps
 * that directory for a symlink to `sentinel` (the directory itself goes beside the workspace),
 * then lets RealFs do the call. `at: null` never swaps (the control).
 */
class SwappingFs extends RealFs {
  swapped: ApplyMethod | null = null

  /** Where the directory went: beside the workspace. */
  readonly movedTo: string

  /**
   * With `linkBack`, the symlink leads to the directory itself at its new place outside (same
   * device and inode as before), instead of to the sentinel. With `warmed` false, nothing swaps
   * before `warm.txt` is written: that write has the guard verify the directory once first.
   */
  constructor(
    private readonly ws: string,
    private readonly dir: string,
    private readonly sentinel: string,
    private readonly at: ApplyMethod | null,
    private readonly linkBack = false,
    /** Not before `warm.txt` has been written. */
    private warmed = true
  ) {
    super(ws)
    this.movedTo = join(this.ws, '..', `${this.dir.replaceAll('/', '-')}-swapped-away`)
  }

  private swap(method: ApplyMethod, paths: string[]): void {
    if (this.swapped || method !== this.at || !this.warmed) return
    const victim = join(this.ws, this.dir)
    if (!paths.some(p => p === victim || p.startsWith(victim + sep))) return
    renameSync(victim, this.movedTo)
    symlinkSync(this.linkBack ? this.movedTo : this.sentinel, victim)
    this.swapped = method
  }

  override async rename(from: string, to: string): Promise<void> {
    this.swap('rename', [from, to])
    return super.rename(from, to)
  }

  override async copy(from: string, to: string): Promise<void> {
    this.swap('copy', [from, to])
    return super.copy(from, to)
  }

  override async writeFile(p: string, data: Buffer, mode: number): Promise<void> {
    if (p.endsWith('warm.txt')) {
      await super.writeFile(p, data, mode)
      this.warmed = true
      return
    }
    this.swap('writeFile', [p])
    return super.writeFile(p, data, mode)
  }

  override async createFile(p: string, data: Buffer, mode: number): Promise<void> {
    if (p.endsWith('warm.txt')) {
      await super.createFile(p, data, mode)
      this.warmed = true
      return
    }
    this.swap('createFile', [p])
    return super.createFile(p, data, mode)
  }

  override async rm(p: string): Promise<void> {
    this.swap('rm', [p])
    return super.rm(p)
  }

  override async mkdirp(p: string): Promise<string[]> {
    this.swap('mkdirp', [p])
    return super.mkdirp(p)
  }
}

interface Case {
  name: string
  /** The one operation of the plan (YAML, one list item without the dash). */
  op: string
  /** The workspace directory swapped for the symlink. */
  dir: string
  at: ApplyMethod
  /** What the sentinel directory outside holds: what the operation would hit through the link. */
  sentinel: Record<string, string>
  /** A workspace path that must not exist afterwards (what would be read from outside). */
  absent?: string
  /** A file beside the one the operation touches: writing it first has the guard verify that directory. */
  warm?: string
}

/** The workspace before each case. */
const WS: Record<string, string> = {
  'README.md': '# demo\n',
  'docs/a.md': '# a\n',
  'legacy/old.md': '# old, in the workspace\n',
  'archive/keep.txt': 'keep\n',
  'archive/old.txt': 'old, in the workspace\n',
  'archive/notes.md': 'alpha\n',
  'nest/inner/old.txt': 'nested, in the workspace\n'
}

const SECRET = 'outside the workspace: must never change or be read\n'

const cases: Case[] = [
  {
    name: 'move: the target parent',
    warm: 'archive/warm.txt',
    op: 'move: { from: docs/a.md, to: archive/a.md }',
    dir: 'archive',
    at: 'rename',
    sentinel: { 'keep.txt': SECRET }
  },
  {
    name: 'move: the source parent',
    warm: 'legacy/warm.txt',
    op: 'move: { from: legacy/old.md, to: docs/old.md }',
    dir: 'legacy',
    at: 'rename',
    sentinel: { 'old.md': SECRET },
    absent: 'docs/old.md'
  },
  {
    name: 'copy: the target parent',
    warm: 'archive/warm.txt',
    op: 'copy: { from: README.md, to: archive/README.md }',
    dir: 'archive',
    at: 'copy',
    sentinel: { 'keep.txt': SECRET, 'README.md': SECRET }
  },
  {
    name: 'copy: the source parent',
    warm: 'legacy/warm.txt',
    op: 'copy: { from: legacy/old.md, to: docs/old.md }',
    dir: 'legacy',
    at: 'copy',
    sentinel: { 'old.md': SECRET },
    absent: 'docs/old.md'
  },
  {
    name: 'write: the target parent',
    warm: 'archive/warm.txt',
    op: 'write: { path: archive/new.txt, content: "written\\n" }',
    dir: 'archive',
    at: 'createFile',
    sentinel: { 'new.txt': SECRET }
  },
  {
    name: 'replace: the file parent',
    warm: 'archive/warm.txt',
    op: 'replace: { files: archive/notes.md, find: alpha, with: beta }',
    dir: 'archive',
    at: 'writeFile',
    sentinel: { 'notes.md': SECRET }
  },
  {
    name: 'delete: the parent',
    warm: 'archive/warm.txt',
    op: 'delete: archive/old.txt',
    dir: 'archive',
    at: 'rm',
    sentinel: { 'old.txt': SECRET }
  },
  {
    name: 'delete: a grandparent',
    warm: 'nest/inner/warm.txt',
    op: 'delete: nest/inner/old.txt',
    dir: 'nest',
    at: 'rm',
    sentinel: { 'inner/old.txt': SECRET }
  },
  {
    name: 'mkdir: the parent',
    warm: 'archive/warm.txt',
    op: 'mkdir: archive/sub/deeper',
    dir: 'archive',
    at: 'mkdirp',
    sentinel: { 'keep.txt': SECRET }
  }
]

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

async function runCase(c: Case, swap: boolean, how: { warm?: boolean; linkBack?: boolean } = {}) {
  const root = tempDir('bulk-ops-toctou-')
  dirs.push(root)
  const ws = join(root, 'ws')
  const sentinel = join(root, 'sentinel')
  writeTree(ws, WS)
  mkdirSync(sentinel)
  writeTree(sentinel, c.sentinel)
  const sentinelBefore = snapshotTree(sentinel, [])
  const warm = how.warm ? `  - write: { path: ${c.warm}, content: "warm\\n" }\n` : ''
  const plan = parsePlan(`version: 1\noperations:\n${warm}  - ${c.op}\n`, join(root, 'plan.yml'))
  const fs = new SwappingFs(ws, c.dir, sentinel, swap ? c.at : null, how.linkBack, !how.warm)
  const { report, exitCode } = await runPlan({ plan, workspace: ws, stateDir: join(root, 'state'), fs })
  return { ws, sentinel, sentinelBefore, fs, report, exitCode }
}

describe('a directory swapped for a symlink to outside between check and apply', () => {
  it.each(cases)('$name: the operation fails naming the symlink; nothing outside changes', async c => {
    const r = await runCase(c, true)
    // The swap really happened, in the call that applies the operation.
    expect(r.fs.swapped).toBe(c.at)
    expect(snapshotTree(r.sentinel, [])).toEqual(r.sentinelBefore)
    const [op] = r.report.operations
    expect(op.outcome, JSON.stringify(op)).toBe('failed')
    expect(op.error).toMatch(/symlink/)
    expect(op.error).toMatch(/outside the workspace/)
    expect(op.error).toContain(c.dir)
    expect(r.report.counts).toMatchObject({ total: 1, executed: 0, failed: 1 })
    expect(r.exitCode).toBe(1)
    if (c.absent) expect(snapshotTree(r.ws, [])[c.absent]).toBeUndefined()
    // Whatever reached the workspace, none of it came from outside.
    for (const [rel, desc] of Object.entries(snapshotTree(r.ws, ['.bulk-ops']))) {
      if (desc.startsWith('file:')) expect(readFileSync(join(r.ws, rel), 'utf8'), rel).not.toBe(SECRET)
    }
  })

  it.each(cases)(
    '$name, after the guard verified the directory once: still refused, also when the link leads back to the moved directory itself',
    async c => {
      for (const linkBack of [false, true]) {
        const r = await runCase(c, true, { warm: true, linkBack })
        const what = linkBack ? 'linked back' : 'linked to the sentinel'
        expect(r.fs.swapped, what).toBe(c.at)
        const [warm, op] = r.report.operations
        expect(warm.outcome, what).toBe('executed')
        expect(op.outcome, `${what}: ${JSON.stringify(op)}`).toBe('failed')
        expect(op.error, what).toMatch(/outside the workspace/)
        expect(snapshotTree(r.sentinel, []), what).toEqual(r.sentinelBefore)
        // The directory that was moved out holds what it held, plus the warm-up file only.
        const moved = snapshotTree(r.fs.movedTo, [])
        const prefix = `${c.dir}/`
        const want = Object.keys(WS)
          .filter(k => k.startsWith(prefix))
          .map(k => k.slice(prefix.length))
        expect(
          Object.keys(moved).filter(k => !k.endsWith('warm.txt') && moved[k].startsWith('file')),
          what
        ).toEqual(want.sort())
      }
    }
  )

  it.each(cases)('$name: without the swap the same operation executes (control)', async c => {
    const r = await runCase(c, false)
    expect(r.fs.swapped).toBeNull()
    expect(r.report.counts).toMatchObject({ total: 1, executed: 1, failed: 0 })
    expect(r.exitCode).toBe(0)
    expect(snapshotTree(r.sentinel, [])).toEqual(r.sentinelBefore)
  })
})
