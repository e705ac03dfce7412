/**
 * Local emulation of the GitHub Actions results service (the Twirp JSON API behind
 * ACTIONS_RESULTS_URL that @actions/cache v2 and @actions/artifact v2+ speak) plus the few
 * GitHub REST routes those clients and our action use, with bytes kept in Azurite.
 * Everything listens on 127.0.0.1; the real, unmodified clients run against it.
 *
 * Fault injection and client retries — how to keep a test fast:
 * - Twirp 500/502/503/504: both clients retry 5 attempts with backoff 3 s, then x1.5 (jittered):
 *   a permanent 5xx costs ~24-35 s before saveCache returns -1 / an artifact call throws. Inject
 *   `times: 1` or `2` to exercise retry-then-success (~3 s / ~8 s), or accept the full duration
 *   once and run such tests concurrently. No env var shortens this; the clients never pass retry
 *   options to their Twirp wrappers.
 * - 429: @actions/cache treats it as final (RateLimitError, save returns -1 at once);
 *   @actions/artifact retries it like a 5xx.
 * - 'reset' destroys the socket: both Twirp wrappers turn ECONNRESET into a NetworkError without
 *   retrying, which is the fastest way to make a call fail.
 * - 'hang' never answers until faults.reset() or stop() (which destroy the socket). The Twirp
 *   clients have no request timeout, so a hung call blocks the client forever: bound the child
 *   process yourself (kill it) rather than waiting. SEGMENT_DOWNLOAD_TIMEOUT_MINS does NOT help:
 *   it only applies to Azure-SDK downloads from *.blob.core.windows.net, and downloads from
 *   127.0.0.1 are plain GETs.
 * - Blob traffic goes straight to Azurite and is not subject to these faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAzurite, type Azurite, type AzuriteOptions } from './azurite.js'

const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService'
const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
const API_PREFIX = '/api'
const CONTROL_PREFIX = '/_control'
/** Cache scope permission bits as carried in the runtime token's `ac` claim. */
const READ = 1
const WRITE = 2

export type FaultKind = number | 'hang' | 'reset' | 'delay'

export interface FaultSpec {
  /**
   * Twirp method name (`CreateCacheEntry`, `ListArtifacts`, ...), REST route template exactly as
   * logged by calls() (e.g. `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`), or `*`.
   */
  method: string
  /** An HTTP status to answer with (500, 503, 429, ...), or 'hang' | 'reset' | 'delay'. */
  kind: FaultKind
  /** How many matching calls to affect; default: every matching call until reset. */
  times?: number
  /** Only calls made for this run (runtime-token run id, or `run_id` in a REST path). */
  runId?: string
  /** For kind 'delay': how long to hold the call before handling it normally. */
  delayMs?: number
}

export interface FaultControl {
  add(spec: FaultSpec | FaultSpec[]): void
  /**
   * Drops faults and destroys the sockets of calls held by 'hang' (the client sees ECONNRESET).
   * With `runId`, only that run's faults and held calls, so concurrent tests do not disturb each other.
   */
  reset(filter?: { runId?: string }): void
  /** Faults still armed, with remaining counts. */
  list(): FaultSpec[]
}

export interface CallRecord {
  /** Twirp method name or REST route template. */
  method: string
  service: 'cache' | 'artifact' | 'rest'
  runId?: string
  jobId?: string
  /** Set when an injected fault answered (or swallowed) this call. */
  fault?: FaultKind
  at: number
}

export interface CallFilter {
  runId?: string
  service?: CallRecord['service']
}

export interface CacheEntryInfo {
  id: number
  repo: string
  /** The git ref the entry belongs to (what the REST API calls `ref`). */
  scope: string
  key: string
  version: string
  sizeBytes: number
  finalized: boolean
  createdAt: Date
  lastAccessedAt: Date
}

export interface ArtifactInfo {
  id: number
  repo: string
  /** The workflow run's backend id, from the uploading job's token. */
  runId: string
  /** The workflow run (GITHUB_RUN_ID) it belongs to, whatever the attempt. */
  run: string
  jobId: string
  name: string
  sizeBytes: number
  digest?: string
  finalized: boolean
  createdAt: Date
}

