// DESIGN §2, colliding targets: a declared operation whose concrete operations share a target,
// or put one target inside another's, fails as a whole before any of them acts, in the run and
// in the dry-run, naming the target and every source that maps to it.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '../src/report/model.js'
import { runCli } from './helpers/cli.js'
import { removeDir, snapshotTree, tempDir, writeTree } from './helpers/tree.js'
import { readFileSync, writeFileSync } from 'node:fs'

interface Case {
  name: string
  tree: Record<string, string>
  op: string
  /** Every substring the error must hold: the target and each source that collides there. */
  names: string[]
}

const CASES: Case[] = [
  {
    name: 'copy of a glob to one file',
    tree: { 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n' },
    op: 'copy: { from: "*.txt", to: "all/one.txt" }',
    names: ["target 'all/one.txt'", "'a.txt'", "'b.txt'", "'c.txt'"]
  },
  {
    name: 'copy into a directory (trailing /) of files with one name',
    tree: { 'p/a/LICENSE': 'a\n', 'p/b/LICENSE': 'b\n' },
    op: 'copy: { from: "p/*/LICENSE", to: "out/" }',
    names: ["target 'out/LICENSE'", "'p/a/LICENSE'", "'p/b/LICENSE'"]
  },
  {
    name: 'move flattening a tree whose files share a name',
    tree: { 'docs/a/index.md': 'a\n', 'docs/b/index.md': 'b\n', 'docs/c/other.md': 'c\n' },
    op: 'move: { from: "docs/**/*.md", to: "flat/{name}" }',
    names: ["target 'flat/index.md'", "'docs/a/index.md'", "'docs/b/index.md'"]
  },
  {
    name: 'move putting one target inside another',
    tree: { 'x/a.cfg': 'a\n', 'x/y/b.cfg': 'b\n' },
    op: 'copy: { from: "**/*.cfg", to: "cfg/{dir}" }',
    names: ["target 'cfg/x/y'", "'x/y/b.cfg'", "inside target 'cfg/x'", "'x/a.cfg'"]
  },
  {
    name: 'rename of two extensions to one',
    tree: { 'src/m.ts': 'ts\n', 'src/m.tsx': 'tsx\n', 'src/n.ts': 'n\n' },
    op: 'rename: { from: "src/*", to: "{stem}.js" }',
    names: ["target 'src/m.js'", "'src/m.ts'", "'src/m.tsx'"]
  },
  {
    name: 'each: a copy per directory into directories of one name',
    tree: { 'tpl/LICENSE': 'MIT\n', 'pkgs/a/lib/x.js': 'a\n', 'pkgs/b/lib/y.js': 'b\n' },
    op: 'copy: { from: tpl/LICENSE, to: "licenses/{name}" }\n    each: "pkgs/*/lib/"',
    names: ["target 'licenses/lib'", "'tpl/LICENSE'"]
  },
  {
    name: 'each: a write per directory to one file',
    tree: { 'pkgs/a/src/x.js': 'a\n', 'pkgs/b/src/y.js': 'b\n' },
    op: 'write: { path: "notes/{name}.md", content: "x" }\n    each: "pkgs/*/src/"',
    names: ["target 'notes/src.md'"]
  }
]

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

describe('colliding targets', () => {
  it.each(CASES)('$name: the declared operation fails whole, nothing changes', c => {
    const ws = tempDir('bulk-ops-collide-')
    const state = tempDir('bulk-ops-collide-state-')
    dirs.push(ws, state)
    writeTree(ws, c.tree)
    const plan = join(state, 'plan.yml')
    writeFileSync(plan, `version: 1\noperations:\n  - id: fan-out\n    ${c.op}\n`)
    const before = snapshotTree(ws, [])

    for (const dry of [true, false]) {
      const report = join(state, `report-${dry}.json`)
      const args = ['run', plan, '--workspace', ws, '--state-dir', join(state, 's'), '--report', report]
      const r = runCli(dry ? [...args, '--dry-run'] : args)
      expect(r.code, r.stderr).toBe(1)
      const rep = JSON.parse(readFileSync(report, 'utf8')) as Report
      expect(rep.counts).toMatchObject({ total: 1, failed: 1, executed: 0 })
      const [op] = rep.operations
      expect(op.op).toBe('fan-out')
      expect(op.error).toMatch(/targets collide, so none of its \d+ operations runs/)
      for (const n of c.names) expect(op.error).toContain(n)
      if (dry) expect(op.classification).toBe('would-fail')
      expect(snapshotTree(ws, [])).toEqual(before)
    }
  })

  it('a match carried by a match it lies in (a directory and its files) is no collision', () => {
    const ws = tempDir('bulk-ops-collide-')
    const state = tempDir('bulk-ops-collide-state-')
    dirs.push(ws, state)
    writeTree(ws, { 'legacy/a/one.md': '1\n', 'legacy/a/two.md': '2\n', 'legacy/b.md': 'b\n' })
    const plan = join(state, 'plan.yml')
    writeFileSync(
      plan,
      'version: 1\noperations:\n  - move: { from: "legacy/**/*", to: "docs/{relpath}" }\n  - mkdir: keep\n'
    )
    const r = runCli(['run', plan, '--workspace', ws, '--state-dir', join(state, 's')])
    expect(r.code, r.stderr).toBe(0)
    const after = snapshotTree(ws, [])
    expect(Object.keys(after).filter(p => p.endsWith('.md'))).toEqual([
      'docs/a/one.md',
      'docs/a/two.md',
      'docs/b.md'
    ])
  })
})
