import { readdirSync, type Stats } from 'node:fs'
import { lstatIfAny, under } from './rollback.js'

/**
 * `lstatIfAny` for many paths under one root, most of which are absent (a delta's new files before
 * it is applied, its removed ones after): each directory is listed once, and a path is lstat'ed
 * only when its directory's listing holds its name, or cannot rule it out. A listing is one
 * system call per directory where a look-up is one per path, and the paths that are there are
 * looked up as before, so each answer is lstat's own.
 *
 * The listing rules a path out only where no file system could map its name to another: the name
 * and every name listed beside it are ASCII (a case-folding directory, such as ext4's casefold or
 * a mounted vfat, folds non-ASCII names to ASCII ones, e.g. the Kelvin sign to `k`), compared with
 * ASCII case folded, and the name has no `~` (vfat's short aliases) and does not end in a dot or a
 * space (which vfat drops). A directory that cannot be listed (no read permission, where lstat
 * needs only search permission) rules nothing out. Answers are as of the listing: a caller makes a
 * new Listing after changing the tree.
 */
export class Listing {
  /** Per directory (relative; '' for the root): its names, case folded; null when it rules nothing out. */
  private readonly dirs = new Map<string, Set<string> | null>()

  constructor(private readonly root: string) {}

  lstat(rel: string): Stats | undefined {
    const slash = rel.lastIndexOf('/')
    const dir = slash < 0 ? '' : rel.slice(0, slash)
    let names = this.dirs.get(dir)
    if (names === undefined) this.dirs.set(dir, (names = this.list(dir)))
    return ruledOut(names, rel.slice(slash + 1)) ? undefined : lstatIfAny(under(this.root, rel))
  }

  private list(dir: string): Set<string> | null {
    try {
      return foldNames(readdirSync(dir ? under(this.root, dir) : this.root))
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      // Nothing is below a directory that is not there, or not a directory.
      return code === 'ENOENT' || code === 'ENOTDIR' ? new Set() : null
    }
  }
}

/** A directory's names, ASCII case folded and trailing dots and spaces dropped; null (ruling nothing out) when one of them is not ASCII. */
export function foldNames(names: readonly string[]): Set<string> | null {
  const folded = new Set<string>()
  for (const n of names) {
    for (let i = 0; i < n.length; i++) if (n.charCodeAt(i) > 0x7f) return null
    // As vfat takes a name: trailing dots and spaces dropped.
    folded.add(n.toLowerCase().replace(/[. ]+$/, ''))
  }
  return folded
}

/**
 * True when a directory whose names `foldNames` gave holds nothing that any file system would take
 * `name` for: `name` is ASCII without `~`, does not end in a dot or a space, and no listed name is
 * it, case aside.
 */
export function ruledOut(folded: Set<string> | null, name: string): boolean {
  if (!folded || !name.length) return false
  // Below `~`: ASCII, and no `~`.
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x7e) return false
  const last = name.charCodeAt(name.length - 1)
  return last !== 0x20 && last !== 0x2e && !folded.has(name.toLowerCase())
}
