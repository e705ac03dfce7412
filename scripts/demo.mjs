// npm run demo: generate a sample repository, run the demo plan with a step that fails the
// first time, show the report, run again and show the resume. Uses the committed bundle.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(repo, 'dist', 'cli.js')
const plan = join(repo, 'scripts', 'demo-plan.yml')
const base = mkdtempSync(join(tmpdir(), 'bulk-ops-demo-'))
const ws = join(base, 'sample-repo')

function write(rel, content) {
  const p = join(ws, rel)
  mkdirSync(dirname(p), { recursive: true })
  writeFileSync(p, content)
}
const sections = ['guide', 'api', 'howto']
for (let i = 0; i < 24; i++) {
  const s = sections[i % 3]
  write(
    `legacy/${s}/page-${i}.md`,
    `# ${s} page ${i}\n\nSee [the next page](legacy/${s}/page-${i + 1}.md).\n`
  )
}
write('docs/README.md', '# Docs\n\nStart with [the guide](legacy/guide/page-0.md).\n')
for (let i = 0; i < 12; i++) {
  write(`src/mod${i}/index.js`, `import { helper } from './helper.js'\nexport const v${i} = helper(${i})\n`)
  write(`src/mod${i}/helper.js`, `export const helper = x => x * 2\n`)
}
write('notes.orig', 'leftover from a merge\n')
execFileSync('git', ['init', '-q'], { cwd: ws })

const stateDir = join(base, 'state')
const report = join(base, 'report.json')
const run = () =>
  spawnSync(
    process.execPath,
    [cli, 'run', plan, '--workspace', ws, '--state-dir', stateDir, '--report', report],
    {
      encoding: 'utf8'
    }
  )
const show = (title, r) => {
  console.log(`\n=== ${title} (exit code ${r.status}) ===`)
  process.stdout.write(r.stdout)
  const rep = JSON.parse(readFileSync(report, 'utf8'))
  const byReason = {}
  for (const o of rep.operations) {
    const k = o.outcome + (o.reason ? `/${o.reason}` : '')
    byReason[k] = (byReason[k] ?? 0) + 1
  }
  console.log(`report: ${report}`)
  console.log(`  counts ${JSON.stringify(rep.counts)}, resumedFrom ${rep.resumedFrom}`)
  console.log(`  outcomes ${JSON.stringify(byReason)}`)
}

console.log(`sample repository: ${ws}`)
console.log(`plan: ${plan}`)
const first = run()
show('attempt 1: the flaky step fails half-way, the rest goes on', first)
const second = run()
show('attempt 2: resume — completed work is skipped as done-earlier, the failed step is retried', second)
const third = spawnSync(process.execPath, [cli, 'inspect', stateDir], { encoding: 'utf8' })
console.log('\n=== bulk-ops inspect ===')
process.stdout.write(third.stdout)
if (first.status !== 1 || second.status !== 0) {
  console.error(`demo: unexpected exit codes ${first.status} then ${second.status}`)
  process.exit(1)
}