export interface ClientEnvOptions {
  runId: string | number
  runAttempt: string | number
  /** Becomes the workflow-job-run backend id in the token's `Actions.Results:<run>:<job>` scope. */
  jobId: string
  /** GITHUB_REF, and the cache scope this job writes to (and reads first). */
  ref: string
  /** `owner/name`; default the service's `repository` option. */
  repo?: string
  /**
   * Further refs the job may restore caches from, after its own ref. The real service grants the
   * default branch (and a PR's base branch). Default `['refs/heads/main']`; pass [] for none.
   */
  readRefs?: string[]
  /** Sets GITHUB_WORKSPACE (tar runs there; artifact downloads default there). */
  workspace?: string
  /**
   * Give each attempt of the run its own backend id (`<run>.<attempt>`): the runtime listing then
   * shows this attempt's artifacts only, and earlier attempts' are found by the REST listing of
   * the run, which holds every attempt's. Names stay unique across the run's attempts.
   */
  attemptBackendIds?: boolean
}

export interface ActionsServiceOptions {
  /** Repository used when a token carries none; default `octo-org/bulk-ops`. */
  repository?: string
  /** If set, REST routes accept only this token; otherwise any non-empty token. */
  apiToken?: string
  /** Lifetime of signed blob URLs handed out; default one hour. */
  signedUrlTtlMs?: number
  azurite?: AzuriteOptions
}

export interface ActionsService {
  port: number
  /** `http://127.0.0.1:<port>` */
  url: string
  /** What ACTIONS_RESULTS_URL is set to: `url` with a trailing slash, as the runner gives it. */
  resultsUrl: string
  /** GitHub REST root served by this emulator (GITHUB_API_URL): `url` + `/api`. */
  apiUrl: string
  /** Base of the HTTP control routes (`/_control/faults`, `/_control/calls`). */
  controlUrl: string
  azurite: Azurite
  faults: FaultControl
  /**
   * Environment the runner gives a job step, pointing every client at this emulator, with a fresh
   * RUNNER_TEMP per call. Start clients with this env plus PATH/HOME only: never merge it over
   * process.env, which under GitHub Actions holds the real ACTIONS_* / GITHUB_* values. The cache
   * version hashes the path strings, so save and restore must pass identical (absolute) paths.
   */
  clientEnv(opts: ClientEnvOptions): Record<string, string>
  /** Method names of calls received, in arrival order. */
  calls(filter?: CallFilter): string[]
  callLog(filter?: CallFilter): CallRecord[]
  clearCalls(): void
  listCacheEntries(): CacheEntryInfo[]
  /** Deletes entries with exactly this key (optionally only in one scope); returns how many. */
  deleteCacheEntry(key: string, scope?: string): Promise<number>
  listArtifacts(): ArtifactInfo[]
  /** Closes the server (destroying open and hanging sockets), stops Azurite, removes temp dirs. */
  stop(): Promise<void>
}

interface CacheEntry extends CacheEntryInfo {
  blobName: string
  seq: number
}

interface ArtifactRecord extends ArtifactInfo {
  blobName: string
  mimeType: string
  expiresAt?: Date
}

interface TokenInfo {
  runId: string
  /** The workflow run (emulator-only claim); the backend id when absent. */
  run: string
  jobId: string
  repo: string
  scopes: { scope: string; permission: number }[]
}

interface ArmedFault extends FaultSpec {
  remaining: number
}

type Json = Record<string, unknown>

class TwirpError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503
}

