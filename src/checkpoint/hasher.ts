import { closeSync, openSync, readSync, type Stats } from 'node:fs'
import { join, posix } from 'node:path'
import { Worker } from 'node:worker_threads'
import { normalizeRel, pathProblem } from '../plan/paths.js'
import type { DeltaContext } from './delta.js'
import { lstatIfAny } from './rollback.js'

// Files hashed as git's blobs in a worker thread (OpenSSL's SHA-1, several times as fast as the
// collision-detecting SHA-1 that git ships), while the caller goes on.

/** What a regular file's stat data said when it was hashed: the same again means the same file, unchanged. */
export interface FileStamp {
  dev: number
  ino: number
  size: number
  mode: number
  mtimeMs: number
  ctimeMs: number
}

export const sameFile = (a: Stats, b: FileStamp): boolean =>
  a.isFile() &&
  a.dev === b.dev &&
  a.ino === b.ino &&
  a.size === b.size &&
  a.mode === b.mode &&
  a.mtimeMs === b.mtimeMs &&
  a.ctimeMs === b.ctimeMs

/** Blob ids of regular files, hashed while the caller goes on, with what each file's stat data said then. */
export interface EarlyHashes {
  ids: Promise<Map<string, { id: string; st: FileStamp }>>
}

/**
 * Hashes files as git's blobs, in a worker thread: workerData is { root, paths }; it posts, per
 * path, '' for one it could not read whole as a regular file (nothing but a regular file is
 * opened, a symlink not followed), else [id, dev, ino, size, mode, mtimeMs, ctimeMs] of the file
 * it read.
 */
const HASHER = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { closeSync, constants, fstatSync, lstatSync, openSync, readSync } = require('node:fs')
const chunk = Buffer.allocUnsafe(1 << 20)
const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK
parentPort.postMessage(workerData.paths.map(p => {
  let fd
  try {
    const abs = workerData.root + '/' + p
    const was = lstatSync(abs, { throwIfNoEntry: false })
    if (!was || !was.isFile()) return ''
    fd = openSync(abs, flags)
    const st = fstatSync(fd)
    if (!st.isFile() || st.ino !== was.ino || st.dev !== was.dev) return ''
    const h = createHash('sha1').update('blob ' + st.size + '\\0')
    let total = 0
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      h.update(chunk.subarray(0, n))
      total += n
    }
    if (total !== st.size) return ''
    return [h.digest('hex'), st.dev, st.ino, st.size, st.mode, st.mtimeMs, st.ctimeMs]
  } catch {
    return ''
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}))
`

/** The one buffer files are read through on this thread. */
const chunk = Buffer.allocUnsafe(1 << 20)

/** A file's chunks, read through one reused buffer (each chunk is valid until the next is read). */
export function* fileChunks(abs: string): Generator<Buffer> {
  const fd = openSync(abs, 'r')
  try {
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) yield chunk.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

/**
 * The workspace-relative `paths` that the hasher may read: safe ones, reached through directories
 * only (nothing outside the workspace is read).
 */
export function readable(ctx: DeltaContext, paths: Iterable<string>): string[] {
  const dirOk = new Map<string, boolean>()
  const reachable = (p: string): boolean => {
    const d = posix.dirname(p)
    if (d === '.') return true
    let ok = dirOk.get(d)
    if (ok === undefined) {
      ok = reachable(d) && lstatIfAny(join(ctx.workspace, d))?.isDirectory() === true
      dirOk.set(d, ok)
    }
    return ok
  }
  const files: string[] = []
  for (const p of new Set(paths))
    if (pathProblem(p) === null && normalizeRel(p) === p && reachable(p)) files.push(p)
  return files
}

/** Runs the hasher over `files`; its answers by index (none, when it fails or ends without one). */
function runHasher(root: string, files: string[]): Promise<unknown[]> {
  if (!files.length) return Promise.resolve([])
  return new Promise(resolve => {
    const w = new Worker(HASHER, { eval: true, workerData: { root, paths: files } })
    w.once('message', (list: unknown[]) => resolve(list))
    w.once('error', () => resolve([]))
    w.once('exit', () => resolve([]))
  })
}

const isId = (x: unknown): x is string => typeof x === 'string' && /^[0-9a-f]{40}$/.test(x)

/**
 * Starts hashing the regular files at `paths` (workspace-relative) in a worker thread, for
 * verifyDelta (see its `started`): a merge does other work meanwhile, and the files are looked at
 * there too. Only paths that verifyDelta would look at are hashed (see `readable`). A file the
 * worker cannot hash is left to verifyDelta.
 */
export function hashEarly(ctx: DeltaContext, paths: Iterable<string>): EarlyHashes {
  const files = readable(ctx, paths)
  const ids = runHasher(ctx.workspace, files).then(list => {
    const out = new Map<string, { id: string; st: FileStamp }>()
    files.forEach((p, k) => {
      const r = list[k]
      if (!Array.isArray(r) || !isId(r[0])) return
      const [id, dev, ino, size, mode, mtimeMs, ctimeMs] = r as [string, ...number[]]
      out.set(p, { id, st: { dev, ino, size, mode, mtimeMs, ctimeMs } })
    })
    return out
  })
  return { ids }
}
