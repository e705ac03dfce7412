// The `shards` phase of `npm run bench` (BENCH_ONLY=shards): a plan over 4,000 files (gzip -9 of
// each by `run`, then a rename and a replace of each) run by one runner, and as n = 1, 2, 4, 8
// shards run one after another, each shard a process on its own fresh clone that runs its share
// and takes the final checkpoint the action uploads, then the merge on another fresh clone. The
// wall time the plan would take on n runners is the largest shard's time plus the merge's, set
// against the single runner's (which takes its final checkpoint too). Uploads and downloads of the
// artifacts are not in it (they are the network's, and the same bytes either way). The whole
// sequence runs `rounds` times; each job's best time is used (noise on a shared machine only ever
// adds time), so the largest shard is the largest of the shards' best times.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FILES = 4000
const DIRS = 40
const FILE_BYTES = 8 * 1024
const SHARDS = [1, 2, 4, 8]
const TARGET = 0.25

const PLAN = `version: 1
operations:
  - id: compress
    run: { files: "data/**/*.txt", command: [gzip, "-9", "-k", "{path}"] }
  - id: rename
    rename: { from: "data/**/*.txt", to: "{stem}.md" }
  - id: edit
    replace: { files: "data/**/*.md", find: "alpha", with: "ALPHA" }
`

/** Text that gzip -9 has to work at, the same on every run. */
function content(seed) {
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet']
  let x = seed * 2654435761 + 1
  let out = ''
  while (out.length < FILE_BYTES) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += `${words[x % words.length]}${x % 97} `
  }
  return out.slice(0, FILE_BYTES)
}

/**
 * Marks `dir` as the top of directory hierarchies (ext4's `chattr +T`), so that the allocator
 * spreads each job's directory in it to a block group of its own, as if each job had a disk of its
 * own, as a runner does. Without it every job's files share the groups of the jobs before, and
 * ext4 without a journal (this machine's) passes over the inodes freed in the last one to six
 * minutes each time it allocates one, scanning from the start of the group: a job that created
 * files right after others had freed thousands (a `replace` frees the file it replaces) paid for
 * their frees, the later jobs (the shards and merges) more than the first (the single run). On
 * other file systems chattr fails, and nothing changes.
 */
function spreadOut(dir) {
  try {
    execFileSync('chattr', ['+T', dir], { stdio: 'ignore' })
  } catch {
    // not ext2/3/4, or no chattr
  }
}

function run(execPath, args, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (err += d))
    child.on('error', reject)
    child.on('close', code => {
      const ms = performance.now() - t0
      if (code !== 0) return reject(new Error(`exit ${code}: ${err.slice(-800)}`))
      const line = out.split('\n').find(l => l.startsWith('BENCH_RESULT '))
      resolve({ ms, result: JSON.parse(line.slice(13)) })
    })
  })
}

