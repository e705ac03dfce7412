import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { isInside } from '../plan/paths.js'
import { PATHS_ITEM } from '../plan/template.js'
import { runInvocation, type Invocation } from './command.js'
import type { OpKind, ResolvedOp, OpEnv } from './types.js'

/** Variables a command never inherits: the runner's credentials and the action's inputs. */
const SCRUBBED =
  /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$|GITHUB_TOKEN$)/

/**
 * run: an argv command (no shell) or a bash script; the match reaches it as `{path}` in argv
 * or as the BULK_OPS_PATH variable, never spliced into shell text. Guards make it idempotent:
 * `creates` (done when it exists) and `removes` (done when it is gone). At-least-once otherwise.
 */
export const runOp: OpKind = {
  async check(op, env) {
    if (op.creates !== undefined && (await env.fs.lstat(await env.sandbox.resolve(op.creates)))) {
      return { state: 'satisfied', detail: `guard: '${op.creates}' exists` }
    }
    if (op.removes !== undefined && !(await env.fs.lstat(await env.sandbox.resolve(op.removes)))) {
      return { state: 'satisfied', detail: `guard: '${op.removes}' is absent` }
    }
    return { state: 'todo' }
  },
  async apply(op, env) {
    if (env.fs.simulated) throw new Error('run cannot be simulated')
    await runInvocation(invocation(op, env, { BULK_OPS_PATH: op.match ?? '' }, op.argv), env)
    return { invalidatesPaths: true }
  }
}

/**
 * Runs one invocation for a batch of concrete operations of one batched declared operation:
 * the `{paths}` argv item becomes one item per path, and BULK_OPS_PATHS_FILE names a file of
 * the paths, NUL-separated (outside the workspace, removed afterwards; see listsDir).
 */
export async function runBatch(ops: readonly ResolvedOp[], env: OpEnv): Promise<void> {
  if (env.fs.simulated) throw new Error('run cannot be simulated')
  const paths = ops.map(o => o.src ?? o.match ?? '')
  const dir = mkdtempSync(join(listsDir(env), 'bulk-ops-paths-'))
  try {
    const file = join(dir, 'paths')
    writeFileSync(file, paths.map(p => `${p}\0`).join(''))
    const argv = ops[0].argv?.flatMap(a => (a === PATHS_ITEM ? paths : [a]))
    await runInvocation(invocation(ops[0], env, { BULK_OPS_PATHS_FILE: file }, argv), env)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Where a batch's list of paths is written: the runner's temporary directory, which the runner
 * empties when each job starts, so that the list of a run that was killed before it removed it
 * does not outlive the job; else the system's. Never inside the workspace.
 */
function listsDir(env: OpEnv): string {
  const runner = process.env.RUNNER_TEMP
  if (runner && existsSync(runner) && !isInside(env.sandbox.root, resolve(runner))) return runner
  return tmpdir()
}

const inherited = new WeakMap<OpEnv, NodeJS.ProcessEnv>()

/**
 * The environment a command inherits: this process's when the run began, without the scrubbed
 * variables. Walking process.env is slow (each key is a call into the runtime): once per run.
 */
function baseEnv(env: OpEnv): NodeJS.ProcessEnv {
  let out = inherited.get(env)
  if (!out) {
    out = {}
    for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED.test(k)) out[k] = v
    inherited.set(env, out)
  }
  return out
}

function invocation(
  op: ResolvedOp,
  env: OpEnv,
  paths: NodeJS.ProcessEnv,
  argv: string[] | undefined
): Invocation {
  const { decl } = op
  const root = env.sandbox.root
  const vars: NodeJS.ProcessEnv = {
    ...decl.env,
    ...paths,
    BULK_OPS_WORKSPACE: root,
    BULK_OPS_SEQ: String(op.seq),
    BULK_OPS_ATTEMPT: String(op.attempt ?? 1)
  }
  const shell = decl.shell !== undefined
  return {
    argv: shell ? ['bash', '-c', decl.shell!, 'bulk-ops'] : argv!,
    baseEnv: baseEnv(env),
    vars,
    cwd: root,
    label: shell ? 'shell script' : `'${argv![0]}'`,
    seq: op.seq,
    ...(decl.timeoutMs !== undefined ? { timeoutMs: decl.timeoutMs } : {})
  }
}
