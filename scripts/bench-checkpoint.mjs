// Checkpoint cost, each beside the cost of copying the whole checkout (what a checkpoint without a
// delta would have to carry):
// - `checkpoint`: capture time and size for 10,000 moved files in a 50,000-file repository, and
//   restore time on a fresh clone;
// - `checkpoint-lfs`: 1,000 Git LFS images of 200 KB rewritten by a command in a 10,000-file
//   repository (the images travel in the checkpoint as their bytes), restored on a fresh LFS
//   clone whose filters are broken. Needs git-lfs (says so and skips when it is absent).
// BENCH_QUICK=1 runs 10× smaller; BENCH_ONLY=checkpoint or checkpoint-lfs picks one.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SCALE = process.env.BENCH_QUICK === '1' ? 10 : 1
const PER_DIR = 500
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null
const wanted = key => !ONLY || ONLY.includes(key)
const tmp = mkdtempSync(join(tmpdir(), 'bulk-ops-bench-ckpt-'))
const git = (cwd, ...args) => execFileSync('git', args, { cwd, stdio: 'pipe', maxBuffer: 1 << 30 })
const LFS = [
  'filter.lfs.clean=git-lfs clean -- %f',
  'filter.lfs.smudge=git-lfs smudge -- %f',
  'filter.lfs.process=git-lfs filter-process',
  'filter.lfs.required=true'
].flatMap(c => ['-c', c])
const mb = b => `${(b / 1048576).toFixed(2)} MiB`