export async function shardsPhase({
  freshDir,
  remove,
  settle,
  log,
  rows,
  verdict,
  fmtMs,
  fmtX,
  fmtN,
  rounds,
  scale,
  repo,
  here,
  bundleEntry
}) {
  const n = Math.max(64, Math.round(FILES / scale))
  log(
    `\n== shards: ${fmtN(n)} files, gzip -9 by run, then a rename and a replace of each; n = ${SHARDS.join(', ')} shards one after another; best of ${rounds} round(s) per job`
  )
  const entry = join(freshDir('shards-entry'), 'bench-shards-entry.mjs')
  await bundleEntry(join(here, 'bench-shards-entry.ts'), entry)
  const origin = freshDir('shards-origin')
  for (let d = 0; d < DIRS; d++)
    mkdirSync(join(origin, 'data', String(d).padStart(2, '0')), { recursive: true })
  for (let i = 0; i < n; i++)
    writeFileSync(
      join(origin, 'data', String(i % DIRS).padStart(2, '0'), `f${String(i).padStart(5, '0')}.txt`),
      content(i)
    )
  writeFileSync(join(origin, 'plan.yml'), PLAN)
  const git = (args, cwd) => execFileSync('git', args, { cwd, stdio: 'pipe' })
  git(['init', '-q', '-b', 'main'], origin)
  git(['add', '-A'], origin)
  git(['-c', 'user.email=bench@localhost', '-c', 'user.name=bench', 'commit', '-qm', 'tree'], origin)

  const jobs = freshDir('shards-jobs')
  spreadOut(jobs)
  let jobCount = 0
  const jobPath = name => join(jobs, `${name}-${++jobCount}`)
  const made = [jobs]
  const clone = name => {
    const ws = jobPath(name)
    git(['clone', '-q', origin, ws])
    made.push(ws)
    return ws
  }
  const job = async (args, name) => {
    const ws = clone(name)
    const localDir = jobPath(`${name}-local`)
    settle()
    return run(
      process.execPath,
      [entry, JSON.stringify({ ...args, plan: join(ws, 'plan.yml'), workspace: ws, localDir })],
      repo
    )
  }
  /** The faster of two samples of one job. */
  const best = (a, b) => (!a || b.ms < a.ms ? b : a)
  try {
    let single
    /** By n: each shard's best sample, the merge's best, and the operations over the shards. */
    const sharded = new Map(SHARDS.map(count => [count, { shards: [], merge: undefined, ops: 0 }]))
    for (let round = 1; round <= rounds; round++) {
      const tag = rounds > 1 ? `r${round}-` : ''
      single = best(single, await job({ mode: 'run', out: jobPath(`${tag}single-out`) }, `${tag}single`))
      for (const count of SHARDS) {
        const s = sharded.get(count)
        const results = []
        let ops = 0
        for (let index = 1; index <= count; index++) {
          const out = jobPath(`${tag}shard-${count}-${index}`)
          const r = await job({ mode: 'run', shard: { index, count }, out }, `${tag}shard-${count}-${index}`)
          ops += r.result.counts.total
          s.shards[index - 1] = best(s.shards[index - 1], r)
          results.push({ index, dir: out })
        }
        s.ops = ops
        s.merge = best(s.merge, await job({ mode: 'merge', count, results }, `${tag}merge-${count}`))
        if (s.merge.result.counts.total !== single.result.counts.total)
          throw new Error(
            `the merge of ${count} shards has ${s.merge.result.counts.total} operations, the single run ${single.result.counts.total}`
          )
      }
    }
    const total = single.result.counts.total
    log(
      `  single runner: ${fmtMs(single.ms)} for ${fmtN(total)} operations (plan ${fmtMs(single.result.runMs)}, final checkpoint ${fmtMs(single.result.captureMs)}, start ${fmtMs(single.result.setupMs)})`
    )
    for (const count of SHARDS) {
      const { shards, merge, ops } = sharded.get(count)
      const largest = shards.reduce((a, b) => (b.ms > a.ms ? b : a))
      const wall = largest.ms + merge.ms
      const x = wall / single.ms
      const judged = count === 8
      const ok = x <= TARGET
      log(
        `  ${judged ? `${verdict(ok)}: ` : ''}n = ${count}: largest shard ${fmtMs(largest.ms)} (plan ${fmtMs(largest.result.runMs)}, final checkpoint ${fmtMs(largest.result.captureMs)}, start ${fmtMs(largest.result.setupMs)}), merge ${fmtMs(merge.ms)} (combine and apply ${fmtMs(merge.result.mergeMs)}), sum ${fmtMs(wall)} = ${fmtX(x)} the single run${judged ? ` (target ≤ ${TARGET}×)` : ''}; ${fmtN(ops)} operations over the shards`
      )
      rows.push([
        `shards n=${count}: largest + merge vs single`,
        fmtMs(wall),
        fmtMs(single.ms),
        fmtX(x),
        judged ? `≤ ${TARGET}×` : '',
        judged ? (ok ? 'PASS' : 'FAIL') : ''
      ])
    }
  } finally {
    for (const p of made) remove(p)
    remove(origin)
  }
}
