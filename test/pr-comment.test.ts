import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryLogger } from '../src/logger.js'
import { commentMarker, pullRequestOf, upsertPrComment } from '../src/report/pr-comment.js'
import { ActionRun } from './helpers/action-run.js'
import { makeSampleOrigin } from './helpers/sample-repo.js'
import { removeDir, tempDir } from './helpers/tree.js'
import { startActionsService, type ActionsService } from './support/actions-service.js'

interface Comment {
  id: number
  body: string
  user: { login: string }
  html_url: string
}

/**
 * A small GitHub REST API on 127.0.0.1: the issue-comment routes the action uses, kept in
 * memory, with pagination (Link headers) and a switch that answers 403 as a read-only token
 * gets. Every other request is passed on to `forward` (the local Actions service), so the
 * action's cache and artifact calls keep working when GITHUB_API_URL points here.
 */
class FakeGitHub {
  readonly comments = new Map<number, Comment[]>()
  readonly calls: string[] = []
  deny = false
  private nextId = 1000
  private server!: Server
  url = ''

  constructor(private readonly forward?: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`
    return this
  }

  stop(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise(resolve => this.server.close(() => resolve()))
  }

  seed(pull: number, body: string, login = 'someone'): void {
    const list = this.comments.get(pull) ?? []
    const id = this.nextId++
    list.push({
      id,
      body,
      user: { login },
      html_url: `https://github.com/o/r/pull/${pull}#issuecomment-${id}`
    })
    this.comments.set(pull, list)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const list = /^\/api\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    const one = /^\/api\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    if (!list && !one) return this.pass(req, res)
    this.calls.push(`${req.method} ${url.pathname.replace(/^\/api/, '')}`)
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    if (!/^(token|bearer) test-token$/i.test(req.headers.authorization ?? ''))
      return json(401, { message: 'Bad credentials' })
    if (this.deny) return json(403, { message: 'Resource not accessible by integration' })
    let raw = ''
    for await (const chunk of req) raw += String(chunk)
    if (list && req.method === 'GET') {
      const all = this.comments.get(Number(list[3])) ?? []
      const per = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      const headers: Record<string, string> = {}
      if (page * per < all.length) {
        const next = new URL(url)
        next.searchParams.set('page', String(page + 1))
        headers.link = `<${this.url.replace(/\/api$/, '')}${next.pathname}${next.search}>; rel="next"`
      }
      return json(200, all.slice((page - 1) * per, page * per), headers)
    }
    if (list && req.method === 'POST') {
      const pull = Number(list[3])
      this.seed(pull, (JSON.parse(raw) as { body: string }).body, 'github-actions[bot]')
      return json(201, this.comments.get(pull)!.at(-1))
    }
    if (one && req.method === 'PATCH') {
      for (const cs of this.comments.values()) {
        const c = cs.find(x => x.id === Number(one[3]))
        if (c) {
          c.body = (JSON.parse(raw) as { body: string }).body
          return json(200, c)
        }
      }
      return json(404, { message: 'Not Found' })
    }
    json(404, { message: 'Not Found' })
  }

  private pass(req: IncomingMessage, res: ServerResponse): void {
    if (!this.forward) {
      res.writeHead(404).end()
      return
    }
    const target = new URL(req.url ?? '/', this.forward)
    const up = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, r => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  }
}

describe('upsertPrComment against a local GitHub API', () => {
  let gh: FakeGitHub
  beforeAll(async () => {
    gh = await new FakeGitHub().start()
  })
  afterAll(() => gh.stop())

  const marker = commentMarker('0123456789abcdef', '')
  const opts = (pull: number, body: string, logger = memoryLogger()) => ({
    token: 'test-token',
    apiUrl: gh.url,
    owner: 'octo-org',
    repo: 'bulk-ops',
    pull,
    marker,
    body,
    logger
  })

  it('creates the comment once, then updates that same comment, leaving the others alone', async () => {
    gh.seed(7, 'LGTM')
    gh.seed(7, `${commentMarker('fedcba9876543210', '')}\nanother plan's summary`)
    const first = await upsertPrComment(opts(7, '### attempt 1'))
    expect(first).toMatchObject({ action: 'created' })
    const second = await upsertPrComment(opts(7, '### attempt 2'))
    expect(second).toMatchObject({ action: 'updated', id: first!.id })
    const bodies = gh.comments.get(7)!.map(c => c.body)
    expect(bodies).toEqual([
      'LGTM',
      `${commentMarker('fedcba9876543210', '')}\nanother plan's summary`,
      `${marker}\n### attempt 2`
    ])
  })

  it('finds its comment on a later page of a long discussion', async () => {
    for (let i = 0; i < 130; i++) gh.seed(8, `comment ${i}`)
    gh.seed(8, `${marker}\nold`)
    for (let i = 0; i < 30; i++) gh.seed(8, `comment after ${i}`)
    const r = await upsertPrComment(opts(8, 'new'))
    expect(r).toMatchObject({ action: 'updated' })
    expect(
      gh.comments
        .get(8)!
        .filter(c => c.body.includes(marker))
        .map(c => c.body)
    ).toEqual([`${marker}\nnew`])
    expect(gh.calls.filter(c => c === 'GET /repos/octo-org/bulk-ops/issues/8/comments')).toHaveLength(2)
  })

  it('keeps one comment per plan and key', () => {
    expect(commentMarker('0123456789abcdef', 'docs move!')).toBe(
      '<!-- bulk-ops-summary plan=0123456789abcdef key=docs-move- -->'
    )
    expect(commentMarker('0123456789abcdef', '')).not.toBe(commentMarker('0123456789abcdef', 'x'))
  })

  it('without permission it warns and does not throw', async () => {
    gh.deny = true
    try {
      const logger = memoryLogger()
      expect(await upsertPrComment(opts(9, 'x', logger))).toBeNull()
      expect(logger.lines).toEqual([
        expect.stringMatching(
          /^warning: pr-comment: could not comment on pull request #9 \(HTTP 403\): .*Resource not accessible by integration.* the token may lack `pull-requests: write`/
        )
      ])
    } finally {
      gh.deny = false
    }
  })

  it('without a token it warns and calls nothing', async () => {
    const logger = memoryLogger()
    const before = gh.calls.length
    expect(await upsertPrComment({ ...opts(9, 'x', logger), token: '' })).toBeNull()
    expect(logger.lines).toEqual(['warning: pr-comment: no github-token, so no comment on the pull request'])
    expect(gh.calls.length).toBe(before)
  })

  it('reads the pull request from the event payload', () => {
    const dir = tempDir('bulk-ops-event-')
    try {
      const pr = join(dir, 'pr.json')
      writeFileSync(pr, JSON.stringify({ action: 'synchronize', pull_request: { number: 42 } }))
      const push = join(dir, 'push.json')
      writeFileSync(push, JSON.stringify({ ref: 'refs/heads/main' }))
      expect(pullRequestOf({ GITHUB_EVENT_PATH: pr })).toBe(42)
      expect(pullRequestOf({ GITHUB_EVENT_PATH: push })).toBeNull()
      expect(pullRequestOf({ GITHUB_EVENT_PATH: join(dir, 'missing.json') })).toBeNull()
      expect(pullRequestOf({})).toBeNull()
    } finally {
      removeDir(dir)
    }
  })
})

