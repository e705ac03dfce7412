import { join } from 'node:path'
import type { Fs, Stat } from '../fs/types.js'

/**
 * True when `a` and `b` hold the same thing: equal bytes for files, equal targets for
 * symlinks, equal trees for directories. Modes count for files (a copy keeps them).
 */
export async function sameContent(
  fs: Fs,
  a: string,
  b: string,
  sa?: Stat | null,
  sb?: Stat | null
): Promise<boolean> {
  sa = sa === undefined ? await fs.lstat(a) : sa
  sb = sb === undefined ? await fs.lstat(b) : sb
  if (!sa || !sb || sa.type !== sb.type) return false
  switch (sa.type) {
    case 'file':
      if (sa.size !== sb.size || sa.mode !== sb.mode) return false
      return (await fs.readFile(a)).equals(await fs.readFile(b))
    case 'symlink':
      return (await fs.readlink(a)) === (await fs.readlink(b))
    case 'dir': {
      const [na, nb] = [(await fs.readdir(a)).sort(), (await fs.readdir(b)).sort()]
      if (na.length !== nb.length || na.some((n, i) => n !== nb[i])) return false
      for (const n of na) if (!(await sameContent(fs, join(a, n), join(b, n)))) return false
      return true
    }
    default:
      return false
  }
}

/** A readable name for a stat type. */
export function describeType(s: Stat): string {
  return s.type === 'dir'
    ? 'a directory'
    : s.type === 'symlink'
      ? 'a symlink'
      : s.type === 'file'
        ? 'a file'
        : 'a special file'
}
