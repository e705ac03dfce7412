import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { marked } from 'marked'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActionRun, readReport, type AttemptResult } from './helpers/action-run.js'
import { makeSampleOrigin } from './helpers/sample-repo.js'
import { removeDir, tempDir } from './helpers/tree.js'
import { startActionsService, type ActionsService } from './support/actions-service.js'

const execFileP = promisify(execFile)

/**
 * A plan whose `stamp` step always fails on one file with an awkward name (and gives up on the
 * second attempt), whose gate fails once (FAIL_ONCE) or hangs (SLOW), then moves the files.
 */
const REPORT_PLAN = `version: 1
defaults: { max-attempts: 2 }
operations:
  - mkdir: out
  - id: stamp
    run:
      files: "notes/*.md"
      shell: 'case "$BULK_OPS_PATH" in *script*) echo "cannot stamp $BULK_OPS_PATH" >&2; exit 5;; esac; printf ok > "$BULK_OPS_PATH.stamp"'
      creates: "{path}.stamp"
  - id: gate
    run:
      shell: |
        if [ -n "$FAIL_ONCE" ]; then echo "gate closed" >&2; exit 3; fi
        if [ -n "$SLOW" ]; then echo $$ > "$MARK_DIR/slow.pid"; touch "$MARK_DIR/slow-started"; exec sleep 20; fi
        echo open > gate.txt
      creates: gate.txt
  - id: archive
    move: { from: "notes/*.md", to: "out/{name}" }
`

const NAMES = ['notes/a|b.md', 'notes/<script>x.md', 'notes/tick`s.md', 'notes/plain.md']

let svc: ActionsService
let root: string
let nextRun = 7000

beforeAll(async () => {
  svc = await startActionsService()
  root = tempDir('bulk-ops-e2e-report-')
})

afterAll(async () => {
  await svc?.stop()
  if (root) removeDir(root)
})

function scenario(store: string): ActionRun {
  const runId = nextRun++
  const extra: Record<string, string> = { '.github/bulk/report.yml': REPORT_PLAN }
  for (const n of NAMES) extra[n] = `# ${n}\n`
  const origin = makeSampleOrigin(join(root, `origin-${runId}`), extra)
  return new ActionRun(svc, root, origin, runId, { plan: '.github/bulk/report.yml', store })
}

/** Structure of a job summary as a GFM renderer sees it: tables with whole rows, balanced tags. */
function structure(md: string): { tables: string[][]; details: number; html: string } {
  const html = marked.parse(md, { async: false, gfm: true })
  expect(html).not.toMatch(/<script|<img|<iframe/)
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(t =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(r => [...r[1].matchAll(/<t[hd][^>]*>/g)].length)
  )
  for (const t of tables) expect(new Set(t).size).toBe(1)
  const open = (html.match(/<details>/g) ?? []).length
  expect((html.match(/<\/details>/g) ?? []).length).toBe(open)
  return { tables: tables.map(t => t.map(String)), details: open, html }
}

/** The workflow commands an attempt wrote (annotations), decoded. */
function annotations(a: AttemptResult, level: 'error' | 'warning'): { props: string; message: string }[] {
  const out: { props: string; message: string }[] = []
  for (const m of a.main.stdout.matchAll(new RegExp(`^::${level}( [^:]*)?::(.*)$`, 'gm'))) {
    const unescape = (s: string): string =>
      s
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%3A/g, ':')
        .replace(/%2C/g, ',')
        .replace(/%25/g, '%')
    out.push({ props: unescape(m[1] ?? ''), message: unescape(m[2]) })
  }
  return out
}

/** Downloads an artifact of the run with the real client (in a child process) and lists its files. */
async function artifactFiles(r: ActionRun, name: string): Promise<Record<string, string>> {
  const a = svc.listArtifacts().find(x => x.name === name && x.runId === String(r.runId))
  expect(a, `artifact ${name}`).toBeTruthy()
  const dest = join(r.dir, `download-${name}`)
  const base = svc.clientEnv({ runId: r.runId, runAttempt: 9, jobId: `${r.runId}9`, ref: r.ref })
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...base }
  const [owner, repo] = base.GITHUB_REPOSITORY.split('/')
  const script = `import { DefaultArtifactClient } from '@actions/artifact'
await new DefaultArtifactClient().downloadArtifact(${a!.id}, { path: ${JSON.stringify(dest)},
  findBy: { token: 'test-token', workflowRunId: ${r.runId}, repositoryOwner: ${JSON.stringify(owner)}, repositoryName: ${JSON.stringify(repo)} } })
process.exit(0)`
  await execFileP(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    env,
    timeout: 60_000
  })
  const out: Record<string, string> = {}
  for (const f of readdirSync(dest)) out[f] = readFileSync(join(dest, f), 'utf8')
  return out
}

