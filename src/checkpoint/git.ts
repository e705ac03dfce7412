import { execFile, spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'

export interface GitOptions {
  cwd: string
  /** A temporary index, so the user's own index is never touched. */
  indexFile?: string
  input?: string | Buffer
  env?: NodeJS.ProcessEnv
  /** Exit codes that are not errors (e.g. 1 for `diff --quiet`). */
  okCodes?: number[]
  /** Write stdout to this file instead of returning it (output that may be gigabytes). */
  stdoutFile?: string
  /** Read stdin from this file (input that may be gigabytes). */
  stdinFile?: string
  /** With stdoutFile or stdinFile: given the last 4 KiB of stderr when git succeeds (a summary it prints last). */
  onStderrTail?: (tail: string) => void
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    readonly stderr: string
  ) {
    super(message)
  }
}

/**
 * Runs git with argv (never a shell), fixed settings that make output machine-readable and
 * byte-exact, and a separate index when asked. Resolves to stdout as a Buffer.
 */
export function git(args: string[], o: GitOptions): Promise<Buffer> {
  const env = gitEnv(o)
  const full = fixedSettings(args)
  if (o.stdoutFile || o.stdinFile) return gitWithFiles(full, args[0], o, env)
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      full,
      { cwd: o.cwd, env, encoding: 'buffer', maxBuffer: 4 * 1024 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as NodeJS.ErrnoException & { code?: number | string }).code ?? null) : 0
        if (!err || (typeof code === 'number' && o.okCodes?.includes(code))) return resolve(stdout)
        reject(failure(args[0], typeof code === 'number' ? code : null, stderr.toString('utf8'), err.message))
      }
    )
    if (o.input !== undefined) child.stdin!.end(o.input)
  })
}

/**
 * Runs git as `git` does, handing its stdout to `onStdout` chunk by chunk as it arrives (output too
 * large to hold whole). What onStdout throws stops git, and is what the promise rejects with.
 */
export function gitStream(args: string[], o: GitOptions, onStdout: (d: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', fixedSettings(args), { cwd: o.cwd, env: gitEnv(o), stdio: 'pipe' })
    let stderr = ''
    let failed: { err: unknown } | null = null
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += d.toString('utf8')
    })
    child.stdout.on('data', (d: Buffer) => {
      if (failed) return
      try {
        onStdout(d)
      } catch (err) {
        failed = { err }
        child.kill()
      }
    })
    child.stdin.on('error', () => {
      // git stopped reading: its exit says why
    })
    child.on('error', err => (failed ??= { err: failure(args[0], null, stderr, err.message) }))
    child.on('close', code => {
      if (failed) reject(failed.err)
      else if (code === 0) resolve()
      else reject(failure(args[0], code, stderr, `exit ${code}`))
    })
    child.stdin.end(o.input ?? '')
  })
}

function gitEnv(o: GitOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }
  if (o.indexFile) env.GIT_INDEX_FILE = o.indexFile
  return Object.assign(env, o.env)
}

function failure(what: string, code: number | null, stderr: string, fallback: string): GitError {
  const text = stderr.trim()
  return new GitError(
    `git ${what} failed${code !== null ? ` (exit ${code})` : ''}: ${text || fallback}`,
    code,
    text
  )
}

/** Runs git with its stdin read from `o.stdinFile` or its stdout written to `o.stdoutFile`. */
function gitWithFiles(full: string[], what: string, o: GitOptions, env: NodeJS.ProcessEnv): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inFd = o.stdinFile ? openSync(o.stdinFile, 'r') : undefined
    const outFd = o.stdoutFile ? openSync(o.stdoutFile, 'w') : undefined
    const child = spawn('git', full, { cwd: o.cwd, env, stdio: [inFd ?? 'pipe', outFd ?? 'pipe', 'pipe'] })
    for (const fd of [inFd, outFd]) if (fd !== undefined) closeSync(fd)
    const out: Buffer[] = []
    child.stdout?.on('data', (d: Buffer) => out.push(d))
    let stderr = ''
    let tail = ''
    child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString('utf8')
      if (stderr.length < 64 * 1024) stderr += text
      if (o.onStderrTail) tail = (tail + text).slice(-4096)
    })
    child.on('error', err => reject(failure(what, null, stderr, err.message)))
    child.on('close', code => {
      if (code === 0 || (code !== null && o.okCodes?.includes(code))) {
        o.onStderrTail?.(tail)
        resolve(Buffer.concat(out))
      } else reject(failure(what, code, stderr, `exit ${code}`))
    })
    child.stdin?.end(o.input ?? '')
  })
}

/** Settings that make git's output machine-readable and byte-exact, before the command. */
function fixedSettings(args: string[]): string[] {
  return [
    '-c',
    'core.quotepath=off',
    '-c',
    'core.autocrlf=false',
    '-c',
    'core.safecrlf=false',
    '-c',
    'core.symlinks=true',
    '-c',
    'core.fileMode=true',
    '-c',
    'diff.renameLimit=100000',
    ...args
  ]
}
