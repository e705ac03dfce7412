// npm run demo: generate a sample repository, run the demo plan with a step that fails the
// first time, show the report, run again and show the resume. Uses the committed bundle.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeDemoRepo } from './demo-repo.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(repo, 'dist', 'cli.js')
const plan = join(repo, 'scripts', 'demo-plan.yml')
const base = mkdtempSync(join(tmpdir(), 'bulk-ops-demo-'))
const ws = join(base, 'sample-repo')

makeDemoRepo(ws)

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