describe('job summary, outputs and annotations of the action', () => {
  it('a run with failures, then its resumed re-run: summary, annotations, outputs, report in the artifact', async () => {
    const r = scenario('cache,artifact')
    const a1 = await r.attempt(1, { env: { FAIL_ONCE: '1' } })
    expect(a1.main.code, a1.main.stdout).toBe(1)
    const rep1 = readReport(a1.outputs)
    expect(rep1.counts).toMatchObject({ failed: 2, pending: 0 })
    const s1 = a1.summary
    expect(s1.split('\n')[0]).toBe('## ❌ bulk-ops: finished with 2 failed')
    expect(s1).toContain('Attempt **1** · fresh start · took')
    expect(s1).toContain('plan <code>.github/bulk/report.yml</code>')
    expect(s1).toContain('**Next:** "Re-run failed jobs" resumes at #')
    expect(s1).toContain('retries 2 failed operations')
    expect(s1).toContain('<code>notes/&#60;script&#62;x.md</code>')
    const st1 = structure(s1)
    expect(st1.html).toContain('<br>cannot stamp notes/&#60;script&#62;x.md</code>')
    // The compact summary output, for a pull-request body.
    expect(a1.outputs.summary.split('\n')[0]).toBe('### ❌ bulk-ops: finished with 2 failed')
    expect(a1.outputs.summary.length).toBeLessThanOrEqual(60_000)
    expect(a1.outputs.summary).toContain('[Job summary](https://github.com/')
    structure(a1.outputs.summary)
    // One error annotation on the failed file, one without a file for the gate; no duplicates from the log.
    const e1 = annotations(a1, 'error').filter(x => x.props.includes('title=bulk-ops: #'))
    expect(e1.map(x => x.props)).toEqual([
      expect.stringMatching(/^ title=bulk-ops: #\d+ stamp \(run\) failed,file=notes\/<script>x\.md$/),
      expect.stringMatching(/^ title=bulk-ops: #\d+ gate \(run\) failed$/)
    ])
    expect(e1[0].message).toContain('cannot stamp notes/<script>x.md')
    expect(a1.main.stdout).not.toMatch(/^::error::#\d+ /m)

    const a2 = await r.attempt(2)
    expect(a2.main.code, a2.main.stdout).toBe(1)
    const rep2 = readReport(a2.outputs)
    const gate = rep1.operations.find(o => o.op === 'gate')!
    const firstFailed = Math.min(...rep1.operations.filter(o => o.outcome === 'failed').map(o => o.seq!))
    expect(a2.outputs.resumed).toBe('true')
    expect(rep2.resumedFrom).toBe(firstFailed)
    expect(rep2.operations.find(o => o.op === 'gate')!.outcome).toBe('executed')
    const s2 = a2.summary
    expect(s2.split('\n')[0]).toBe('## ❌ bulk-ops: finished with 1 failed')
    expect(s2).toMatch(
      new RegExp(
        `Attempt \\*\\*2\\*\\* · resumed from \\*\\*#${firstFailed}\\*\\*, checkpoint <code>bulk-ops-[0-9a-f]{16}-(${r.runId}-1-\\d+(\\.\\d+)?|a1)</code> \\((cache|artifact)\\) saved by attempt 1`
      )
    )
    expect(s2).toContain(
      '**Next:** "Re-run failed jobs" has nothing left to retry. It gives up on 1 operation'
    )
    const st2 = structure(s2)
    expect(s2).toMatch(/^\| 1 \| [^|]+ UTC \| [^|]+ \| \d+ \| 0 \| 2 \| 0 \| 2 failed \|$/m)
    expect(st2.html).toContain('<td align="right"><strong>2</strong> (this one)</td>')
    expect(st2.html).toMatch(/<summary><code>gate<\/code> \(run\): 1 executed<\/summary>/)
    expect(st2.html).toMatch(/<summary><code>stamp<\/code> \(run\): 3 skipped \(done-earlier 3\)<\/summary>/)
    expect(s2).toContain(`gave up`)
    expect(s2).toContain(`${gate.seq}`)
    const w2 = annotations(a2, 'warning').filter(x => x.props.includes('gave up'))
    expect(w2.map(x => x.props)).toEqual([
      expect.stringMatching(
        /^ title=bulk-ops: #\d+ stamp \(run\) gave up after 2 tries,file=notes\/<script>x\.md$/
      )
    ])
    expect(annotations(a2, 'error').filter(x => x.props.includes('title=bulk-ops: #'))).toEqual([])

    // The final artifact carries the JSON report beside the journal, and the summary says so.
    const artifact = `bulk-ops-${rep2.planId}-a2`
    expect(s2).toContain(`Full report: <code>report.json</code> in the artifact <code>${artifact}</code>.`)
    const files = await artifactFiles(r, artifact)
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining(['checkpoint.json', 'journal.wal', 'report.json', 'state.json'])
    )
    expect(JSON.parse(files['report.json'])).toEqual(rep2)
  })

  it('a run killed mid-operation is summarised by the post step, and the re-run says where it resumed', async () => {
    const r = scenario('cache')
    let pid = 0
    try {
      const a1 = await r.attempt(1, {
        env: { SLOW: '1' },
        interrupt: child => {
          const poll = setInterval(() => {
            if (existsSync(join(r.marks, 'slow-started'))) {
              clearInterval(poll)
              child.kill('SIGKILL')
            }
          }, 50)
          child.on('exit', () => clearInterval(poll))
        }
      })
      pid = Number(readFileSync(join(r.marks, 'slow.pid'), 'utf8'))
      expect(a1.main.signal).toBe('SIGKILL')
      expect(a1.post!.stdout).toMatch(/checkpoint saved as bulk-ops-/)
      const s1 = a1.summary
      // Only the post step wrote a summary.
      expect(s1.match(/^## /gm)).toHaveLength(1)
      expect(s1.split('\n')[0]).toMatch(/^## ⏹️ bulk-ops: cancelled or killed, \d+ pending$/)
      expect(s1).toContain('the post step wrote it from the journal')
      expect(s1).toMatch(/Last checkpoint: <code>bulk-ops-[0-9a-f]{16}-\d+-1-\d+(\.\d+)?<\/code>/)
      const st = structure(s1)
      expect(st.html).toContain('cancelled or killed (no end record)')
      expect(st.html).toMatch(/<summary><code>gate<\/code> \(run\): 1 pending<\/summary>/)
      expect(st.html).toContain('was running when the step stopped')
      // The post step's report is on the runner too.
      const local = JSON.parse(
        readFileSync(
          join(r.temp, 'bulk-ops', readdirSync(join(r.temp, 'bulk-ops'))[0], 'report.json'),
          'utf8'
        )
      )
      expect(local.stoppedBy).toBe('signal')
    } finally {
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    }
    const a2 = await r.attempt(2)
    expect(a2.main.code, a2.main.stdout.replace(/^::debug::.*\n/gm, '')).toBe(1)
    const rep2 = readReport(a2.outputs)
    const gate = rep2.operations.find(o => o.op === 'gate')!
    expect(gate.outcome).toBe('executed')
    expect(rep2.resumedFrom).toBeLessThanOrEqual(gate.seq!)
    expect(a2.summary).toMatch(
      /resumed from \*\*#\d+\*\*, checkpoint <code>bulk-ops-[0-9a-f]{16}-\d+-1-\d+(\.\d+)?<\/code> \(cache\) saved by attempt 1/
    )
    expect(a2.summary).toContain('killed or cancelled (no end record)')
  })

  it('a cancel (SIGINT): main writes the summary, the post step adds the checkpoint it saved', async () => {
    const r = scenario('cache')
    let pid = 0
    try {
      const a1 = await r.attempt(1, {
        env: { SLOW: '1' },
        interrupt: child => {
          const poll = setInterval(() => {
            if (existsSync(join(r.marks, 'slow-started'))) {
              clearInterval(poll)
              child.kill('SIGINT')
            }
          }, 50)
          child.on('exit', () => clearInterval(poll))
        }
      })
      pid = Number(readFileSync(join(r.marks, 'slow.pid'), 'utf8'))
      expect(a1.main.code).toBe(1)
      const s = a1.summary
      expect(s.split('\n')[0]).toMatch(/^## ⏹️ bulk-ops: cancelled, \d+ pending$/)
      expect(s).toContain('The post step saves the checkpoint (see its log).')
      expect(s).toMatch(
        /Post step: saved the checkpoint <code>bulk-ops-[0-9a-f]{16}-\d+-1-\d+(\.\d+)?<\/code>; "Re-run failed jobs" continues at #\d+\./
      )
      structure(s)
    } finally {
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    }
  })

  it('a bad plan: the summary says the step did not run and why', async () => {
    const r = scenario('none')
    const a1 = await r.attempt(1, { inputs: { plan: '.github/bulk/missing.yml' } })
    expect(a1.main.code).toBe(1)
    expect(a1.summary.split('\n')[0]).toBe('## ❌ bulk-ops: did not run')
    expect(a1.summary).toMatch(/missing\.yml/)
    structure(a1.summary)
  })
})