function twirpCodeFor(status: number): string {
  return Object.entries(TWIRP_STATUS).find(([, s]) => s === status)?.[0] ?? 'unknown'
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/**
 * Mints an unsigned (`alg: none`) but well-formed runtime token. `scp` carries
 * `Actions.Results:<runId>:<jobId>` (what @actions/artifact decodes for its backend ids) and `ac`
 * the cache scopes in the shape the real token uses; `repository` is an emulator-only claim.
 */
export function makeRuntimeToken(claims: {
  runId: string
  /** GITHUB_RUN_ID, when the backend id is not it. */
  run?: string
  jobId: string
  repo: string
  scopes: { scope: string; permission: number }[]
}): string {
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    iss: 'actions-service-emulator',
    aud: 'actions-service-emulator',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 6 * 3600,
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${claims.runId}:${claims.jobId}`,
    ac: JSON.stringify(claims.scopes.map(s => ({ Scope: s.scope, Permission: s.permission }))),
    repository: claims.repo,
    ...(claims.run ? { run: claims.run } : {})
  }
  return `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url(payload)}.`
}

function decodeToken(header: string | undefined, defaultRepo: string): TokenInfo | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  if (!m) return undefined
  try {
    const payload = JSON.parse(Buffer.from(m[1].split('.')[1] ?? '', 'base64url').toString('utf8')) as Json
    const results = String(payload.scp ?? '')
      .split(' ')
      .map(s => s.split(':'))
      .find(p => p[0] === 'Actions.Results' && p.length === 3)
    if (!results) return undefined
    const ac =
      typeof payload.ac === 'string'
        ? (JSON.parse(payload.ac) as { Scope: string; Permission: number }[])
        : []
    return {
      runId: results[1],
      run: typeof payload.run === 'string' ? payload.run : results[1],
      jobId: results[2],
      repo: typeof payload.repository === 'string' ? payload.repository : defaultRepo,
      scopes: ac.map(s => ({ scope: s.Scope, permission: s.Permission }))
    }
  } catch {
    return undefined
  }
}

function str(body: Json, field: string): string {
  const v = body[field]
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}

/** Starts Azurite and the emulator on 127.0.0.1 (random ports). */
export async function startActionsService(opts: ActionsServiceOptions = {}): Promise<ActionsService> {
  const defaultRepo = opts.repository ?? 'octo-org/bulk-ops'
  const ttlMs = opts.signedUrlTtlMs ?? 3_600_000
  const azurite = await startAzurite(opts.azurite)
  const tempRoot = mkdtempSync(join(tmpdir(), 'actions-service-'))

  const caches: CacheEntry[] = []
  const artifacts: ArtifactRecord[] = []
  let nextCacheId = 1
  let nextArtifactId = 1
  let seq = 0
  let faults: ArmedFault[] = []
  const log: CallRecord[] = []
  const hung = new Map<ServerResponse, string | undefined>()
  const delays = new Set<() => void>()
  const sockets = new Set<Socket>()

  const faultControl: FaultControl = {
    add(spec) {
      for (const s of Array.isArray(spec) ? spec : [spec]) {
        faults.push({ ...s, remaining: s.times ?? Infinity })
      }
    },
    reset(filter = {}) {
      const hit = (runId: string | undefined): boolean => !filter.runId || runId === filter.runId
      faults = faults.filter(f => !hit(f.runId))
      for (const [res, runId] of hung) {
        if (hit(runId)) {
          hung.delete(res)
          res.socket?.destroy()
        }
      }
    },
    list: () => faults.map(({ remaining, ...s }) => ({ ...s, times: remaining }))
  }

  const takeFault = (method: string, runId: string | undefined): FaultSpec | undefined => {
    const f = faults.find(
      x => x.remaining > 0 && (x.method === '*' || x.method === method) && (!x.runId || x.runId === runId)
    )
    if (f) f.remaining--
    return f
  }

  const record = (rec: Omit<CallRecord, 'at'>): CallRecord => {
    const full = { ...rec, at: Date.now() }
    log.push(full)
    return full
  }

  const matches = (c: CallRecord, f: CallFilter = {}): boolean =>
    (!f.runId || c.runId === f.runId) && (!f.service || c.service === f.service)

  /** Answers per the fault; returns true when the call must not be handled normally. */
  const applyFault = async (
    fault: FaultSpec,
    rec: CallRecord,
    res: ServerResponse,
    twirp: boolean
  ): Promise<boolean> => {
    rec.fault = fault.kind
    if (fault.kind === 'hang') {
      hung.set(res, rec.runId)
      res.on('close', () => hung.delete(res))
      return true
    }
    if (fault.kind === 'reset') {
      res.socket?.destroy()
      return true
    }
    if (fault.kind === 'delay') {
      await new Promise<void>(resolve => {
        const done = (): void => {
          clearTimeout(timer)
          delays.delete(done)
          resolve()
        }
        const timer = setTimeout(done, fault.delayMs ?? 1000)
        delays.add(done)
      })
      return res.destroyed
    }
    const status = fault.kind
    const headers: Record<string, string> = status === 429 ? { 'retry-after': '1' } : {}
    if (twirp)
      sendJson(res, status, { code: twirpCodeFor(status), msg: `injected fault (${status})` }, headers)
    else sendJson(res, status, { message: `injected fault (${status})` }, headers)
    return true
  }

  // ---------------------------------------------------------------- cache
  const visible = (e: CacheEntry, repo: string, scope: string, version: string): boolean =>
    e.finalized && e.repo === repo && e.scope === scope && e.version === version

  const newest = (list: CacheEntry[]): CacheEntry | undefined =>
    list.reduce<CacheEntry | undefined>((best, e) => (!best || e.seq > best.seq ? e : best), undefined)

  // Same order as the real service: within each readable scope (own ref first), exact key, then
  // prefix of key, then each restore key as a prefix; the newest entry wins a prefix match.
  const lookup = (
    tok: TokenInfo,
    key: string,
    restoreKeys: string[],
    version: string
  ): CacheEntry | undefined => {
    for (const { scope, permission } of tok.scopes) {
      if (!(permission & READ)) continue
      const candidates = caches.filter(e => visible(e, tok.repo, scope, version))
      const exact = newest(candidates.filter(e => e.key === key))
      if (exact) return exact
      for (const prefix of [key, ...restoreKeys]) {
        const hit = newest(candidates.filter(e => e.key.startsWith(prefix)))
        if (hit) return hit
      }
    }
    return undefined
  }

  const writeScope = (tok: TokenInfo): string | undefined => tok.scopes.find(s => s.permission & WRITE)?.scope

  const cacheMethods: Record<string, (body: Json, tok: TokenInfo) => Promise<Json>> = {
    async CreateCacheEntry(body, tok) {
      const key = str(body, 'key')
      const version = str(body, 'version')
      if (!key || !version) throw new TwirpError('invalid_argument', 'key and version are required')
      const scope = writeScope(tok)
      // The client recognises this prefix and reports a policy denial instead of a conflict.
      if (!scope) return { ok: false, message: 'cache write denied: token has no writable cache scope' }
      // Pending reservations count too: a second writer is refused while the first uploads.
      if (
        caches.some(e => e.repo === tok.repo && e.scope === scope && e.key === key && e.version === version)
      ) {
        throw new TwirpError(
          'already_exists',
          'cache entry with the same key, version, and scope already exists'
        )
      }
      const id = nextCacheId++
      const now = new Date()
      const entry: CacheEntry = {
        id,
        repo: tok.repo,
        scope,
        key,
        version,
        sizeBytes: 0,
        finalized: false,
        createdAt: now,
        lastAccessedAt: now,
        blobName: `caches/${id}`,
        seq: ++seq
      }
      caches.push(entry)
      return { ok: true, signed_upload_url: azurite.uploadUrl(entry.blobName, { ttlMs }) }
    },

    async FinalizeCacheEntryUpload(body, tok) {
      const key = str(body, 'key')
      const version = str(body, 'version')
      const scope = writeScope(tok)
      const entry = caches.find(
        e =>
          !e.finalized && e.repo === tok.repo && e.scope === scope && e.key === key && e.version === version
      )
      if (!entry) throw new TwirpError('not_found', 'cache entry not found')
      const size = await azurite.blobSize(entry.blobName)
      if (size === undefined) return { ok: false, message: 'cache entry has not been uploaded' }
      entry.sizeBytes = size
      entry.finalized = true
      return { ok: true, entry_id: String(entry.id) }
    },

    async GetCacheEntryDownloadURL(body, tok) {
      const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : []
      const hit = lookup(tok, str(body, 'key'), restoreKeys, str(body, 'version'))
      if (!hit) return { ok: false, signed_download_url: '', matched_key: '' }
      hit.lastAccessedAt = new Date()
      return {
        ok: true,
        signed_download_url: azurite.downloadUrl(hit.blobName, { ttlMs }),
        matched_key: hit.key
      }
    }
  }

  const removeCache = async (entry: CacheEntry): Promise<void> => {
    caches.splice(caches.indexOf(entry), 1)
    await azurite.deleteBlob(entry.blobName)
  }

  // ---------------------------------------------------------------- artifacts
  const artifactIds = (body: Json): { runId: string; jobId: string; name: string } => {
    const ids = {
      runId: str(body, 'workflow_run_backend_id'),
      jobId: str(body, 'workflow_job_run_backend_id'),
      name: str(body, 'name')
    }
    if (!ids.runId || !ids.jobId) throw new TwirpError('invalid_argument', 'backend ids are required')
    return ids
  }

  const isZip = (mime: string): boolean => mime === 'application/zip'

  const artifactDownloadUrl = (a: ArtifactRecord): string =>
    azurite.downloadUrl(a.blobName, {
      ttlMs,
      // Non-zip uploads (skipArchive) are saved under this file name by the download client.
      contentDisposition: isZip(a.mimeType)
        ? undefined
        : `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`
    })

  const artifactMethods: Record<string, (body: Json, tok: TokenInfo) => Promise<Json>> = {
    async CreateArtifact(body, tok) {
      const { runId, jobId, name } = artifactIds(body)
      if (!name) throw new TwirpError('invalid_argument', 'name is required')
      if (artifacts.some(a => a.run === tok.run && a.name === name)) {
        throw new TwirpError(
          'already_exists',
          'an artifact with this name already exists on the workflow run'
        )
      }
      const mimeType = str(body, 'mime_type') || 'application/zip'
      const id = nextArtifactId++
      const expires = str(body, 'expires_at')
      const record: ArtifactRecord = {
        id,
        repo: tok.repo,
        runId,
        run: tok.run,
        jobId,
        name,
        sizeBytes: 0,
        finalized: false,
        createdAt: new Date(),
        expiresAt: expires ? new Date(expires) : undefined,
        mimeType,
        blobName: `artifacts/${id}/${name}${isZip(mimeType) && !name.endsWith('.zip') ? '.zip' : ''}`
      }
      artifacts.push(record)
      return { ok: true, signed_upload_url: azurite.uploadUrl(record.blobName, { ttlMs }) }
    },

    async FinalizeArtifact(body) {
      const { runId, jobId, name } = artifactIds(body)
      const a = artifacts.find(x => !x.finalized && x.runId === runId && x.jobId === jobId && x.name === name)
      if (!a) throw new TwirpError('not_found', 'artifact not found')
      const size = await azurite.blobSize(a.blobName)
      if (size === undefined) throw new TwirpError('failed_precondition', 'artifact has not been uploaded')
      a.sizeBytes = size
      const hash = str(body, 'hash')
      a.digest = hash || undefined
      a.finalized = true
      return { ok: true, artifact_id: String(a.id) }
    },

    async ListArtifacts(body) {
      const { runId } = artifactIds(body)
      const nameFilter = str(body, 'name_filter')
      const idFilter = str(body, 'id_filter')
      const list = artifacts
        .filter(a => a.finalized && a.runId === runId)
        .filter(a => (!nameFilter || a.name === nameFilter) && (!idFilter || String(a.id) === idFilter))
        .sort((x, y) => x.id - y.id)
      return {
        artifacts: list.map(a => ({
          workflow_run_backend_id: a.runId,
          workflow_job_run_backend_id: a.jobId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.sizeBytes),
          created_at: a.createdAt.toISOString(),
          ...(a.digest ? { digest: a.digest } : {})
        }))
      }
    },

    async GetSignedArtifactURL(body) {
      const { runId, name } = artifactIds(body)
      const a = artifacts.find(x => x.finalized && x.runId === runId && x.name === name)
      if (!a) throw new TwirpError('not_found', 'artifact not found')
      return { signed_url: artifactDownloadUrl(a) }
    },

    async DeleteArtifact(body) {
      const { runId, name } = artifactIds(body)
      const a = artifacts.find(x => x.finalized && x.runId === runId && x.name === name)
      if (!a) throw new TwirpError('not_found', 'artifact not found')
      await removeArtifact(a)
      return { ok: true, artifact_id: String(a.id) }
    }
  }

  const removeArtifact = async (a: ArtifactRecord): Promise<void> => {
    artifacts.splice(artifacts.indexOf(a), 1)
    await azurite.deleteBlob(a.blobName)
  }

  // ---------------------------------------------------------------- HTTP plumbing
  const handleTwirp = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const [, , service, method] = path.split('/')
    const tok = decodeToken(req.headers.authorization, defaultRepo)
    const table =
      service === CACHE_SERVICE ? cacheMethods : service === ARTIFACT_SERVICE ? artifactMethods : undefined
    const rec = record({
      method: method ?? '',
      service: service === CACHE_SERVICE ? 'cache' : 'artifact',
      runId: tok?.run,
      jobId: tok?.jobId
    })
    const fault = takeFault(rec.method, rec.runId)
    if (fault && (await applyFault(fault, rec, res, true))) return
    const handler = table && method ? table[method] : undefined
    if (req.method !== 'POST' || !handler) {
      throw new TwirpError('bad_route', `no handler for ${req.method} ${path}`)
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      throw new TwirpError('bad_route', 'only application/json is supported')
    }
    if (!tok) throw new TwirpError('unauthenticated', 'missing or invalid runtime token')
    let body: Json
    try {
      body = JSON.parse((await readBody(req)) || '{}') as Json
    } catch {
      throw new TwirpError('malformed', 'request body is not JSON')
    }
    sendJson(res, 200, await handler(body, tok))
  }

  const handleRest = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const route = matchRestRoute(req.method ?? 'GET', url.pathname.slice(API_PREFIX.length))
    const rec = record({ method: route?.template ?? `${req.method} ${url.pathname}`, service: 'rest' })
    if (route?.params.run_id) rec.runId = route.params.run_id
    const fault = takeFault(rec.method, rec.runId)
    if (fault && (await applyFault(fault, rec, res, false))) return
    if (!route) return sendJson(res, 404, { message: 'Not Found' })
    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!auth) return sendJson(res, 401, { message: 'Requires authentication' })
    if (opts.apiToken !== undefined && auth[1] !== opts.apiToken) {
      return sendJson(res, 401, { message: 'Bad credentials' })
    }
    const p = route.params
    const repo = `${p.owner}/${p.repo}`.toLowerCase()
    const inRepo = (r: string): boolean => r.toLowerCase() === repo
    const q = url.searchParams
    const page = <T>(list: T[]): T[] => {
      const perPage = Math.min(Math.max(Number(q.get('per_page') ?? 30) || 30, 1), 100)
      const n = Math.max(Number(q.get('page') ?? 1) || 1, 1)
      return list.slice((n - 1) * perPage, n * perPage)
    }
    const cacheJson = (e: CacheEntry): Json => ({
      id: e.id,
      ref: e.scope,
      key: e.key,
      version: e.version,
      last_accessed_at: e.lastAccessedAt.toISOString(),
      created_at: e.createdAt.toISOString(),
      size_in_bytes: e.sizeBytes
    })
    const apiBase = `http://127.0.0.1:${port}${API_PREFIX}`
    const artifactJson = (a: ArtifactRecord): Json => ({
      id: a.id,
      node_id: Buffer.from(`Artifact${a.id}`).toString('base64'),
      name: a.name,
      size_in_bytes: a.sizeBytes,
      url: `${apiBase}/repos/${a.repo}/actions/artifacts/${a.id}`,
      archive_download_url: `${apiBase}/repos/${a.repo}/actions/artifacts/${a.id}/zip`,
      expired: false,
      digest: a.digest ?? null,
      created_at: a.createdAt.toISOString(),
      updated_at: a.createdAt.toISOString(),
      expires_at: a.expiresAt?.toISOString() ?? null,
      workflow_run: { id: Number(a.run) || a.run }
    })
    const findArtifact = (): ArtifactRecord | undefined =>
      artifacts.find(a => a.finalized && String(a.id) === p.artifact_id && inRepo(a.repo))

    switch (route.template) {
      case 'GET /repos/{owner}/{repo}/actions/caches': {
        const key = q.get('key')
        const ref = q.get('ref')
        const sortBy = q.get('sort') ?? 'last_accessed_at'
        const dir = q.get('direction') === 'asc' ? 1 : -1
        const sortValue = (e: CacheEntry): number =>
          sortBy === 'size_in_bytes'
            ? e.sizeBytes
            : sortBy === 'created_at'
              ? e.seq
              : e.lastAccessedAt.getTime()
        const list = caches
          .filter(
            e => e.finalized && inRepo(e.repo) && (!key || e.key.startsWith(key)) && (!ref || e.scope === ref)
          )
          .sort((x, y) => dir * (sortValue(x) - sortValue(y)) || dir * (x.seq - y.seq))
        return sendJson(res, 200, { total_count: list.length, actions_caches: page(list).map(cacheJson) })
      }
      case 'DELETE /repos/{owner}/{repo}/actions/caches': {
        const key = q.get('key')
        if (!key) return sendJson(res, 422, { message: 'key is required' })
        const ref = q.get('ref')
        const doomed = caches.filter(
          e => e.finalized && inRepo(e.repo) && e.key === key && (!ref || e.scope === ref)
        )
        if (doomed.length === 0) return sendJson(res, 404, { message: 'Not Found' })
        for (const e of doomed) await removeCache(e)
        return sendJson(res, 200, { total_count: doomed.length, actions_caches: doomed.map(cacheJson) })
      }
      case 'DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}': {
        const entry = caches.find(e => e.finalized && inRepo(e.repo) && String(e.id) === p.cache_id)
        if (!entry) return sendJson(res, 404, { message: 'Not Found' })
        await removeCache(entry)
        return sendEmpty(res, 204)
      }
      case 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': {
        const name = q.get('name')
        const list = artifacts
          .filter(a => a.finalized && inRepo(a.repo) && a.run === p.run_id && (!name || a.name === name))
          .sort((x, y) => x.id - y.id)
        return sendJson(res, 200, { total_count: list.length, artifacts: page(list).map(artifactJson) })
      }
      case 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}': {
        const a = findArtifact()
        return a ? sendJson(res, 200, artifactJson(a)) : sendJson(res, 404, { message: 'Not Found' })
      }
      case 'DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}': {
        const a = findArtifact()
        if (!a) return sendJson(res, 404, { message: 'Not Found' })
        await removeArtifact(a)
        return sendEmpty(res, 204)
      }
      case 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}': {
        const a = findArtifact()
        if (!a || p.archive_format !== 'zip') return sendJson(res, 404, { message: 'Not Found' })
        res.writeHead(302, { location: artifactDownloadUrl(a), 'content-length': '0' })
        return void res.end()
      }
    }
  }

  const handleControl = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const what = `${req.method} ${url.pathname.slice(CONTROL_PREFIX.length)}`
    if (what === 'POST /faults') {
      const specs = JSON.parse((await readBody(req)) || '[]') as FaultSpec | FaultSpec[]
      const list = Array.isArray(specs) ? specs : [specs]
      if (!list.every(isFaultSpec)) return sendJson(res, 400, { message: 'invalid fault spec' })
      faultControl.add(list)
      return sendEmpty(res, 204)
    }
    if (what === 'DELETE /faults') {
      faultControl.reset({ runId: url.searchParams.get('runId') ?? undefined })
      return sendEmpty(res, 204)
    }
    if (what === 'GET /faults') return sendJson(res, 200, { faults: faultControl.list() })
    if (what === 'GET /calls') {
      const filter = {
        runId: url.searchParams.get('runId') ?? undefined,
        service: (url.searchParams.get('service') ?? undefined) as CallFilter['service']
      }
      return sendJson(res, 200, { calls: log.filter(c => matches(c, filter)) })
    }
    if (what === 'DELETE /calls') {
      log.length = 0
      return sendEmpty(res, 204)
    }
    sendJson(res, 404, { message: 'Not Found' })
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const isTwirp = url.pathname.startsWith('/twirp/')
    const work = isTwirp
      ? handleTwirp(req, res, url.pathname)
      : url.pathname.startsWith(`${API_PREFIX}/`)
        ? handleRest(req, res, url)
        : url.pathname.startsWith(`${CONTROL_PREFIX}/`)
          ? handleControl(req, res, url)
          : Promise.resolve(sendJson(res, 404, { message: 'Not Found' }))
    work.catch((err: unknown) => {
      if (err instanceof TwirpError) {
        return sendJson(res, TWIRP_STATUS[err.code] ?? 500, { code: err.code, msg: err.message })
      }
      // An emulator bug answered as 5xx would look like a slow hang (clients retry), so shout.
      console.error('[actions-service] internal error', err)
      if (isTwirp) sendJson(res, 500, { code: 'internal', msg: String(err) })
      else sendJson(res, 500, { message: String(err) })
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
  } catch (err) {
    await azurite.stop()
    rmSync(tempRoot, { recursive: true, force: true })
    throw err
  }
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      faultControl.reset()
      for (const release of [...delays]) release()
      const closed = new Promise<void>(resolve => server.close(() => resolve()))
      for (const s of sockets) s.destroy()
      await closed
      await azurite.stop()
      rmSync(tempRoot, { recursive: true, force: true })
    })()
    return stopping
  }

  return {
    port,
    url,
    resultsUrl: `${url}/`,
    apiUrl: `${url}${API_PREFIX}`,
    controlUrl: `${url}${CONTROL_PREFIX}`,
    azurite,
    faults: faultControl,
    clientEnv(o) {
      const repo = o.repo ?? defaultRepo
      const readRefs = (o.readRefs ?? ['refs/heads/main']).filter(r => r !== o.ref)
      const scopes = [
        { scope: o.ref, permission: READ | WRITE },
        ...readRefs.map(scope => ({ scope, permission: READ }))
      ]
      const runnerTemp = mkdtempSync(join(tempRoot, 'runner-temp-'))
      const env: Record<string, string> = {
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        ACTIONS_RESULTS_URL: `${url}/`,
        ACTIONS_RUNTIME_TOKEN: makeRuntimeToken({
          runId: o.attemptBackendIds ? `${o.runId}.${o.runAttempt}` : String(o.runId),
          run: String(o.runId),
          jobId: o.jobId,
          repo,
          scopes
        }),
        ACTIONS_CACHE_SERVICE_V2: 'true',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: `${url}${API_PREFIX}`,
        GITHUB_GRAPHQL_URL: `${url}${API_PREFIX}/graphql`,
        GITHUB_REPOSITORY: repo,
        GITHUB_REPOSITORY_OWNER: repo.split('/')[0],
        GITHUB_RUN_ID: String(o.runId),
        GITHUB_RUN_ATTEMPT: String(o.runAttempt),
        GITHUB_REF: o.ref,
        RUNNER_TEMP: runnerTemp,
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: 'X64',
        // Belt and braces: nothing here may be routed through a proxy.
        NO_PROXY: '127.0.0.1,localhost',
        no_proxy: '127.0.0.1,localhost'
      }
      if (o.workspace) env.GITHUB_WORKSPACE = o.workspace
      return env
    },
    calls: filter => log.filter(c => matches(c, filter)).map(c => c.method),
    callLog: filter => log.filter(c => matches(c, filter)).map(c => ({ ...c })),
    clearCalls() {
      log.length = 0
    },
    listCacheEntries: () => caches.map(({ blobName: _b, seq: _s, ...info }) => ({ ...info })),
    async deleteCacheEntry(key, scope) {
      const doomed = caches.filter(e => e.key === key && (!scope || e.scope === scope))
      for (const e of doomed) await removeCache(e)
      return doomed.length
    },
    listArtifacts: () =>
      artifacts.map(({ blobName: _b, mimeType: _m, expiresAt: _e, ...info }) => ({ ...info })),
    stop
  }
}

