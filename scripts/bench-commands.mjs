// The `commands` phase of `npm run bench` (BENCH_ONLY=commands): gzip -9 over files of 60 KB,
// bulk-ops `run` (parallel: auto; parallel: auto with batch: 50; parallel: 1) against the shell
// tools a user would reach for: xargs -P$(nproc) -n1, xargs -P$(nproc) -n50, a serial for loop,
// and GNU parallel with --joblog (the resumable one), when it is installed. Nothing is installed.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

const FILE_BYTES = 60 * 1024
const DIRS = 20

/** Text that gzip -9 has to work at (words in a pseudo-random order), the same on every run. */
function content(seed) {
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet']
  let x = seed * 2654435761 + 1
  const out = []
  let n = 0
  while (n < FILE_BYTES) {
    x = (x * 1103515245 + 12345) % 2147483648
    const w = `${words[x % words.length]}${x % 97} `
    out.push(w)
    n += w.length
  }
  return out.join('').slice(0, FILE_BYTES)
}

/** The master tree, made once: DIRS directories of n / DIRS files each. */
function masterTree(dir, n) {
  for (let i = 0; i < n; i++) {
    const d = join(dir, 'img', String(i % DIRS).padStart(2, '0'))
    if (i < DIRS) mkdirSync(d, { recursive: true })
    writeFileSync(join(d, `f${String(i).padStart(5, '0')}.txt`), content(i))
  }
}

function gzipped(ws, n) {
  let count = 0
  for (const d of readdirSync(join(ws, 'img'))) {
    for (const f of readdirSync(join(ws, 'img', d))) {
      if (f.endsWith('.txt.gz')) count++
      else return false
    }
  }
  return count === n
}

function sh(script, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn('bash', ['-c', script], { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', d => (err += d))
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${script}: exit ${code}\n${err}`))
    )
  })
}

function hasGnuParallel() {
  try {
    return /GNU parallel/.test(execFileSync('parallel', ['--version'], { encoding: 'utf8', stdio: 'pipe' }))
  } catch {
    return false
  }
}

/**
 * Runs the phase. `b` carries the bench's helpers: cli, freshDir, freshPath, remove, settle, log,
 * rows, verdict, fmtMs, fmtX, fmtN, rounds, scale.
 */
export async function commandsPhase(b) {
  const n = 2000 / b.scale
  const cores = availableParallelism()
  b.log(`\n== commands: gzip -9 over ${b.fmtN(n)} files of 60 KB, ${cores} cores (availableParallelism)`)
  const master = b.freshDir('gzip-master')
  masterTree(master, n)
  const withParallel = hasGnuParallel()
  if (!withParallel) b.log('  GNU parallel is not installed (Debian package `parallel`): its row is left out')

  const planFile = (name, body) => {
    const file = join(b.freshDir('plan'), `${name}.yml`)
    writeFileSync(file, `version: 1\noperations:\n  - run:\n      files: "img/*/*.txt"\n${body}`)
    return file
  }
  const plans = {
    auto: planFile('auto', '      command: [gzip, "-9", "{path}"]\n    parallel: auto\n'),
    batch: planFile('batch', '      command: [gzip, "-9", "{paths}"]\n      batch: 50\n    parallel: auto\n'),
    serial: planFile('serial', '      command: [gzip, "-9", "{path}"]\n    parallel: 1\n')
  }
  const list = 'find img -type f -name "*.txt" -print0'
  const variants = [
    { key: 'auto', label: 'bulk-ops run, parallel: auto', plan: plans.auto },
    { key: 'xargs1', label: `xargs -P${cores} -n1`, script: `${list} | xargs -0 -P${cores} -n1 gzip -9` },
    { key: 'batch', label: 'bulk-ops run, parallel: auto, batch: 50', plan: plans.batch },
    { key: 'xargs50', label: `xargs -P${cores} -n50`, script: `${list} | xargs -0 -P${cores} -n50 gzip -9` },
    { key: 'serial', label: 'bulk-ops run, parallel: 1', plan: plans.serial },
    { key: 'loop', label: 'serial for loop', script: 'for f in img/*/*.txt; do gzip -9 "$f"; done' },
    ...(withParallel
      ? [
          {
            key: 'gnu',
            label: `GNU parallel -j${cores} --joblog`,
            script: `${list} | parallel -0 -j${cores} --joblog "$BENCH_JOBLOG" gzip -9`
          }
        ]
      : [])
  ]
  const samples = Object.fromEntries(variants.map(v => [v.key, []]))
  for (let round = 0; round < b.rounds; round++) {
    for (const v of variants) {
      const ws = b.freshDir('gzip-ws')
      cpSync(master, ws, { recursive: true })
      b.settle()
      try {
        let ms
        if (v.plan) {
          const r = await b.cli(v.plan, ws, b.freshPath('st'))
          if (r.code !== 0) throw new Error(`${v.label}: exit ${r.code}\n${r.out}${r.err}`)
          ms = r.ms
        } else {
          process.env.BENCH_JOBLOG = b.freshPath('joblog')
          ms = await sh(v.script, ws)
        }
        if (!gzipped(ws, n)) throw new Error(`${v.label} did not gzip every file`)
        samples[v.key].push(ms)
      } finally {
        b.remove(ws)
      }
    }
  }
  const best = k => (samples[k]?.length ? Math.min(...samples[k]) : NaN)
  for (const v of variants) {
    b.log(
      `  ${v.label.padEnd(42)} ${b.fmtMs(best(v.key)).padStart(8)}  (${samples[v.key].map(b.fmtMs).join(', ')})`
    )
  }
  const judge = (key, against, target) => {
    const x = best(key) / best(against)
    const ok = x <= target
    const [l, r] = [variants.find(v => v.key === key).label, variants.find(v => v.key === against).label]
    b.log(`  ${b.verdict(ok)}: ${l} / ${r} = ${b.fmtX(x)} (target ≤ ${target}×)`)
    b.rows.push([
      `gzip ${b.fmtN(n)}: ${key} / ${against}`,
      b.fmtMs(best(key)),
      b.fmtMs(best(against)),
      b.fmtX(x),
      `≤ ${target}×`,
      ok ? 'PASS' : 'FAIL'
    ])
  }
  judge('auto', 'xargs1', 1.15)
  judge('batch', 'xargs50', 1.2)
  judge('serial', 'loop', 1.25)
  if (withParallel) {
    const x = best('auto') / best('gnu')
    b.log(`  beside them: bulk-ops parallel: auto / GNU parallel --joblog = ${b.fmtX(x)}`)
    b.rows.push([
      `gzip ${b.fmtN(n)}: auto / gnu parallel`,
      b.fmtMs(best('auto')),
      b.fmtMs(best('gnu')),
      b.fmtX(x),
      '',
      ''
    ])
  }
  b.remove(master)
}