describe('pr-comment: true in the action', () => {
  let svc: ActionsService
  let gh: FakeGitHub
  let root: string

  beforeAll(async () => {
    svc = await startActionsService()
    gh = await new FakeGitHub(svc.url).start()
    root = tempDir('bulk-ops-e2e-pr-')
  })
  afterAll(async () => {
    await gh?.stop()
    await svc?.stop()
    if (root) removeDir(root)
  })

  it('on a pull request: the first attempt creates the comment, the re-run updates it', async () => {
    const event = join(root, 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { number: 5 } }))
    const run = new ActionRun(svc, root, makeSampleOrigin(join(root, 'origin')), 9100, {
      plan: '.github/bulk/plan.yml',
      store: 'cache',
      'pr-comment': 'true'
    })
    const env = { GITHUB_API_URL: gh.url, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }
    const a1 = await run.attempt(1, { env: { ...env, FAIL_ONCE: '1' } })
    expect(a1.main.code).toBe(1)
    expect(a1.main.stdout).toMatch(/pr-comment: commented the summary on pull request #5/)
    const [c1] = gh.comments.get(5)!
    expect(c1.body.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^<!-- bulk-ops-summary plan=[0-9a-f]{16} -->$/),
      '### ❌ bulk-ops: finished with 1 failed'
    ])
    expect(c1.body).toBe(`${c1.body.split('\n')[0]}\n${a1.outputs.summary}`)

    const a2 = await run.attempt(2, { env })
    expect(a2.main.code, a2.main.stdout.replace(/^::debug::.*\n/gm, '')).toBe(0)
    expect(a2.main.stdout).toMatch(/pr-comment: updated the summary comment on pull request #5/)
    expect(gh.comments.get(5)!.map(c => c.id)).toEqual([c1.id])
    const body = gh.comments.get(5)![0].body
    expect(body).toContain('### ✅ bulk-ops: complete')
    expect(body).toMatch(/Attempt \*\*2\*\* · resumed from \*\*#\d+\*\*, checkpoint <code>bulk-ops-/)
    expect(gh.calls.filter(c => c.startsWith('POST'))).toHaveLength(1)
    expect(gh.calls.filter(c => c.startsWith('PATCH'))).toHaveLength(1)
  })

  it('without a pull request it warns, and the step result is unchanged', async () => {
    const run = new ActionRun(svc, root, makeSampleOrigin(join(root, 'origin-push')), 9200, {
      plan: '.github/bulk/plan.yml',
      store: 'none',
      'pr-comment': 'true'
    })
    const a1 = await run.attempt(1, { env: { GITHUB_API_URL: gh.url, GITHUB_EVENT_NAME: 'push' } })
    expect(a1.main.code).toBe(0)
    expect(a1.main.stdout).toMatch(
      /::warning::pr-comment: this run is not for a pull request \(event: push\), so there is nothing to comment on/
    )
  })

  it('with a read-only token it warns, and the step result is unchanged', async () => {
    const event = join(root, 'event-fork.json')
    writeFileSync(event, JSON.stringify({ pull_request: { number: 6 } }))
    const run = new ActionRun(svc, root, makeSampleOrigin(join(root, 'origin-fork')), 9300, {
      plan: '.github/bulk/plan.yml',
      store: 'none',
      'pr-comment': 'true'
    })
    gh.deny = true
    try {
      const a1 = await run.attempt(1, {
        env: { GITHUB_API_URL: gh.url, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }
      })
      expect(a1.main.code).toBe(0)
      expect(a1.main.stdout).toMatch(
        /::warning::pr-comment: could not comment on pull request #6 \(HTTP 403\)/
      )
    } finally {
      gh.deny = false
    }
  })
})
