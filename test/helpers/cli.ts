import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { inject } from 'vitest'

/** Path of the freshly built CLI bundle (see test/global-setup.ts). */
export function cliPath(): string {
  return join(inject('distDir'), 'cli.js')
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `bulk-ops ARGS` as a child process with the Node that runs the tests, and waits. */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}
): CliResult {
  const r = spawnSync(process.execPath, [cliPath(), ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Starts `bulk-ops ARGS` without waiting, for signal and kill tests. */
export function startCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [cliPath(), ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
}
