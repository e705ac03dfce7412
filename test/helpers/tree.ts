import { createHash } from 'node:crypto'
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A new empty temporary directory; remove it with `rmSync(dir, { recursive: true, force: true })`. */
export function tempDir(prefix = 'bulk-ops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Writes files (`content` string or Buffer) under `root`, creating parents. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel)
    mkdirSync(dirname(p), { recursive: true })
    writeFileSync(p, content)
  }
}

/**
 * A map of every path under `root` to a description of what is there: file bytes (hashed) and
 * mode, symlink target, or directory with mode. `exclude` names top-level entries to leave out.
 * Two equal maps mean byte-identical trees.
 */
export function snapshotTree(root: string, exclude: string[] = ['.bulk-ops']): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (rel === '' && exclude.includes(name)) continue
      const p = join(dir, name)
      const r = rel ? `${rel}/${name}` : name
      const s = lstatSync(p)
      if (s.isSymbolicLink()) out[r] = `link:${readlinkSync(p)}`
      else if (s.isDirectory()) {
        out[r] = `dir:${(s.mode & 0o777).toString(8)}`
        walk(p, r)
      } else if (s.isFile()) {
        out[r] =
          `file:${(s.mode & 0o777).toString(8)}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`
      } else {
        out[r] = 'other' // a FIFO or device: never read (reading a FIFO blocks)
      }
    }
  }
  walk(root, '')
  return out
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