const REST_ROUTES = [
  'GET /repos/{owner}/{repo}/actions/caches',
  'DELETE /repos/{owner}/{repo}/actions/caches',
  'DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}',
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
  'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
  'DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
  'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}'
]

function matchRestRoute(
  method: string,
  path: string
): { template: string; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean)
  for (const template of REST_ROUTES) {
    const [m, tpl] = template.split(' ')
    const tparts = tpl.split('/').filter(Boolean)
    if (m !== method || tparts.length !== parts.length) continue
    const params: Record<string, string> = {}
    const ok = tparts.every((t, i) => {
      if (t.startsWith('{')) {
        params[t.slice(1, -1)] = decodeURIComponent(parts[i])
        return true
      }
      return t === parts[i]
    })
    if (ok) return { template, params }
  }
  return undefined
}

function isFaultSpec(v: unknown): v is FaultSpec {
  if (typeof v !== 'object' || v === null) return false
  const f = v as Json
  return (
    typeof f.method === 'string' &&
    (typeof f.kind === 'number' || ['hang', 'reset', 'delay'].includes(String(f.kind))) &&
    (f.times === undefined || typeof f.times === 'number') &&
    (f.runId === undefined || typeof f.runId === 'string')
  )
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  if (res.headersSent || res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

function sendEmpty(res: ServerResponse, status: number): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status)
  res.end()
}
