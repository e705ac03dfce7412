import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../src/logger.js'
import { cleanupWorkspaces, makeWs, outcomes, runYaml } from './helpers/plans.js'

afterEach(cleanupWorkspaces)

// Linux allows any bytes but '/' and NUL in a name; git tracks such names too. bulk-ops leaves a
// name that is not valid UTF-8 out of every glob, with one warning per declared operation that
// names it escaped: the entry stays exactly as it was, and nothing is ever renamed to U+FFFD.

/** A path under `root` whose segments are raw bytes (strings are UTF-8, Buffers are taken as is). */
function raw(root: string, ...segs: (string | Buffer)[]): Buffer {
  return Buffer.concat([Buffer.from(root), ...segs.flatMap(s => [Buffer.from('/'), Buffer.from(s)])])
}

const FF = Buffer.from([0xff])
const bad = (before: string, after: string): Buffer =>
  Buffer.concat([Buffer.from(before), FF, Buffer.from(after)])

/** Every entry under `root`, names as hex-escaped bytes, with its content, link target or 'dir'. */
function rawTree(root: Buffer, exclude = ['.bulk-ops']): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (dir: Buffer, rel: string): void => {
    for (const name of readdirSync(dir, { encoding: 'buffer' })) {
      if (rel === '' && exclude.includes(name.toString())) continue
      const p = Buffer.concat([dir, Buffer.from('/'), name])
      const r = `${rel}/${name.toString('hex')}`
      const s = lstatSync(p)
      if (s.isSymbolicLink()) out[r] = `link:${readlinkSync(p, { encoding: 'buffer' }).toString('hex')}`
      else if (s.isDirectory()) {
        out[r] = 'dir'
        walk(p, r)
      } else out[r] = `file:${readFileSync(p).toString('hex')}`
    }
  }
  walk(root, '')
  return out
}

/** The rawTree key of a path given as segments. */
const key = (...segs: (string | Buffer)[]): string =>
  segs.map(s => `/${Buffer.from(s).toString('hex')}`).join('')

