// The behaviour of `run` operations, the same whichever way commands are started: by the
// spawner (test/ops/run.test.ts) or by the engine itself, where perl is missing
// (test/ops/run-without-perl.test.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/model.js'
import { runCli } from './cli.js'
import { memoryLogger } from '../../src/logger.js'
import { cleanupWorkspaces, makeWs, outcomes, runYaml, type TestWs } from './plans.js'
import { snapshotTree } from './tree.js'

/** File names a shell would misread; every one must reach the command as one verbatim argument. */
const NASTY = [
  'with space.txt',
  `quote"s 'single'.txt`,
  '$(touch pwned).txt',
  '`touch pwned`.txt',
  'semi;colon; touch pwned.txt',
  'new\nline.txt',
  '-dash.txt',
  '--help.txt',
  'ünïcødé 日本 ✓.txt',
  '$HOME & | > < #.txt'
]

/** A script outside the workspace that records its argv, cwd and environment as `<out>/<seq>.json`. */
function dumpScript(t: TestWs): { script: string; out: string } {
  const script = join(t.dir, 'dump.cjs')
  const out = join(t.dir, 'out')
  writeFileSync(
    script,
    `const fs = require('fs'), path = require('path')
const out = process.argv[2]
fs.mkdirSync(out, { recursive: true })
fs.writeFileSync(path.join(out, process.env.BULK_OPS_SEQ + '.json'),
  JSON.stringify({ argv: process.argv.slice(3), cwd: process.cwd(), env: process.env }))
`
  )
  return { script, out }
}

interface Dump {
  argv: string[]
  cwd: string
  env: Record<string, string>
}

function dumps(out: string): Dump[] {
  return readdirSync(out)
    .sort((a, b) => parseInt(a) - parseInt(b))
    .map(f => JSON.parse(readFileSync(join(out, f), 'utf8')) as Dump)
}

function noPwned(t: TestWs): void {
  const all = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(p => p.split('/').pop()!)
  expect(all(t.dir).filter(n => n === 'pwned')).toEqual([])
  expect(existsSync(join(process.cwd(), 'pwned'))).toBe(false)
}

/**
 * The run suite. `startedBy` is the name of the process that starts the commands: `perl` (the
 * spawner) or the engine's own.
 */
