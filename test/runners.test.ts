// bulk-ops supports Linux runners only. Everywhere else the main step and `bulk-ops run` stop at
// once with an error that names the runner OS, and nothing is read, written or saved.
import fc from 'fast-check'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../src/cli-main.js'
import { assertSupportedRunner, UnsupportedRunnerError } from '../src/runner-os.js'
import { runCli } from './helpers/cli.js'
import { freshClone, makeOrigin, readCommandFile, runStep, stepEnv } from './helpers/runner.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'

const PLAN = `version: 1
operations:
  - mkdir: docs/archive
  - move: { from: "legacy/*.md", to: "docs/archive/{name}" }
  - write: { path: .nvmrc, content: "24\\n" }
`
const FILES = { '.github/bulk/plan.yml': PLAN, 'legacy/a.md': '# a\n', 'legacy/b.md': '# b\n' }

const dirs: string[] = []
afterAll(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

/** The error of assertSupportedRunner, or null when it accepts. */
function refusal(platform: string, runnerOs?: string, kernel = '6.11.0-1018-azure'): string | null {
  try {
    assertSupportedRunner(platform, runnerOs, kernel)
    return null
  } catch (err) {
    expect(err).toBeInstanceOf(UnsupportedRunnerError)
    return (err as Error).message
  }
}

describe('assertSupportedRunner', () => {
  it('accepts Linux, on a runner or outside Actions', () => {
    expect(refusal('linux', 'Linux')).toBeNull()
    expect(refusal('linux', undefined)).toBeNull()
    expect(refusal('linux', '')).toBeNull()
  })

  it.each([
    ['darwin', 'macOS', 'macOS', /case-insensitive/],
    ['darwin', undefined, 'macOS', /case-insensitive/],
    ['win32', 'Windows', 'Windows', /CRLF/],
    ['win32', undefined, 'Windows', /sh or bash/],
    // WSL on a Windows runner, if RUNNER_OS reaches it: Linux to Node, Windows underneath.
    ['linux', 'Windows', 'Windows', /drive letters/],
    ['freebsd', undefined, 'freebsd', /Linux only\. Use a Linux runner/]
  ])('refuses platform %s with RUNNER_OS %s, naming %s and why', (platform, runnerOs, os, why) => {
    const message = refusal(platform, runnerOs)!
    expect(message).toContain(`is ${os} (`)
    expect(message).toContain(`process.platform=${platform}`)
    if (runnerOs) expect(message).toContain(`RUNNER_OS=${runnerOs}`)
    expect(message).toMatch(why)
    expect(message).toMatch(/runs-on: ubuntu-latest\)\. Nothing was changed\.$/)
  })

  it('refuses WSL, found by its kernel release, as Windows', () => {
    for (const kernel of ['5.15.167.4-microsoft-standard-WSL2', '4.4.0-19041-Microsoft']) {
      const message = refusal('linux', undefined, kernel)!
      expect(message).toContain(`this machine is Windows (process.platform=linux, WSL kernel ${kernel})`)
      expect(message).toMatch(/drive letters/)
    }
    expect(refusal('linux', 'Linux', '6.8.0-1021-azure')).toBeNull()
    expect(refusal('linux', 'Linux', '6.1.0-28-amd64')).toBeNull()
  })

  it('accepts exactly Linux under a Linux runner (or none), for any platform and RUNNER_OS', () => {
    const platform = fc.oneof(fc.constantFrom('linux', 'darwin', 'win32', 'aix', 'freebsd'), fc.string())
    const runnerOs = fc.option(
      fc.oneof(fc.constantFrom('Linux', 'macOS', 'Windows', ' Linux '), fc.string()),
      {
        nil: undefined
      }
    )
    fc.assert(
      fc.property(platform, runnerOs, (p, r) => {
        const linuxRunner = r === undefined || r.trim() === '' || r.trim().toLowerCase() === 'linux'
        const message = refusal(p, r)
        expect(message === null).toBe(p === 'linux' && linuxRunner)
        if (message !== null) expect(message).toContain(`process.platform=${p}`)
      }),
      { numRuns: 200 }
    )
  })
})

