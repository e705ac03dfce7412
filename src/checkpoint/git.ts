import { execFile } from 'node:child_process'

export interface GitOptions {
  cwd: string
  /** A temporary index, so the user's own index is never touched. */
  indexFile?: string
  input?: string | Buffer
  env?: NodeJS.ProcessEnv
  /** Exit codes that are not errors (e.g. 1 for `diff --quiet`). */
  okCodes?: number[]
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
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }
  if (o.indexFile) env.GIT_INDEX_FILE = o.indexFile
  Object.assign(env, o.env)
  const full = [
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
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      full,
      { cwd: o.cwd, env, encoding: 'buffer', maxBuffer: 4 * 1024 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as NodeJS.ErrnoException & { code?: number | string }).code ?? null) : 0
        if (!err || (typeof code === 'number' && o.okCodes?.includes(code))) return resolve(stdout)
        const text = stderr.toString('utf8').trim()
        reject(
          new GitError(
            `git ${args[0]} failed${typeof code === 'number' ? ` (exit ${code})` : ''}: ${text || err.message}`,
            typeof code === 'number' ? code : null,
            text
          )
        )
      }
    )
    if (o.input !== undefined) child.stdin!.end(o.input)
  })
}

/** The top of the git work tree containing `dir`, or null when `dir` is not in one. */
export async function gitTop(dir: string): Promise<string | null> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], { cwd: dir })).toString('utf8').trim()
  } catch {
    return null
  }
}