export function runSuite(startedBy: (comm: string) => boolean, label: string): void {
  afterEach(cleanupWorkspaces)

  describe(`run, commands started by ${label}`, () => {
    it(`commands are started by ${label}`, async () => {
      const t = makeWs({ 'a.txt': '' })
      const r = await runYaml(
        t,
        'version: 1\noperations:\n  - run: { files: "*.txt", shell: \'cat /proc/$PPID/comm > parent\' }\n'
      )
      expect(outcomes(r)).toEqual([['executed', null]])
      const comm = readFileSync(join(t.ws, 'parent'), 'utf8').trim()
      expect(startedBy(comm), comm).toBe(true)
    })

    it('keeps the first MiB of each stream for the log and the last stderr lines for the error, apart', async () => {
      const t = makeWs()
      const logger = memoryLogger()
      // 3 MiB on each stream, stdout in 'o' lines and stderr in 'e' lines, then a failure.
      const shell = `head -c 3145728 /dev/zero | tr '\\0' o | fold -w 63; for i in $(seq 1 40000); do echo "e $i" >&2; done; exit 5`
      const plan = JSON.stringify({ version: 1, operations: [{ run: { shell }, 'max-attempts': 1 }] })
      const r = await runYaml(t, plan, { logger })
      expect(r.operations[0].outcome).toBe('failed')
      const err = r.operations[0].error!
      expect(err).toMatch(/^shell script exited with code 5; stderr:\ne 39991\n/)
      expect(err.endsWith('e 40000')).toBe(true)
      const out = logger.lines.find(l => l.startsWith('debug: #0 stdout:\n'))!
      const kept = out.split('\n').slice(1, -1)
      expect(kept.every(l => /^o{63}$/.test(l))).toBe(true)
      expect(out).toMatch(/\n… \(\d+ more bytes not shown\)$/)
      const dropped = Number(/\((\d+) more bytes/.exec(out)![1])
      // fold breaks 3 MiB into lines of 63 bytes and a last one of 12, without its newline.
      expect(dropped).toBe(3145728 + Math.floor(3145728 / 63) - 1024 * 1024)
      const errLog = logger.lines.find(l => l.startsWith('debug: #0 stderr:\n'))!
      expect(errLog).toContain('\ne 1\ne 2\n')
      expect(errLog).not.toContain('o')
    })

    it('argv form: every file name arrives as one verbatim argument, nothing is evaluated', async () => {
      const t = makeWs(Object.fromEntries(NASTY.map(n => [n, 'x'])))
      const { script, out } = dumpScript(t)
      const plan = JSON.stringify({
        version: 1,
        operations: [
          {
            run: {
              files: '*.txt',
              command: [process.execPath, script, out, '{path}', '{name}', '--', '{stem}']
            }
          }
        ]
      })
      const r = await runYaml(t, plan)
      expect(r.counts).toMatchObject({ total: NASTY.length, executed: NASTY.length, failed: 0 })
      const got = dumps(out)
      expect(got.map(d => d.argv[0]).sort()).toEqual([...NASTY].sort())
      for (const d of got) {
        expect(d.argv).toEqual([d.argv[0], d.argv[0], '--', d.argv[0].replace(/\.txt$/, '')])
        expect(d.cwd).toBe(t.ws)
        expect(d.env.BULK_OPS_PATH).toBe(d.argv[0])
        expect(d.env.BULK_OPS_WORKSPACE).toBe(t.ws)
      }
      noPwned(t)
    })

    it('shell form: the path reaches the script only as $BULK_OPS_PATH, verbatim', async () => {
      const t = makeWs(Object.fromEntries(NASTY.map(n => [`in/${n}`, 'x'])))
      const out = join(t.dir, 'shell-out')
      const plan = JSON.stringify({
        version: 1,
        operations: [
          {
            run: {
              files: 'in/*.txt',
              shell: 'mkdir -p "$OUT" && printf %s "$BULK_OPS_PATH" > "$OUT/$BULK_OPS_SEQ"',
              env: { OUT: out }
            }
          }
        ]
      })
      const r = await runYaml(t, plan)
      expect(r.counts).toMatchObject({ executed: NASTY.length, failed: 0 })
      const got = readdirSync(out).map(f => readFileSync(join(out, f), 'utf8'))
      expect(got.sort()).toEqual(NASTY.map(n => `in/${n}`).sort())
      noPwned(t)
    })

    it('refuses a placeholder spliced into shell text as a plan error', async () => {
      const t = makeWs({ 'a.txt': '' })
      await expect(
        runYaml(t, 'version: 1\noperations:\n  - run: { files: "*.txt", shell: "cat {path}" }\n')
      ).rejects.toThrow(/run\.shell: \{path\} is not substituted in shell text.*BULK_OPS_PATH/)
    })

    it("the command's environment lacks the runner's token and the action's inputs (in-process)", async () => {
      const t = makeWs()
      const { script, out } = dumpScript(t)
      const set = {
        ACTIONS_RUNTIME_TOKEN: 'secret-token',
        INPUT_PLAN: 'plan.yml',
        'INPUT_GITHUB-TOKEN': 'ghs_secret',
        BULK_OPS_TEST_KEPT: 'kept'
      }
      const saved = Object.fromEntries(Object.keys(set).map(k => [k, process.env[k]]))
      Object.assign(process.env, set)
      try {
        const plan = JSON.stringify({
          version: 1,
          operations: [{ run: { command: [process.execPath, script, out], env: { MINE: 'mine' } } }]
        })
        expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k]
          else process.env[k] = v
        }
      }
      const [d] = dumps(out)
      expect(Object.keys(d.env).filter(k => k === 'ACTIONS_RUNTIME_TOKEN' || k.startsWith('INPUT_'))).toEqual(
        []
      )
      expect(JSON.stringify(d.env)).not.toMatch(/secret/)
      expect(d.env.BULK_OPS_TEST_KEPT).toBe('kept')
      expect(d.env.MINE).toBe('mine')
    })

    it("the command's environment lacks the runner's token and the action's inputs (CLI)", () => {
      const t = makeWs({ 'a b.txt': '' })
      const { script, out } = dumpScript(t)
      const planFile = join(t.dir, 'plan.json')
      writeFileSync(
        planFile,
        JSON.stringify({
          version: 1,
          operations: [{ run: { files: '*.txt', command: [process.execPath, script, out, '{path}'] } }]
        })
      )
      const r = runCli(['run', planFile, '--workspace', t.ws, '--state-dir', t.freshState()], {
        env: { ACTIONS_RUNTIME_TOKEN: 'secret-token', INPUT_PLAN: 'x', INPUT_TIME_BUDGET: '1h' }
      })
      expect(r.code, r.stderr).toBe(0)
      const [d] = dumps(out)
      expect(d.argv).toEqual(['a b.txt'])
      expect(Object.keys(d.env).filter(k => k === 'ACTIONS_RUNTIME_TOKEN' || k.startsWith('INPUT_'))).toEqual(
        []
      )
    })

    describe('guards', () => {
      it('creates: runs once, then a second independent run is satisfied', async () => {
        const t = makeWs({ 'img/a.png': 'a', 'img/b c.png': 'b' })
        const plan =
          'version: 1\noperations:\n  - run: { files: "img/*.png", command: [cp, "{path}", "{path}.optimized"], creates: "{path}.optimized" }\n'
        const first = await runYaml(t, plan)
        expect(outcomes(first)).toEqual([
          ['executed', null],
          ['executed', null]
        ])
        expect(readFileSync(join(t.ws, 'img/b c.png.optimized'), 'utf8')).toBe('b')
        const before = snapshotTree(t.ws)
        const second = await runYaml(t, plan)
        expect(outcomes(second)).toEqual([
          ['skipped', 'satisfied'],
          ['skipped', 'satisfied']
        ])
        expect(second.operations[0].detail).toBe("guard: 'img/a.png.optimized' exists")
        expect(snapshotTree(t.ws)).toEqual(before)
      })

      it('removes: runs while the path exists, then is satisfied', async () => {
        const t = makeWs({ 'lock file': '' })
        const plan =
          'version: 1\noperations:\n  - run: { command: [rm, "lock file"], removes: "lock file" }\n'
        expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
        expect(existsSync(join(t.ws, 'lock file'))).toBe(false)
        const second = await runYaml(t, plan)
        expect(outcomes(second)).toEqual([['skipped', 'satisfied']])
        expect(second.operations[0].detail).toBe("guard: 'lock file' is absent")
      })

      it('without a guard a command is at-least-once: a second independent run runs it again', async () => {
        const t = makeWs()
        const plan = "version: 1\noperations:\n  - run: { shell: 'echo x >> count' }\n"
        await runYaml(t, plan)
        expect(outcomes(await runYaml(t, plan))).toEqual([['executed', null]])
        expect(readFileSync(join(t.ws, 'count'), 'utf8')).toBe('x\nx\n')
      })
    })

    it('is done when the command exits, even if a process it started in the background holds its output open', async () => {
      const t = makeWs()
      const pidFile = join(t.dir, 'bg-pid')
      const plan = JSON.stringify({
        version: 1,
        operations: [
          {
            run: { shell: `sleep 30 & echo $! > '${pidFile}'; echo started`, timeout: '10s' },
            'max-attempts': 1
          },
          { write: { path: 'after', content: 'x' } }
        ]
      })
      try {
        const r = await runYaml(t, plan)
        expect(r.operations.map(o => [o.outcome, o.error])).toEqual([
          ['executed', null],
          ['executed', null]
        ])
      } finally {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL')
        } catch {
          // already gone
        }
      }
    })

    describe('failures', () => {
      it('command not found', async () => {
        const t = makeWs()
        const r = await runYaml(
          t,
          'version: 1\noperations:\n  - run: { command: [no-such-command-bulk-ops, x] }\n'
        )
        expect(r.operations[0]).toMatchObject({
          outcome: 'failed',
          error: "command not found: 'no-such-command-bulk-ops'"
        })
      })

      it('non-zero exit: the code and the last stderr lines', async () => {
        const t = makeWs()
        const r = await runYaml(
          t,
          'version: 1\noperations:\n  - run: { command: [bash, -c, \'for i in $(seq 1 30); do echo "err line $i" >&2; done; echo out; exit 3\'] }\n'
        )
        const e = r.operations[0].error!
        expect(r.operations[0].outcome).toBe('failed')
        expect(e).toMatch(/^'bash' exited with code 3; stderr:\n/)
        expect(e).toContain('err line 21\n')
        expect(e.endsWith('err line 30')).toBe(true)
        expect(e).not.toContain('err line 20\n')
        expect(e).not.toContain('out')
      })

      it('a failing shell script is named as such', async () => {
        const t = makeWs()
        const r = await runYaml(t, "version: 1\noperations:\n  - run: { shell: 'echo boom >&2; exit 42' }\n")
        expect(r.operations[0].error).toBe('shell script exited with code 42; stderr:\nboom')
      })

      it('timeout: stopped, reported with the limit, and its process group is gone', async () => {
        const t = makeWs()
        const pidFile = join(t.dir, 'pid')
        const plan = JSON.stringify({
          version: 1,
          operations: [
            {
              run: { shell: `sleep 30 & echo $! > '${pidFile}'; echo waiting >&2; wait`, timeout: '300ms' },
              'max-attempts': 1
            }
          ]
        })
        const r: Report = await runYaml(t, plan)
        expect(r.operations[0].outcome).toBe('failed')
        expect(r.operations[0].error).toMatch(/^shell script timed out after 300ms; stderr:\nwaiting$/)
        const pid = Number(readFileSync(pidFile, 'utf8'))
        const alive = (): boolean => {
          try {
            return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))
          } catch {
            return false
          }
        }
        for (let i = 0; i < 50 && alive(); i++) await new Promise(res => setTimeout(res, 100))
        expect(alive()).toBe(false)
      })
    })
  })
}
