// The spawner learns of a command's exit even when no SIGCHLD wakes it: perl runs a signal's
// handler between statements, so one that lands just before the spawner's select blocks is
// handled only at the next wake-up. Here every SIGCHLD is held back (the spawner's perl starts
// with it blocked, as a signal mask survives exec), and each command ends its output long before
// it exits, so that nothing but the spawner's own look wakes it.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { cleanupWorkspaces, makeWs } from '../helpers/plans.js'
import { removeDir, tempDir } from '../helpers/tree.js'

const bins: string[] = []
afterAll(() => {
  cleanupWorkspaces()
  for (const b of bins) removeDir(b)
})

/** A `perl` first on PATH that runs the real one with SIGCHLD blocked. */
function perlWithoutSigchld(): string {
  const real = execFileSync('sh', ['-c', 'command -v perl']).toString('utf8').trim()
  const bin = tempDir('bulk-ops-nosigchld-')
  bins.push(bin)
  const wrapper = join(bin, 'perl')
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec ${real} -MPOSIX -e 'sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGCHLD)) or die "sigprocmask: $!"; exec { $ARGV[0] } @ARGV or die "exec: $!"' ${real} "$@"\n`
  )
  chmodSync(wrapper, 0o755)
  return bin
}

describe('the spawner', () => {
  it('sees every command exit without a SIGCHLD, serially and side by side', () => {
    const bin = perlWithoutSigchld()
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.txt`, `${i}`]))
    for (const parallel of [1, 3]) {
      const t = makeWs(files)
      const plan = join(t.dir, 'plan.yml')
      // Output ended at once, exit 0.2 s later: a select that waits for output or a signal waits forever.
      writeFileSync(
        plan,
        `version: 1\noperations:\n  - run: { files: "*.txt", command: [sh, -c, 'exec >/dev/null 2>&1; sleep 0.2; touch "$1.done"', sh, "{path}"] }\n    parallel: ${parallel}\n`
      )
      const state = join(t.dir, 'state')
      mkdirSync(state)
      const r = runCli(['run', plan, '--workspace', t.ws, '--state-dir', state], {
        env: { PATH: `${bin}:${process.env.PATH}` },
        timeoutMs: 30_000
      })
      expect(r.code, r.stderr).toBe(0)
      expect(readdirSync(t.ws).filter(n => n.endsWith('.done'))).toHaveLength(6)
    }
  }, 90_000)
})
