import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { marked } from 'marked'
import { afterEach, describe, expect, it } from 'vitest'
import { runPlan } from '../src/engine.js'
import { Journal } from '../src/journal/journal.js'
import { parsePlan } from '../src/plan/load.js'
import { MatchList } from '../src/plan/match-list.js'
import { code, esc, fenced } from '../src/report/escape.js'
import type { SummaryContext } from '../src/report/facts.js'
import { reportFromJournal } from '../src/report/from-journal.js'
import type { Counts, OpReport, Report } from '../src/report/model.js'
import { perList, renderCompact, renderSummary } from '../src/report/summary.js'
import { removeDir, tempDir, writeTree } from './helpers/tree.js'

const MiB = 1024 * 1024

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!)
})

function workspace(files: Record<string, string>): { ws: string; state: string } {
  const dir = tempDir('bulk-ops-report-')
  dirs.push(dir)
  const ws = join(dir, 'ws')
  writeTree(ws, { '.keep': '', ...files })
  return { ws, state: join(dir, 'state') }
}

// ---------------------------------------------------------------------------------------------
// A GFM structure check: the Markdown is rendered by a real GFM renderer (marked) and the HTML
// is walked. A broken table (a stray `|`, a newline) or injected HTML shows up as a wrong cell,
// an unbalanced or unexpected tag.

const ALLOWED = new Set([
  'h2',
  'h3',
  'p',
  'strong',
  'em',
  'code',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'pre',
  'sub',
  'a'
])
const VOID = new Set(['br'])

interface Gfm {
  html: string
  /** Every table: rows of cell texts (header row first), tags stripped, entities decoded. */
  tables: string[][][]
  /** Tag counts. */
  tags: Map<string, number>
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' }

function decode(s: string): string {
  return s
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|amp);/gi, (_, e: string) =>
      e.startsWith('#x') || e.startsWith('#X')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : NAMED[e.toLowerCase()]
    )
}

function gfm(md: string): Gfm {
  const html = marked.parse(md, { async: false, gfm: true })
  const tags = new Map<string, number>()
  const stack: string[] = []
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*>/g)) {
    const name = m[2].toLowerCase()
    if (!ALLOWED.has(name)) throw new Error(`unexpected <${name}> in the rendered summary: ${m[0]}`)
    if (m[1]) {
      const open = stack.pop()
      if (open !== name) throw new Error(`</${name}> closes <${open}>`)
    } else {
      tags.set(name, (tags.get(name) ?? 0) + 1)
      if (!VOID.has(name)) stack.push(name)
    }
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`)
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(t =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(r =>
      [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(c => decode(c[1]))
    )
  )
  for (const t of tables) for (const row of t) expect(row.length).toBe(t[0].length)
  return { html, tables, tags }
}

/** The table whose header row starts with `first` (the first one, or all with `all`). */
function table(g: Gfm, header: string): string[][] {
  const t = g.tables.find(x => x[0].join(' | ') === header)
  if (!t) throw new Error(`no table "${header}" in ${g.tables.map(x => x[0].join(' | ')).join('\n')}`)
  return t
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8')
}

// ---------------------------------------------------------------------------------------------
// Reports built in memory, for sizes and names a workspace cannot hold.

function count(ops: OpReport[]): Counts {
  const c: Counts = { total: ops.length, executed: 0, skipped: 0, failed: 0, pending: 0 }
  for (const o of ops) c[o.outcome]++
  return c
}

function report(ops: OpReport[], more: Partial<Report> = {}): Report {
  const counts = count(ops)
  return {
    version: 1,
    planId: '0123456789abcdef',
    attempt: 1,
    complete: counts.pending === 0,
    resumedFrom: null,
    dryRun: false,
    stoppedBy: null,
    startedAt: '2025-05-01T10:00:00.000Z',
    durationMs: 4200,
    counts,
    attempts: [
      {
        attempt: 1,
        startedAt: Date.parse('2025-05-01T10:00:00Z'),
        endedAt: Date.parse('2025-05-01T10:00:04Z'),
        how: counts.failed ? 'failed' : 'complete',
        executed: counts.executed,
        skipped: counts.skipped,
        failed: counts.failed,
        pending: counts.pending
      }
    ],
    operations: ops,
    ...more
  }
}

function op(seq: number, o: Partial<OpReport> = {}): OpReport {
  return {
    seq,
    op: 'archive',
    kind: 'move',
    from: `legacy/${seq}.md`,
    to: `docs/${seq}.md`,
    outcome: 'executed',
    reason: null,
    attempts: 1,
    error: null,
    ...o
  }
}

const HOSTILE = [
  'a|b.md',
  '<script>alert(1)</script>.md',
  'tick`s``.md',
  'two\nlines.md',
  '@octocat and #12.md',
  '**bold** _em_ [link](http://x) ![img](x).md',
  '</details><details open>.md',
  '<!-- comment.md',
  'rtl\u202Egnp.md',
  '&lt;entity&gt;.md',
  'back\\slash|pipe.md',
  '| leading pipe.md',
  'ünïcødé 日本 🚀.md'
]

