import {
  chmodSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { runPlan } from '../../src/engine.js'
import { RealFs } from '../../src/fs/real-fs.js'
import { parsePlan } from '../../src/plan/load.js'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, outcomes, runYaml } from '../helpers/plans.js'
import { snapshotTree } from '../helpers/tree.js'

afterEach(cleanupWorkspaces)

const mode = (p: string): number => lstatSync(p).mode & 0o7777

describe('write', () => {
  it('writes the exact content (creating parents), and a second independent run finds it identical', async () => {
    const t = makeWs()
    const plan =
      'version: 1\noperations:\n  - write: { path: "conf ig/.nvmrc", content: "24\\n\\tü 日本\\r\\n" }\n'
    expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
    expect(readFileSync(join(t.ws, 'conf ig/.nvmrc'), 'utf8')).toBe('24\n\tü 日本\r\n')
    expect(mode(join(t.ws, 'conf ig/.nvmrc'))).toBe(0o644)
    const before = snapshotTree(t.ws)
    const second = await runYaml(t, plan)
    expect(outcomes(second)).toEqual([['skipped', 'satisfied']])
    expect(snapshotTree(t.ws)).toEqual(before)
  })

  it('applies mode; identical content with another mode only needs the mode', async () => {
    const t = makeWs({ 'run.sh': '#!/bin/sh\n' })
    const plan =
      'version: 1\noperations:\n  - write: { path: run.sh, content: "#!/bin/sh\\n", mode: "755" }\n'
    expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
    expect(mode(join(t.ws, 'run.sh'))).toBe(0o755)
    expect(outcomes(await runYaml(t, plan))).toEqual([['skipped', 'satisfied']])
    const fresh = 'version: 1\noperations:\n  - write: { path: new.sh, content: "x", mode: "0700" }\n'
    await runYaml(t, fresh)
    expect(mode(join(t.ws, 'new.sh'))).toBe(0o700)
  })

  it('writes an empty file', async () => {
    const t = makeWs()
    await runYaml(t, 'version: 1\noperations:\n  - write: { path: empty, content: "" }\n')
    expect(readFileSync(join(t.ws, 'empty')).length).toBe(0)
    expect(
      outcomes(await runYaml(t, 'version: 1\noperations:\n  - write: { path: empty, content: "" }\n'))
    ).toEqual([['skipped', 'satisfied']])
  })

  describe('other content is a conflict', () => {
    const plan = (how: string): string =>
      `version: 1\noperations:\n  - write: { path: f.txt, content: "new" }\n    on-conflict: ${how}\n`

    it('on-conflict: fail fails, naming the path', async () => {
      const t = makeWs({ 'f.txt': 'old' })
      const r = await runYaml(t, plan('fail'))
      expect(outcomes(r)).toEqual([['failed', null]])
      expect(r.operations[0].error).toMatch(/^conflict: 'f\.txt' exists with other content/)
      expect(readFileSync(join(t.ws, 'f.txt'), 'utf8')).toBe('old')
    })

    it('on-conflict: skip changes nothing', async () => {
      const t = makeWs({ 'f.txt': 'old' })
      expect(outcomes(await runYaml(t, plan('skip')))).toEqual([['skipped', 'conflict']])
      expect(readFileSync(join(t.ws, 'f.txt'), 'utf8')).toBe('old')
    })

    it('on-conflict: overwrite writes, keeping the old mode', async () => {
      const t = makeWs({ 'f.txt': 'old' })
      chmodSync(join(t.ws, 'f.txt'), 0o600)
      expect(outcomes(await runYaml(t, plan('overwrite')))).toEqual([['executed', null]])
      expect(readFileSync(join(t.ws, 'f.txt'), 'utf8')).toBe('new')
      expect(mode(join(t.ws, 'f.txt'))).toBe(0o600)
    })

    it('a directory in the way: conflict, and overwrite replaces it with the file', async () => {
      const t = makeWs({ 'f.txt/inner': 'x' })
      const r = await runYaml(t, plan('fail'))
      expect(r.operations[0].error).toMatch(/conflict: 'f\.txt' exists and is a directory/)
      expect(outcomes(await runYaml(t, plan('overwrite')))).toEqual([['executed', null]])
      expect(readFileSync(join(t.ws, 'f.txt'), 'utf8')).toBe('new')
    })
  })

  it('never writes through a symlink: a link in the way is a conflict, and overwrite replaces the link', async () => {
    const t = makeWs({ 'target.txt': 'target' })
    symlinkSync('target.txt', join(t.ws, 'link.txt'))
    const plan = (how: string): string =>
      `version: 1\noperations:\n  - write: { path: link.txt, content: "new" }\n    on-conflict: ${how}\n`
    const r = await runYaml(t, plan('fail'))
    expect(r.operations[0].error).toMatch(/conflict: 'link\.txt' exists and is a symlink/)
    expect(readlinkSync(join(t.ws, 'link.txt'))).toBe('target.txt')
    expect(outcomes(await runYaml(t, plan('overwrite')))).toEqual([['executed', null]])
    expect(lstatSync(join(t.ws, 'link.txt')).isFile()).toBe(true)
    expect(readFileSync(join(t.ws, 'link.txt'), 'utf8')).toBe('new')
    expect(readFileSync(join(t.ws, 'target.txt'), 'utf8')).toBe('target')
  })

  it('fails clearly when a parent turns out to be a file', async () => {
    const t = makeWs()
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - write: { path: p, content: "x" }\n  - write: { path: p/q, content: "y" }\n'
    )
    expect(r.operations[1].outcome).toBe('failed')
    expect(r.operations[1].error).toMatch(/'p\/q' has a parent 'p' that is not a directory/)
  })

  it('fans out with each, and takes {{ }} as literal braces in its path', async () => {
    const t = makeWs({ 'packages/a/x': '', 'packages/b/x': '' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - write: { path: "{path}/{{v}}.txt", content: "1" }\n    each: "packages/*/"\n  - write: { path: "lit{{x}}.txt", content: "2" }\n'
    )
    expect(r.operations.map(o => [o.outcome, o.to])).toEqual([
      ['executed', 'packages/a/{v}.txt'],
      ['executed', 'packages/b/{v}.txt'],
      ['executed', 'lit{x}.txt']
    ])
    expect(readFileSync(join(t.ws, 'packages/b/{v}.txt'), 'utf8')).toBe('1')
    expect(readFileSync(join(t.ws, 'lit{x}.txt'), 'utf8')).toBe('2')
    expect(existsSync(join(t.ws, 'lit{{x}}.txt'))).toBe(false)
  })

  it('creates a new file in place, exclusively: no scratch file, and a file that appears meanwhile is kept', async () => {
    const t = makeWs()
    const seen: string[] = []
    class Watching extends RealFs {
      override async createFile(p: string, d: Buffer, m: number): Promise<void> {
        seen.push(readdirSync(dirname(p)).join(','))
        if (p.endsWith('raced.txt')) writeFileSync(p, 'theirs\n')
        return super.createFile(p, d, m)
      }
    }
    const plan = parsePlan(
      'version: 1\noperations:\n  - write: { path: new.txt, content: "ours\\n" }\n  - write: { path: raced.txt, content: "ours\\n" }\n',
      'plan.yml'
    )
    const r = await runPlan({
      plan,
      workspace: t.ws,
      stateDir: t.freshState(),
      fs: new Watching(t.ws),
      retryBaseMs: 1
    })
    expect(readFileSync(join(t.ws, 'new.txt'), 'utf8')).toBe('ours\n')
    expect(mode(join(t.ws, 'new.txt'))).toBe(0o644)
    expect(seen[0]).toBe('.keep') // nothing beside it while it is created
    // The retry finds the other file and reports the conflict; it is never overwritten.
    expect(readFileSync(join(t.ws, 'raced.txt'), 'utf8')).toBe('theirs\n')
    expect(r.report.operations[1]).toMatchObject({ outcome: 'failed' })
    expect(r.report.operations[1].error).toMatch(/conflict: 'raced.txt' exists with other content/)
  })

  it('finishes a new file that a kill left half written (mode 000), and leaves a real conflict alone', async () => {
    const t = makeWs({ 'half.txt': 'the fi', 'other.txt': 'x' })
    chmodSync(join(t.ws, 'half.txt'), 0)
    chmodSync(join(t.ws, 'other.txt'), 0)
    const plan =
      'version: 1\noperations:\n  - write: { path: half.txt, content: "the first line\\n" }\n' +
      '  - write: { path: other.txt, content: "" }\n'
    const dry = await runYaml(t, plan, { dryRun: true })
    expect(dry.operations[0].classification).toBe('would-execute')
    const r = await runYaml(t, plan)
    expect(outcomes(r)[0]).toEqual(['executed', null])
    expect(readFileSync(join(t.ws, 'half.txt'), 'utf8')).toBe('the first line\n')
    expect(mode(join(t.ws, 'half.txt'))).toBe(0o644)
    // Longer than the content: not a creation of ours. It is a conflict (or unreadable), untouched.
    expect(r.operations[1].outcome).toBe('failed')
    expect(mode(join(t.ws, 'other.txt'))).toBe(0)
    chmodSync(join(t.ws, 'other.txt'), 0o600)
    expect(readFileSync(join(t.ws, 'other.txt'), 'utf8')).toBe('x')
    expect(outcomes(await runYaml(t, plan))[0]).toEqual(['skipped', 'satisfied'])
  })
})
