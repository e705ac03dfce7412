import type { getOctokit } from '@actions/github'

/** The repository and REST endpoint of this run, from the runner's environment. */
export interface RepoRef {
  owner: string
  repo: string
  apiUrl: string
  ref: string
}

export function repoFromEnv(env: NodeJS.ProcessEnv = process.env): RepoRef | null {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) return null
  return { owner, repo, apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', ref: env.GITHUB_REF ?? '' }
}

/** A REST client for the run's repository, its modules loaded on first use; null without a token. */
export async function restClient(token: string, r: RepoRef): Promise<ReturnType<typeof getOctokit> | null> {
  if (!token) return null
  const { getOctokit } = await import('@actions/github')
  return getOctokit(token, { baseUrl: r.apiUrl, request: { retries: 0 } })
}

export interface CacheEntry {
  id: number
  key: string
  ref: string
  created_at: string
  size_in_bytes: number
}

/** Cache entries whose key starts with `prefix` on `ref`, newest first. */
export async function listCaches(token: string, r: RepoRef, prefix: string): Promise<CacheEntry[]> {
  const gh = await restClient(token, r)
  if (!gh) throw new Error('no github-token')
  const res = await gh.request('GET /repos/{owner}/{repo}/actions/caches', {
    owner: r.owner,
    repo: r.repo,
    key: prefix,
    ref: r.ref || undefined,
    sort: 'created_at',
    direction: 'desc',
    per_page: 100
  })
  const entries = (res.data as { actions_caches?: CacheEntry[] }).actions_caches ?? []
  return entries.filter(e => e.key.startsWith(prefix)).sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
}

/** Deletes the cache entry with `key` on `ref` (needs `actions: write`). */
export async function deleteCache(token: string, r: RepoRef, key: string): Promise<void> {
  const gh = await restClient(token, r)
  if (!gh) throw new Error('no github-token')
  // Query parameters must be in the route: for DELETE, Octokit sends the rest as a body.
  await gh.request('DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}', {
    owner: r.owner,
    repo: r.repo,
    key,
    ref: r.ref || undefined
  })
}
