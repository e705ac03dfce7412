import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { inject } from 'vitest'

/** Creates a git repository with `files` committed on `main`; returns its path (a clone source). */
export function makeOrigin(dir: string, files: Record<string, string | Buffer>): string {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true })
    writeFileSync(join(dir, rel), content)
  }
  const g = (...args: string[]): void => void execFileSync('git', args, { cwd: dir, stdio: 'pipe' })
  g('init', '-q', '-b', 'main')
  g('add', '-A')
  g('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'initial')
  return dir
}

/** A fresh checkout of `origin` at `dest`, as actions/checkout leaves it. */
export function freshClone(origin: string, dest: string): void {
  rmSync(dest, { recursive: true, force: true })
  execFileSync('git', ['clone', '-q', origin, dest], { stdio: 'pipe' })
}

/** Reads a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` blocks) into a map. */
export function readCommandFile(path: string): Record<string, string> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return {}
  }
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== m[2]; i++) body.push(lines[i])
      out[m[1]] = body.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return out
}

export interface StepResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Environment of one job attempt on a runner: INPUT_* (hyphens kept), file commands, workspace. */
export function stepEnv(
  base: Record<string, string>,
  inputs: Record<string, string>,
  files: { dir: string; workspace: string }
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...base }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  env.GITHUB_WORKSPACE = files.workspace
  env.GITHUB_OUTPUT = join(files.dir, 'output')
  env.GITHUB_STATE = join(files.dir, 'state')
  env.GITHUB_STEP_SUMMARY = join(files.dir, 'summary.md')
  // The runner creates the file-command files before the step starts.
  for (const f of [env.GITHUB_OUTPUT, env.GITHUB_STATE, env.GITHUB_STEP_SUMMARY]) {
    if (!existsSync(f!)) writeFileSync(f!, '')
  }
  return env
}

/**
 * Runs `dist/index.js` or `dist/post.js` of the test build as the runner does. `onStart` may
 * signal or kill the process; the promise resolves when it exits.
 */
export function runStep(
  which: 'index' | 'post',
  env: NodeJS.ProcessEnv,
  onStart?: (child: ChildProcess, output: () => string) => void
): Promise<StepResult> {
  if (which === 'post') {
    for (const [k, v] of Object.entries(readCommandFile(env.GITHUB_STATE!))) env[`STATE_${k}`] = v
  }
  const child = spawn(process.execPath, [join(inject('distDir'), `${which}.js`)], {
    cwd: env.GITHUB_WORKSPACE,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', d => (stdout += String(d)))
  child.stderr!.on('data', d => (stderr += String(d)))
  onStart?.(child, () => stdout)
  return new Promise(resolve =>
    child.on('exit', (code, signal) => {
      // Let the pipes drain.
      setTimeout(() => resolve({ code, signal, stdout, stderr }), 20)
    })
  )
}