describe('the CLI refuses other runners', () => {
  function workspace(): { ws: string; state: string } {
    const base = tempDir('bulk-ops-runners-cli-')
    dirs.push(base)
    const ws = join(base, 'ws')
    makeOrigin(ws, FILES)
    return { ws, state: join(base, 'state') }
  }

  it.each(['darwin', 'win32'])('run on %s: exit 2, the OS named, nothing changed', async platform => {
    const { ws, state } = workspace()
    const before = snapshotTree(ws, [])
    let out = ''
    let err = ''
    const code = await main(
      ['run', join(ws, '.github/bulk/plan.yml'), '--workspace', ws, '--state-dir', state],
      { out: s => void (out += s), err: s => void (err += s), platform }
    )
    expect(code).toBe(2)
    expect(err).toMatch(
      platform === 'darwin' ? /this (runner|machine) is macOS/ : /this (runner|machine) is Windows/
    )
    expect(out).toBe('')
    expect(snapshotTree(ws, [])).toEqual(before)
    expect(existsSync(state)).toBe(false)
  })

  it('run on Linux under RUNNER_OS=macOS (the built CLI): exit 2, nothing changed', () => {
    const { ws, state } = workspace()
    const before = snapshotTree(ws, [])
    const r = runCli(['run', '.github/bulk/plan.yml', '--workspace', ws, '--state-dir', state], {
      cwd: ws,
      env: { RUNNER_OS: 'macOS' }
    })
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toContain('bulk-ops: this runner is macOS (RUNNER_OS=macOS, process.platform=linux)')
    expect(snapshotTree(ws, [])).toEqual(before)
    expect(existsSync(state)).toBe(false)
  })

  it('commands that change nothing still work elsewhere', async () => {
    let out = ''
    expect(await main(['--version'], { out: s => void (out += s), err: () => {}, platform: 'win32' })).toBe(0)
    expect(out).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('the action refuses other runners', () => {
  it.each(['macOS', 'Windows'])(
    'main step with RUNNER_OS=%s: fails naming the OS, saves no state, changes nothing; post does nothing',
    async os => {
      const base = tempDir('bulk-ops-runners-action-')
      dirs.push(base)
      const origin = makeOrigin(join(base, 'origin'), FILES)
      const ws = join(base, 'work', 'repo')
      freshClone(origin, ws)
      const files = join(base, 'files')
      const temp = join(base, 'runner-temp')
      for (const d of [files, temp]) mkdirSync(d, { recursive: true })
      const env = stepEnv(
        { RUNNER_OS: os, RUNNER_TEMP: temp, GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' },
        { plan: '.github/bulk/plan.yml', store: 'cache', summary: 'true' },
        { dir: files, workspace: ws }
      )
      const before = snapshotTree(ws, [])
      const tempBefore = snapshotTree(temp, [])
      const mainStep = await runStep('index', env)
      expect(mainStep.code).toBe(1)
      const errors = mainStep.stdout.split('\n').filter(l => l.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`this runner is ${os} (RUNNER_OS=${os}, process.platform=linux)`)
      expect(errors[0]).toContain('Nothing was changed.')
      // Only the mark that the step reported (its summary says why it did not run): no state
      // directory, so the post step has nothing to save.
      expect(readCommandFile(env.GITHUB_STATE!)).toEqual({ reported: 'true' })
      const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')
      expect(summary).toContain('bulk-ops: did not run')
      expect(summary).toContain(`this runner is ${os}`)
      expect(readCommandFile(env.GITHUB_OUTPUT!)).toEqual({})
      expect(snapshotTree(ws, [])).toEqual(before)
      expect(snapshotTree(temp, [])).toEqual(tempBefore)

      const post = await runStep('post', env)
      expect(post.code).toBe(0)
      expect(post.stdout).not.toMatch(/^::(error|warning)/m)
      expect(snapshotTree(ws, [])).toEqual(before)
    }
  )
})
