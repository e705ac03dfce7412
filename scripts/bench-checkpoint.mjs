// Checkpoint cost: capture time and size for 10,000 moved files in a 50,000-file repository,
// and restore time on a fresh clone, each beside the cost of copying the whole checkout
// (what a checkpoint without a delta would have to carry). BENCH_QUICK=1 runs 10× smaller.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SCALE = process.env.BENCH_QUICK === '1' ? 10 : 1
const FILES = 50_000 / SCALE
const MOVED = 10_000 / SCALE
const PER_DIR = 500
const tmp = mkdtempSync(join(tmpdir(), 'bulk-ops-bench-ckpt-'))

try {
  const entry = join(tmp, 'entry.js')
  await build({
    entryPoints: [join(repo, 'scripts/bench-checkpoint-entry.ts')],
    outfile: entry,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
    }
  })

  const origin = join(tmp, 'origin')
  mkdirSync(origin)
  const git = (cwd, ...args) => execFileSync('git', args, { cwd, stdio: 'pipe', maxBuffer: 1 << 30 })
  git(origin, 'init', '-q', '-b', 'main')
  for (let i = 0; i < FILES; i++) {
    const d = join(origin, i < MOVED ? 'legacy' : 'src', `d${Math.floor(i / PER_DIR)}`)
    if (i % PER_DIR === 0) mkdirSync(d, { recursive: true })
    writeFileSync(join(d, `f${i}.${i < MOVED ? 'md' : 'txt'}`), `file ${i}\n${'x'.repeat(200)}\n`)
  }
  git(origin, 'add', '-A')
  git(origin, '-c', 'user.email=b@example.com', '-c', 'user.name=b', 'commit', '-qm', 'tree')
  const plan = join(tmp, 'plan.yml')
  writeFileSync(plan, 'version: 1\noperations:\n  - move: { from: "legacy/**/*.md", to: "docs/{relpath}" }\n')

  const clone = name => {
    const p = join(tmp, name)
    git(tmp, 'clone', '-q', origin, p)
    return p
  }
  // The glob library writes ::debug:: lines to stdout; the result is the RESULT line.
  const child = (...args) =>
    JSON.parse(
      execFileSync(process.execPath, [entry, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
        .split('\n')
        .find(l => l.startsWith('RESULT '))
        .slice(7)
    )
  const local = join(tmp, 'local')
  const ws1 = clone('attempt1')
  const cap = child('capture', ws1, local, plan)

  const copyStart = performance.now()
  execFileSync('cp', ['-a', ws1, join(tmp, 'full-copy')])
  const copyMs = performance.now() - copyStart
  const fullBytes = Number(
    execFileSync('du', ['-sb', '--exclude=.git', ws1], { encoding: 'utf8' }).split('\t')[0]
  )

  const ws2 = clone('attempt2')
  const res = child('restore', ws2, local, plan)
  let same = true
  try {
    execFileSync('diff', ['-r', '--no-dereference', '--exclude=.git', ws1, ws2], { stdio: 'pipe' })
  } catch {
    same = false
  }

  const mb = b => `${(b / 1048576).toFixed(2)} MiB`
  console.log(`checkpoint: ${MOVED} moved files in a ${FILES}-file repository`)
  console.log(`  base capture (attempt start)     ${cap.baseMs.toFixed(0)} ms`)
  console.log(
    `  checkpoint capture                ${cap.captureMs.toFixed(0)} ms   (${cap.entries} delta entries, ${cap.executed} ops)`
  )
  console.log(`  checkpoint size                   ${mb(cap.checkpointBytes)} (patch ${mb(cap.patchBytes)})`)
  console.log(`  full copy of the checkout         ${copyMs.toFixed(0)} ms, ${mb(fullBytes)} without .git`)
  console.log(
    `  ratio capture / full copy         ${(cap.captureMs / copyMs).toFixed(2)}×   size ratio ${(cap.checkpointBytes / fullBytes).toFixed(3)}×`
  )
  console.log(
    `  restore on a fresh clone          ${res.restoreMs.toFixed(0)} ms (+ base ${res.baseMs.toFixed(0)} ms); the result ${same ? 'equals' : 'DIFFERS FROM'} attempt 1's tree`
  )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