try {
  const entry = join(tmp, 'entry.js')
  // The bundle finds the spawner that starts the plan's commands beside it, as dist/ has it.
  copyFileSync(join(repo, 'src/ops/spawner.pl'), join(tmp, 'spawner.pl'))
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
  // The glob library writes ::debug:: lines to stdout; the result is the RESULT line.
  const child = (...args) =>
    JSON.parse(
      execFileSync(process.execPath, [entry, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
        .split('\n')
        .find(l => l.startsWith('RESULT '))
        .slice(7)
    )

  /**
   * One measurement: `fill(origin)` writes the repository's files, the plan runs on a clone
   * (attempt 1) and is captured, then restored onto a second clone.
   */
  const measure = ({ name, title, fill, plan, ops, cloneArgs = [], breakFilters = [] }) => {
    const dir = join(tmp, name)
    const origin = join(dir, 'origin')
    mkdirSync(origin, { recursive: true })
    git(origin, ...cloneArgs, 'init', '-q', '-b', 'main')
    fill(origin)
    git(origin, ...cloneArgs, 'add', '-A')
    git(origin, ...cloneArgs, '-c', 'user.email=b@example.com', '-c', 'user.name=b', 'commit', '-qm', 'tree')
    const planFile = join(dir, 'plan.yml')
    writeFileSync(planFile, plan)
    const clone = to => {
      const p = join(dir, to)
      git(dir, 'clone', '-q', ...cloneArgs, origin, p)
      for (const [k, v] of breakFilters) git(p, 'config', k, v)
      return p
    }
    const local = join(dir, 'local')
    const ws1 = clone('attempt1')
    const cap = child('capture', ws1, local, planFile)
    // A measurement of a plan that did not run would measure nothing.
    if (cap.executed !== ops)
      throw new Error(`${name}: attempt 1 executed ${cap.executed} of ${ops} operations`)

    const copyStart = performance.now()
    execFileSync('cp', ['-a', ws1, join(dir, 'full-copy')])
    const copyMs = performance.now() - copyStart
    const fullBytes = Number(
      execFileSync('du', ['-sb', '--exclude=.git', ws1], { encoding: 'utf8' }).split('\t')[0]
    )

    const ws2 = clone('attempt2')
    const res = child('restore', ws2, local, planFile)
    let same = true
    try {
      execFileSync('diff', ['-r', '--no-dereference', '--exclude=.git', ws1, ws2], { stdio: 'pipe' })
    } catch {
      same = false
    }
    console.log(title)
    console.log(`  base capture (attempt start)     ${cap.baseMs.toFixed(0)} ms`)
    console.log(
      `  checkpoint capture                ${cap.captureMs.toFixed(0)} ms   (${cap.entries} delta entries, ${cap.executed} ops)`
    )
    console.log(`  checkpoint size                   ${mb(cap.checkpointBytes)} (pack ${mb(cap.packBytes)})`)
    console.log(`  full copy of the checkout         ${copyMs.toFixed(0)} ms, ${mb(fullBytes)} without .git`)
    console.log(
      `  ratio capture / full copy         ${(cap.captureMs / copyMs).toFixed(2)}×   size ratio ${(cap.checkpointBytes / fullBytes).toFixed(3)}×`
    )
    console.log(
      `  restore on a fresh clone          ${res.restoreMs.toFixed(0)} ms (+ base ${res.baseMs.toFixed(0)} ms); the result ${same ? 'equals' : 'DIFFERS FROM'} attempt 1's tree`
    )
    rmSync(dir, { recursive: true, force: true })
  }

  if (wanted('checkpoint')) {
    const files = 50_000 / SCALE
    const moved = 10_000 / SCALE
    measure({
      name: 'moves',
      title: `checkpoint: ${moved} moved files in a ${files}-file repository`,
      fill: origin => {
        for (let i = 0; i < files; i++) {
          const d = join(origin, i < moved ? 'legacy' : 'src', `d${Math.floor(i / PER_DIR)}`)
          if (i % PER_DIR === 0 || i === moved) mkdirSync(d, { recursive: true })
          writeFileSync(join(d, `f${i}.${i < moved ? 'md' : 'txt'}`), `file ${i}\n${'x'.repeat(200)}\n`)
        }
      },
      plan: 'version: 1\noperations:\n  - move: { from: "legacy/**/*.md", to: "docs/{relpath}" }\n',
      ops: moved
    })
  }

  if (wanted('checkpoint-lfs')) {
    if (spawnSync('git', ['lfs', 'version'], { stdio: 'ignore' }).status !== 0) {
      console.log('checkpoint-lfs: git-lfs is not installed here (apt-get install git-lfs); skipped')
    } else {
      const files = 10_000 / SCALE
      const images = 1_000 / SCALE
      measure({
        name: 'lfs',
        title: `checkpoint-lfs: ${images} Git LFS images of 200 KB rewritten in a ${files}-file repository`,
        cloneArgs: LFS,
        // The fresh runner has no filter program and no LFS server: the restore must need neither.
        breakFilters: [
          ['filter.lfs.process', 'false'],
          ['filter.lfs.smudge', 'false'],
          ['filter.lfs.clean', 'false'],
          ['lfs.url', 'http://127.0.0.1:9/unreachable']
        ],
        fill: origin => {
          writeFileSync(join(origin, '.gitattributes'), '*.png filter=lfs diff=lfs merge=lfs -text\n')
          for (let i = 0; i < files; i++) {
            const image = i < images
            const d = join(origin, image ? 'img' : 'src', `d${Math.floor(i / PER_DIR)}`)
            if (i % PER_DIR === 0 || i === images) mkdirSync(d, { recursive: true })
            if (image) writeFileSync(join(d, `p${i}.png`), randomBytes(200 * 1024))
            else writeFileSync(join(d, `f${i}.txt`), `file ${i}\n${'x'.repeat(200)}\n`)
          }
        },
        // An optimiser rewrites each image as new bytes, 25% smaller.
        plan: [
          'version: 1',
          'operations:',
          '  - run:',
          '      files: "img/**/*.png"',
          `      command: [sh, -c, 'head -c 153600 /dev/urandom > "$1"', sh, "{path}"]`,
          ''
        ].join('\n'),
        ops: images
      })
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
