import { createHash } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

const MAGIC = 'bulk-ops-snapshot 1'

/** A snapshot whose checksum or shape does not verify. */
export class SnapshotError extends Error {}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  }
}

/** Writes bytes to `path` atomically: temporary file, fsync, rename, fsync of the directory. */
export function writeAtomic(path: string, data: Buffer | string): void {
  writeAtomicPieces(path, [data])
}

/**
 * Writes `pieces` one after another to `path` atomically, never holding more than one of them.
 * Not `durable`: no fsync (a file only a diagnostic reads, which a lost machine may lose).
 */
export function writeAtomicPieces(
  path: string,
  pieces: Iterable<Buffer | string>,
  { durable = true }: { durable?: boolean } = {}
): void {
  const tmp = `${path}.tmp`
  const fd = openSync(tmp, 'w')
  try {
    for (const piece of pieces) {
      const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
      let off = 0
      while (off < buf.length) off += writeSync(fd, buf, off)
    }
    if (durable) fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  if (durable) fsyncDir(dirname(path))
}

/** Encodes a snapshot body with its SHA-256, so a torn or edited file is detected. */
export function encodeSnapshot(body: unknown): string {
  const json = JSON.stringify(body)
  const sum = createHash('sha256').update(json).digest('hex')
  return `${MAGIC} ${sum}\n${json}`
}

/** Decodes and verifies a snapshot; throws SnapshotError when it does not verify. */
export function decodeSnapshot(text: string): Record<string, unknown> {
  const nl = text.indexOf('\n')
  const head = nl >= 0 ? text.slice(0, nl) : text
  const m = /^bulk-ops-snapshot 1 ([0-9a-f]{64})$/.exec(head)
  if (!m) throw new SnapshotError('not a bulk-ops snapshot (bad header)')
  const json = text.slice(nl + 1)
  const sum = createHash('sha256').update(json).digest('hex')
  if (sum !== m[1]) throw new SnapshotError('checksum mismatch')
  const body = JSON.parse(json) as unknown
  if (!body || typeof body !== 'object') throw new SnapshotError('body is not an object')
  return body as Record<string, unknown>
}

/** Reads and verifies a snapshot file. */
export function readSnapshot(path: string): Record<string, unknown> {
  return decodeSnapshot(readFileSync(path, 'utf8'))
}

/** Writes a new snapshot, keeping the previous one as a fallback. */
export function writeSnapshot(path: string, prevPath: string, body: unknown): void {
  const text = encodeSnapshot(body)
  try {
    renameSync(path, prevPath)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  writeAtomic(path, text)
}