/** What a path cell shows for `name`: the same text with line breaks as ⏎ and invisible controls spelled out. */
function shown(name: string): string {
  return name.replace(/\n/g, ' ⏎ ').replace(/\u202E/g, '\\u{202e}')
}

describe('job summary of real runs', () => {
  it('a fresh, complete run: headline, counts, executed grouped by declared operation', async () => {
    const { ws, state } = workspace({ 'legacy/a.md': 'a', 'legacy/b.md': 'b', 'x.orig': '' })
    const plan = parsePlan(
      `version: 1
operations:
  - mkdir: docs
  - id: archive
    move: { from: "legacy/*.md", to: "docs/{name}" }
  - delete: "**/*.orig"
  - write: { path: docs/keep.txt, content: "" }
  - mkdir: docs
`,
      'plan.yml'
    )
    const { report: r } = await runPlan({ plan, workspace: ws, stateDir: state })
    const md = renderSummary(r, {
      mode: 'action',
      planFile: '.github/plan.yml',
      stores: ['cache'],
      checkpointKey: 'k1'
    })
    expect(md.split('\n')[0]).toBe('## ✅ bulk-ops: complete')
    expect(md).toContain(
      '**5** executed · **1** skipped · **0** failed · **0** pending — of **6** operations'
    )
    expect(md).toContain('Attempt **1** · fresh start · took')
    expect(md).toContain('**Next:** Nothing is left to do.')
    expect(md).not.toContain('### Failed')
    const g = gfm(md)
    const overview = table(g, 'operation | kind | total | executed | skipped | failed | pending')
    expect(overview.slice(1).map(row => row.slice(0, 4))).toEqual([
      ['operations[0]', 'mkdir', '1', '1'],
      ['archive', 'move', '2', '2'],
      ['operations[2]', 'delete', '1', '1'],
      ['operations[3]', 'write', '1', '1'],
      ['operations[4]', 'mkdir', '1', '0']
    ])
    expect(overview[5][4]).toBe('1 (satisfied 1)')
    // One collapsible section per declared operation and outcome.
    expect(g.tags.get('details')).toBe(5)
    expect(g.html).toContain('<summary><code>archive</code> (move): 2 executed</summary>')
    expect(g.tables.filter(t => t[0].join() === 'seq,paths,detail').flatMap(t => t.slice(1))).toContainEqual([
      '1',
      'legacy/a.md → docs/a.md',
      ''
    ])
    expect(md).toContain('Last checkpoint: <code>k1</code>')
  })

  it('a resumed run with failures: where it resumed, what failed, the attempts, what a re-run does', async () => {
    const { ws, state } = workspace({ 'src/a.js': 'a', 'src/b.js': 'b', 'src/c.js': 'c' })
    const plan = parsePlan(
      `version: 1
defaults: { max-attempts: 2 }
operations:
  - id: mjs
    rename: { from: "src/*.js", to: "{stem}.mjs" }
  - id: flaky
    run: { shell: 'test -e "$BULK_OPS_WORKSPACE/go" && touch ran', creates: ran }
  - id: stubborn
    run: { shell: 'echo "no luck for @you" >&2; exit 4' }
  - write: { path: done.txt, content: "done" }
`,
      'plan.yml'
    )
    const first = (await runPlan({ plan, workspace: ws, stateDir: state })).report
    expect(first.counts, JSON.stringify(first.operations.filter(o => o.error))).toMatchObject({
      executed: 4,
      failed: 2
    })
    writeFileSync(join(ws, 'go'), '')
    const { report: r } = await runPlan({ plan, workspace: ws, stateDir: state })
    const ctx: SummaryContext = {
      mode: 'action',
      planFile: '.github/plan.yml',
      restoredFrom: { store: 'cache', name: 'bulk-ops-0123456789abcdef-77-1-3', attempt: 1, seq: 3 },
      checkpointKey: 'bulk-ops-0123456789abcdef-77-2-5',
      stores: ['cache']
    }
    const md = renderSummary(r, ctx)
    expect(md.split('\n')[0]).toBe('## ❌ bulk-ops: finished with 1 failed')
    expect(md).toContain(
      'Attempt **2** · resumed from **#3**, checkpoint <code>bulk-ops-0123456789abcdef-77-1-3</code> (cache) saved by attempt 1'
    )
    expect(md).toContain(
      '**1** executed · **4** skipped · **1** failed · **0** pending — of **6** operations'
    )
    expect(md).toContain(
      '**Next:** "Re-run failed jobs" has nothing left to retry. It gives up on 1 operation that reached max-attempts'
    )
    const g = gfm(md)
    const failed = table(g, 'seq | operation | kind | paths | tries | next run | error')
    expect(failed.slice(1)).toEqual([
      [
        '4',
        'stubborn',
        'run',
        '—',
        '2',
        'gave up',
        'shell script exited with code 4; stderr:\nno luck for @you'
      ]
    ])
    // The mention is inside code: GitHub does not notify anyone.
    expect(g.html).toContain(
      '<code>shell script exited with code 4; stderr&#58;<br>no luck for &#64;you</code>'
    )
    const attempts = table(g, 'attempt | started | took | executed | skipped | failed | pending | ended')
    expect(attempts.slice(1).map(a => [a[0], a[3], a[5], a[7]])).toEqual([
      ['1', '4', '2', '2 failed'],
      ['2 (this one)', '1', '1', '1 failed']
    ])
    expect(md).toMatch(/### Skipped \(4: done-earlier 4\)/)
    expect(g.html).toContain('<summary><code>mjs</code> (rename): 3 skipped (done-earlier 3)</summary>')
    expect(g.html).toContain('<strong>done-earlier</strong> (3)')
  })

  it('a dry-run: the classification and the diffs of write and replace, in code that content cannot close', async () => {
    const nasty = 'old line\n```\n</details>\n<script>x()</script>\n'
    const { ws } = workspace({ 'docs/a.md': 'see legacy/x\n', 'notes.txt': nasty, 'same.txt': 'same' })
    const plan = parsePlan(
      `version: 1
operations:
  - replace: { files: "docs/*.md", find: "legacy/", with: "archive/" }
  - write: { path: notes.txt, content: "new line\\n" }
    on-conflict: overwrite
  - write: { path: same.txt, content: "same" }
  - run: { command: ["true"] }
`,
      'plan.yml'
    )
    const { report: r } = await runPlan({ plan, workspace: ws, dryRun: true })
    const md = renderSummary(r, { mode: 'action' })
    if (process.env.SHOW_SUMMARY) console.log(md)
    expect(md.split('\n')[0]).toBe('## 🔍 bulk-ops: dry-run: nothing was changed')
    expect(md).toContain(
      '**2** would change · **1** already satisfied · **0** conflicts skipped · **0** would fail · **1** commands not previewed'
    )
    expect(md).toContain('**Next:** Dry-run: nothing was changed and nothing was saved.')
    const g = gfm(md)
    expect(table(g, 'classification | operations').slice(1)).toEqual([
      ['would-execute', '2'],
      ['satisfied', '1'],
      ['cannot-preview', '1']
    ])
    // Two diffs, each in its own details block with a fenced diff.
    expect(g.tags.get('pre')).toBe(2)
    expect(g.html).toContain('<summary>#1 write <code>notes.txt</code> (+1 −4)</summary>')
    expect(g.html).toContain('-&lt;script&gt;x()&lt;/script&gt;')
    expect(g.html).toContain('-```')
    expect(g.html).toMatch(/\+see archive\/x/)
    // The would-execute, satisfied and cannot-preview lists plus the two diffs.
    expect(g.tags.get('details')).toBe(5)
  })
})

describe('job summary written by the post step', () => {
  it('rebuilds a cancelled attempt from its journal: done earlier, done now, interrupted, pending', () => {
    const { ws, state } = workspace({})
    void ws
    const plan = parsePlan(
      `version: 1
defaults: { max-attempts: 2 }
operations:
  - id: one
    write: { path: a.txt, content: "a" }
  - id: many
    run: { files: "src/*.js", command: [prettier, "{path}"] }
  - id: later
    delete: "**/*.orig"
`,
      'plan.yml'
    )
    // Attempt 1 ends with a failure; attempt 2 is killed while #3 runs (no end record).
    const j = Journal.open(state, plan)
    const t0 = Date.parse('2025-05-01T10:00:00Z')
    j.record({ t: 'begin', a: 1, at: t0, plan: plan.planId })
    j.record({ t: 'exp', d: 0, b: '.', m: MatchList.of(['']) })
    j.record({ t: 's', q: 0, a: 1 })
    j.record({ t: 'x', q: 0, a: 1 })
    j.record({ t: 'exp', d: 1, b: 'src', m: MatchList.of(['src/a.js', 'src/b.js', 'src/c.js', 'src/d.js']) })
    j.record({ t: 's', q: 1, a: 1 })
    j.record({ t: 'f', q: 1, a: 1, e: 'prettier: not found' })
    j.record({ t: 's', q: 2, a: 1 })
    j.record({ t: 'f', q: 2, a: 1, e: 'prettier: not found' })
    j.record({ t: 'end', a: 1, at: t0 + 60_000, how: 'failed', ex: 1, sk: 0, fl: 2, pe: 3 })
    j.record({ t: 'begin', a: 2, at: t0 + 3_600_000, plan: plan.planId })
    j.record({ t: 's', q: 1, a: 2 })
    j.record({ t: 'k', q: 1, a: 2, r: 'satisfied' })
    j.record({ t: 's', q: 2, a: 2 })
    j.record({ t: 'f', q: 2, a: 2, e: 'prettier: syntax error in src/b.js' })
    j.record({ t: 's', q: 3, a: 2 })
    j.barrier()
    j.close()

    const r = reportFromJournal(plan, state, { attempt: 2, now: t0 + 3_600_000 + 90_000 })
    expect(r.resumedFrom).toBe(1)
    expect(r.durationMs).toBe(90_000)
    expect(r.operations.map(o => [o.seq, o.op, o.outcome, o.reason])).toEqual([
      [0, 'one', 'skipped', 'done-earlier'],
      [1, 'many', 'skipped', 'satisfied'],
      [2, 'many', 'failed', 'gave-up'],
      [3, 'many', 'pending', 'signal'],
      [4, 'many', 'pending', 'signal'],
      [null, 'later', 'pending', 'signal']
    ])
    expect(r.operations[3].detail).toMatch(/was running when the step stopped/)
    expect(r.counts).toEqual({ total: 6, executed: 0, skipped: 2, failed: 1, pending: 3 })

    const md = renderSummary(r, {
      mode: 'action',
      byPostStep: true,
      restoredFrom: { store: 'artifact', name: 'bulk-ops-0123456789abcdef-a1', attempt: 1, seq: 1 },
      checkpointKey: 'bulk-ops-0123456789abcdef-a2',
      stores: ['artifact'],
      reportArtifact: 'bulk-ops-0123456789abcdef-a2'
    })
    expect(md.split('\n')[0]).toBe('## ⏹️ bulk-ops: cancelled or killed, 3 pending')
    expect(md).toContain('the post step wrote it from the journal')
    expect(md).toContain(
      'resumed from **#1**, checkpoint <code>bulk-ops-0123456789abcdef-a1</code> (artifact) saved by attempt 1'
    )
    expect(md).toContain(
      '**Next:** "Re-run failed jobs" resumes at #3: it runs 3 pending operations (1 of them not yet expanded: each may fan out into many)'
    )
    expect(md).toContain(
      'Full report: <code>report.json</code> in the artifact <code>bulk-ops-0123456789abcdef-a2</code>.'
    )
    const g = gfm(md)
    const attempts = table(g, 'attempt | started | took | executed | skipped | failed | pending | ended')
    expect(attempts.slice(1)).toEqual([
      ['1', '2025-05-01 10:00:00 UTC', '1m 0s', '1', '0', '2', '3', '2 failed'],
      [
        '2 (this one)',
        '2025-05-01 11:00:00 UTC',
        '1m 30s',
        '0',
        '2',
        '1',
        '3',
        'cancelled or killed (no end record)'
      ]
    ])
    expect(g.html).toContain('<summary><code>many</code> (run): 2 pending</summary>')
  })
})

describe('hostile file names', () => {
  const ops: OpReport[] = HOSTILE.flatMap((name, i) => [
    op(i * 3, { from: name, to: `to/${name}`, outcome: 'failed', error: `cannot move ${name}` }),
    op(i * 3 + 1, { from: name, to: null, kind: 'delete', outcome: 'skipped', reason: 'satisfied' }),
    op(i * 3 + 2, { from: name, to: null, kind: 'replace', outcome: 'executed', op: 'fix|<b>' })
  ])
  const r = report(ops)

  it.each([
    ['job summary', renderSummary(r, { mode: 'action', planFile: 'plans/`x`|<y>.yml' })],
    ['compact summary', renderCompact(r, { mode: 'action' })]
  ])('never break the tables of the %s, nor inject HTML', (_, md) => {
    const g = gfm(md)
    expect(g.tags.get('script')).toBeUndefined()
    const failed = table(g, 'seq | operation | kind | paths | tries | next run | error')
    expect(failed.slice(1).map(row => row[3])).toEqual(HOSTILE.map(n => `${shown(n)} → to/${shown(n)}`))
    expect(failed.slice(1).map(row => row[6])).toEqual(
      HOSTILE.map(n => `cannot move ${n.replace(/\u202E/g, '\\u{202e}')}`)
    )
    // Every value is inside <code>: no mentions, no issue links, no emphasis, no images.
    expect(g.html).not.toMatch(/<a |<img|<em>|<strong>bold/)
    expect(md).not.toMatch(/<script|<\/details><details open>|<!--/)
  })

  it('never break the collapsible listings', () => {
    const g = gfm(renderSummary(r, { mode: 'action' }))
    const rows = g.tables.filter(t => t[0].join() === 'seq,paths,detail').flatMap(t => t.slice(1))
    expect(rows.map(row => row[1]).sort()).toEqual([...HOSTILE, ...HOSTILE].map(shown).sort())
    expect(g.html).toContain('<summary><code>fix&#124;&#60;b&#62;</code> (replace):')
    expect(g.tags.get('details')).toBe(2)
  })

  it('esc leaves plain text alone and makes the rest inert', () => {
    expect(esc('docs/archive/page-1.md')).toBe('docs/archive/page-1.md')
    expect(esc('a|b')).toBe('a&#124;b')
    expect(esc('x\u0007y')).toBe('x&#92;x07y')
    expect(code('`')).toBe('<code>&#96;</code>')
    expect(fenced('a ```` b')).toBe('`````\na ```` b\n`````')
  })
})

describe('size', () => {
  /** 200,000 operations over 8 declared operations, with `failures` failed ones spread through. */
  function huge(failures: number, name: (i: number) => string): Report {
    const ops: OpReport[] = []
    const every = Math.floor(200_000 / failures)
    for (let seq = 0; seq < 200_000; seq++) {
      const decl = seq % 8
      const path = name(seq)
      const failed = (seq + 1) % every === 0 && (seq + 1) / every <= failures
      ops.push(
        op(seq, {
          op: `step-${decl}`,
          kind: decl % 2 ? 'replace' : 'move',
          from: path,
          to: decl % 2 ? null : `archive/${path}`,
          outcome: failed ? 'failed' : seq < 120_000 ? 'skipped' : seq < 190_000 ? 'executed' : 'pending',
          reason: failed
            ? seq % 3
              ? null
              : 'gave-up'
            : seq < 60_000
              ? 'done-earlier'
              : seq < 120_000
                ? 'satisfied'
                : null,
          attempts: failed ? 3 : 1,
          error: failed
            ? `shell exited with code 1: could not process ${path} because the formatter crashed with a long stack trace\n    at format (/opt/tool/lib/index.js:120:7)\n    at main (/opt/tool/bin/cli.js:10:3)`
            : null
        })
      )
    }
    return report(ops, { attempt: 3, resumedFrom: 60_000, stoppedBy: 'time-budget', complete: false })
  }

  it('a 200,000-operation run stays under 1 MiB and names every failure, up to the cap', () => {
    const r = huge(700, i => `packages/pkg-${i % 400}/src/components/deeply/nested/module-${i}.component.tsx`)
    const failed = r.operations.filter(o => o.outcome === 'failed')
    expect(failed.length).toBe(700)
    const md = renderSummary(r, {
      mode: 'action',
      stores: ['cache', 'artifact'],
      reportArtifact: 'bulk-ops-x-a3'
    })
    expect(bytes(md)).toBeLessThan(MiB)
    const g = gfm(md)
    const rows = table(g, 'seq | operation | kind | paths | tries | next run | error').slice(1)
    expect(rows.map(row => Number(row[0].replace(/,/g, '')))).toEqual(failed.map(o => o.seq))
    // Beyond the row budget each group shows its first rows and says how many more, and where.
    expect(md).toMatch(
      /… and [\d,]+ more; every one is in <code>report.json<\/code> in the artifact <code>bulk-ops-x-a3<\/code>\./
    )
    const listed = g.tables
      .filter(t => t[0].join() === 'seq,paths,detail')
      .reduce((n, t) => n + t.length - 1, 0)
    expect(listed).toBeLessThanOrEqual(1000)
    expect(listed).toBeGreaterThan(900)
    // Every group of every outcome is still there, each with its first rows.
    expect(g.tags.get('details')).toBe(8 * 3)
    const compact = renderCompact(r, { mode: 'action' })
    expect(compact.length).toBeLessThanOrEqual(60_000)
    gfm(compact)
  })

  it('with many failures and names that escape to many bytes, it still stays under 1 MiB and counts the rest', () => {
    const r = huge(20_000, i => `${'<|>`@'.repeat(40)}${i}\u202e🚀`)
    const md = renderSummary(r, { mode: 'action' })
    expect(bytes(md)).toBeLessThan(MiB)
    const g = gfm(md)
    const rows = table(g, 'seq | operation | kind | paths | tries | next run | error').slice(1)
    const more = /… and ([\d,]+) more failed operations; every one is in/.exec(md)
    expect(more).not.toBeNull()
    expect(rows.length + Number(more![1].replace(/,/g, ''))).toBe(20_000)
    expect(rows.length).toBeGreaterThan(50)
    const compact = renderCompact(r, { mode: 'action' })
    expect(compact.length).toBeLessThanOrEqual(60_000)
    gfm(compact)
  })

  it('shares the row budget so that short lists show whole and long ones their first rows', () => {
    expect(perList([3, 500, 10, 1000], 100)).toEqual([3, 43, 10, 43])
    expect(perList([3, 5], 100)).toEqual([3, 5])
    expect(perList([50, 50, 50], 0)).toEqual([0, 0, 0])
  })
})