describe('names that are not valid UTF-8', () => {
  it('are left out of every kind of glob, named in one warning each, and never changed', async () => {
    const t = makeWs()
    const w = t.ws
    const file = (content: string, ...segs: (string | Buffer)[]): void =>
      writeFileSync(raw(w, ...segs), content)
    const dir = (...segs: (string | Buffer)[]): void => {
      mkdirSync(raw(w, ...segs), { recursive: true })
    }
    for (const d of ['m', 'r', 'c', 'x', 'p', 'u', 'e', 'e/ok', 'c/gd', 'x/gone.tmp', 'tpl']) dir(d)
    file('move me', 'm', 'good.txt')
    file('stay', 'm', bad('bad-', '.txt'))
    file('not matched', 'm', bad('other-', '.bin'))
    file('rename me', 'r', 'good.txt')
    file('stay', 'r', bad('bad-', '.txt'))
    dir('r', bad('dir-', '.txt'))
    file('copy me', 'c', 'g.txt')
    file('inside a copied dir', 'c', 'gd', bad('in-', ''))
    symlinkSync(bad('target-', ''), raw(w, 'c', 'gd', bad('link-', '')))
    file('stay', 'c', bad('bad-', ''))
    file('delete me', 'x', 'a.tmp')
    file('deleted with its dir', 'x', 'gone.tmp', bad('z', ''))
    file('stay', 'x', bad('b', '.tmp'))
    file('old text', 'p', 'good.txt')
    file('old text', 'p', bad('bad-', '.txt'))
    file('run on me', 'u', 'good.txt')
    file('stay', 'u', bad('bad-', '.txt'))
    dir('e', bad('bad-', ''))
    file('T', 'tpl', 'T')
    const before = rawTree(Buffer.from(w))
    // A U+FFFD name, valid UTF-8, is an ordinary name.
    file('ordinary', 'm', 'repl-\uFFFD.txt')

    const log = memoryLogger()
    const report = await runYaml(
      t,
      [
        'version: 1',
        'defaults: { if-no-match: ignore }',
        'operations:',
        '  - move: { from: "m/*.txt", to: "m2/{name}" }',
        '  - rename: { from: "r/*.txt", to: "{stem}.md" }',
        '  - copy: { from: "c/*", to: "c2/{name}" }',
        '  - delete: "x/*.tmp"',
        '  - replace: { files: "p/*.txt", find: "old", with: "new" }',
        '  - run: { files: "u/*.txt", command: [cp, "{path}", "{path}.seen"] }',
        '  - copy: { from: tpl/T, to: "{path}/T" }',
        '    each: "e/*/"'
      ].join('\n'),
      { logger: log }
    )
    expect(report.counts.failed).toBe(0)
    expect(outcomes(report).every(([o]) => o === 'executed')).toBe(true)
    expect(report.operations.map(o => [o.kind, o.from])).toEqual([
      ['move', 'm/good.txt'],
      ['move', 'm/repl-\uFFFD.txt'],
      ['rename', 'r/good.txt'],
      ['copy', 'c/g.txt'],
      ['copy', 'c/gd'],
      ['delete', 'x/a.tmp'],
      ['delete', 'x/gone.tmp'],
      ['replace', 'p/good.txt'],
      ['run', 'u/good.txt'],
      ['copy', 'tpl/T']
    ])

    const warnings = log.lines.filter(l => l.startsWith('warning:'))
    expect(warnings).toEqual([
      expect.stringMatching(
        /^warning: operations\[0\] \(move\): glob 'm\/\*\.txt' left out 1 entry .*: m\/bad-\\xff\.txt$/
      ),
      expect.stringMatching(
        /^warning: operations\[1\] \(rename\): .* left out 2 entries .*: r\/bad-\\xff\.txt, r\/dir-\\xff\.txt\/$/
      ),
      expect.stringMatching(/^warning: operations\[2\] \(copy\): .* left out 1 entry .*: c\/bad-\\xff$/),
      expect.stringMatching(/^warning: operations\[3\] \(delete\): .* left out 1 entry .*: x\/b\\xff\.tmp$/),
      expect.stringMatching(
        /^warning: operations\[4\] \(replace\): .* left out 1 entry .*: p\/bad-\\xff\.txt$/
      ),
      expect.stringMatching(/^warning: operations\[5\] \(run\): .* left out 1 entry .*: u\/bad-\\xff\.txt$/),
      expect.stringMatching(
        /^warning: operations\[6\] \(copy\): glob 'e\/\*\/' left out 1 entry .*: e\/bad-\\xff\/$/
      )
    ])

    // What the plan did, and nothing else: every name that is not UTF-8 is where it was, as it was.
    const want = { ...before }
    const move = (from: string, to: string): void => {
      want[to] = want[from]
      delete want[from]
    }
    want[key('m2')] = 'dir'
    move(key('m', 'good.txt'), key('m2', 'good.txt'))
    want[key('m2', 'repl-\uFFFD.txt')] = `file:${Buffer.from('ordinary').toString('hex')}`
    move(key('r', 'good.txt'), key('r', 'good.md'))
    want[key('c2')] = 'dir'
    want[key('c2', 'g.txt')] = want[key('c', 'g.txt')]
    want[key('c2', 'gd')] = 'dir'
    want[key('c2', 'gd', bad('in-', ''))] = want[key('c', 'gd', bad('in-', ''))]
    want[key('c2', 'gd', bad('link-', ''))] = want[key('c', 'gd', bad('link-', ''))]
    delete want[key('x', 'a.tmp')]
    delete want[key('x', 'gone.tmp')]
    delete want[key('x', 'gone.tmp', bad('z', ''))]
    want[key('p', 'good.txt')] = `file:${Buffer.from('new text').toString('hex')}`
    want[key('u', 'good.txt.seen')] = want[key('u', 'good.txt')]
    want[key('e', 'ok', 'T')] = want[key('tpl', 'T')]
    const after = rawTree(Buffer.from(w))
    expect(after).toEqual(want)
    expect(
      Object.keys(after).some(k => k.includes('efbfbd') && !k.includes(Buffer.from('repl-').toString('hex')))
    ).toBe(false)
  })

  it('a resumed run finds the same expansion, and a dry-run warns the same way', async () => {
    const t = makeWs()
    mkdirSync(raw(t.ws, 'd'))
    writeFileSync(raw(t.ws, 'd', 'a.txt'), 'a')
    writeFileSync(raw(t.ws, 'd', bad('b', '.txt')), 'b')
    const plan = 'version: 1\noperations:\n  - delete: "d/*.txt"\n'
    const dry = memoryLogger()
    const d = await runYaml(t, plan, { dryRun: true, logger: dry })
    expect(d.operations.map(o => o.from)).toEqual(['d/a.txt'])
    expect(dry.lines.filter(l => l.startsWith('warning:'))).toEqual([expect.stringContaining('d/b\\xff.txt')])
    const state = t.freshState()
    const first = await runYaml(t, plan, { stateDir: state })
    expect(first.counts).toMatchObject({ executed: 1, failed: 0 })
    const again = await runYaml(t, plan, { stateDir: state })
    expect(again.counts).toMatchObject({ total: 1, skipped: 1, failed: 0 })
    expect(readdirSync(raw(t.ws, 'd'), { encoding: 'buffer' })).toEqual([bad('b', '.txt')])
  })
})
