// Where perl is missing, the engine starts the commands itself: the same behaviour, at a higher
// cost per command, said once in the log. PATH holds every program of the system but perl.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { makeWs } from '../helpers/plans.js'
import { runSuite } from '../helpers/run-suite.js'
import { removeDir, tempDir } from '../helpers/tree.js'

let bin = ''
const savedPath = process.env.PATH

/** A directory of links to every program on PATH except perl. */
function pathWithoutPerl(): string {
  const dir = tempDir('bulk-ops-noperl-')
  for (const from of (savedPath ?? '/usr/bin:/bin').split(':')) {
    let names: string[]
    try {
      names = readdirSync(from)
    } catch {
      continue
    }
    for (const name of names) {
      if (/^perl/.test(name)) continue
      try {
        symlinkSync(join(from, name), join(dir, name))
      } catch {
        // an earlier directory on PATH had it
      }
    }
  }
  return dir
}

beforeAll(() => {
  bin = pathWithoutPerl()
  process.env.PATH = bin
})
afterAll(() => {
  process.env.PATH = savedPath
  removeDir(bin)
})

runSuite(comm => comm === 'node' || comm === 'MainThread', 'the engine itself')

describe('without perl', () => {
  it('the CLI says once that the engine starts the commands itself, and runs them all', () => {
    const t = makeWs(Object.fromEntries([1, 2, 3].map(i => [`f${i}.txt`, `${i}`])))
    const plan = join(t.dir, 'plan.yml')
    writeFileSync(
      plan,
      'version: 1\noperations:\n  - run: { files: "*.txt", command: [gzip, "{path}"] }\n    parallel: 2\n'
    )
    mkdirSync(join(t.dir, 'state'))
    const r = runCli(['run', plan, '--workspace', t.ws, '--state-dir', join(t.dir, 'state')], {
      env: { PATH: bin }
    })
    expect(r.code, r.stderr).toBe(0)
    const out = r.stdout + r.stderr
    expect(out.match(/commands are started by the engine itself/g)).toHaveLength(1)
    expect(out).toMatch(/the spawner \(perl\) .*ENOENT/)
    expect(
      readdirSync(t.ws)
        .filter(n => n.endsWith('.gz'))
        .sort()
    ).toEqual(['f1.txt.gz', 'f2.txt.gz', 'f3.txt.gz'])
  })
})
