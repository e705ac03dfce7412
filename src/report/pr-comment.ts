import { readFileSync } from 'node:fs'
import { errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'

/** The pull request a run belongs to, from the event payload; null for other events. */
export function pullRequestOf(env: NodeJS.ProcessEnv = process.env): number | null {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return null
  try {
    const payload = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { number?: unknown } }
    const n = payload.pull_request?.number
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
  } catch {
    return null
  }
}

/** The hidden line that marks the comment of one plan (and `key`), so it is found and updated. */
export function commentMarker(planId: string, key: string): string {
  const k = key.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 64)
  return `<!-- bulk-ops-summary plan=${planId}${k ? ` key=${k}` : ''} -->`
}

export interface PrCommentOptions {
  token: string
  /** REST root (GITHUB_API_URL). */
  apiUrl: string
  owner: string
  repo: string
  pull: number
  marker: string
  body: string
  logger: Logger
}

/** GitHub refuses issue comments longer than this. */
const MAX_BODY = 65_536

/**
 * Creates the plan's comment on the pull request, or updates it when one carrying `marker`
 * exists (the one of the previous attempt). Never throws: a missing permission, a fork's
 * read-only token or an outage is a warning, and the step goes on.
 */
export async function upsertPrComment(
  o: PrCommentOptions
): Promise<{ action: 'created' | 'updated'; id: number; url: string } | null> {
  if (!o.token) {
    o.logger.warning('pr-comment: no github-token, so no comment on the pull request')
    return null
  }
  const { getOctokit } = await import('@actions/github')
  const gh = getOctokit(o.token, { baseUrl: o.apiUrl, request: { retries: 0 } })
  let body = `${o.marker}\n${o.body}`
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 40)}\n\n… (cut to GitHub's limit)\n`
  const where = { owner: o.owner, repo: o.repo }
  try {
    let found: { id: number } | undefined
    for await (const page of gh.paginate.iterator(gh.rest.issues.listComments, {
      ...where,
      issue_number: o.pull,
      per_page: 100
    })) {
      found = page.data.find(c => typeof c.body === 'string' && c.body.includes(o.marker))
      if (found) break
    }
    if (found) {
      const res = await gh.rest.issues.updateComment({ ...where, comment_id: found.id, body })
      o.logger.info(
        `pr-comment: updated the summary comment on pull request #${o.pull} (${res.data.html_url})`
      )
      return { action: 'updated', id: res.data.id, url: res.data.html_url }
    }
    const res = await gh.rest.issues.createComment({ ...where, issue_number: o.pull, body })
    o.logger.info(`pr-comment: commented the summary on pull request #${o.pull} (${res.data.html_url})`)
    return { action: 'created', id: res.data.id, url: res.data.html_url }
  } catch (err) {
    const status = (err as { status?: number }).status
    const hint =
      status === 403 || status === 404
        ? ' — the token may lack `pull-requests: write` (a pull request from a fork gets a read-only token)'
        : ''
    o.logger.warning(
      `pr-comment: could not comment on pull request #${o.pull}${status ? ` (HTTP ${status})` : ''}: ${errorMessage(err)}${hint}`
    )
    return null
  }
}
