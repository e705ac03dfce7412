import { cpSync, linkSync, lstatSync, mkdirSync, renameSync, rmSync, type Stats } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { dirname, join, posix, sep } from 'node:path'

/**
 * Keeps what a restore is about to change, so that a restore that fails at any point leaves the
 * workspace exactly as the checkout made it. Before the first write, every path the restore
 * touches is saved (a hard link where it will be replaced, since git checkout-index and rm unlink
 * and write anew rather than overwrite in place; the path itself, moved aside, where the restore
 * removes it), and every path and directory that does not exist yet is noted. `rollback()`
 * removes what the restore created and puts back what it saved; `commit()` drops the saved copies.
 */
export class Rollback {
  private readonly saved = new Map<string, string>()
  /** Removed files whose content git holds: written again from git on rollback. */
  private readonly dropped: { path: string; mode: string; sha: string }[] = []
  private readonly absent = new Set<string>()
  /** Directories found there already (so each is looked at once). */
  private readonly there = new Set<string>()
  private n = 0

  /** `root` is the workspace; `dir` an empty scratch directory for the saved copies. */
  constructor(
    private readonly root: string,
    private readonly dir: string
  ) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
  }

  /**
   * Notes `rel` (workspace-relative) before the restore writes it: kept in place, linked aside.
   * `st` is what is there, when the caller has just looked (null: nothing).
   */
  keep(rel: string, st?: Stats | null): void {
    this.note(rel, false, st)
  }

  /**
   * Removes files or symlinks whose content git holds (each `sha`, of mode `mode`): a rollback
   * writes them again from git instead of from saved copies. They are unlinked side by side (off
   * the main thread, several directories at a time: thousands of removals one after another take
   * twice as long); those that were there are noted even when another fails.
   */
  async dropAll(items: { path: string; mode: string; sha: string }[]): Promise<void> {
    for (const d of items) this.noteAncestors(d.path)
    const done = await Promise.allSettled(items.map(d => unlink(join(this.root, d.path))))
    let failed: unknown = null
    done.forEach((r, k) => {
      if (r.status === 'fulfilled') this.dropped.push(items[k])
      else if ((r.reason as NodeJS.ErrnoException).code === 'ENOENT') this.absent.add(items[k].path)
      else failed ??= r.reason
    })
    if (failed) throw failed
  }

  /**
   * Renames a file whose content git holds (`from`: its path, mode and sha) to `to`, a path the
   * restore makes (noted with keep first): the removal of one and the making of the other in one
   * call, no inode freed or allocated. A rollback removes `to` and writes `from` again from git.
   */
  moveDropped(from: { path: string; mode: string; sha: string }, to: string): void {
    this.noteAncestors(from.path)
    renameSync(under(this.root, from.path), under(this.root, to))
    this.dropped.push(from)
  }

  /** Moves `rel` aside: the restore's removal of it, undone by rollback. */
  remove(rel: string): void {
    this.note(rel, true)
  }

  private note(rel: string, move: boolean, known?: Stats | null): void {
    if (this.saved.has(rel) || this.absent.has(rel)) {
      if (move && this.saved.has(rel)) rmSync(join(this.root, rel), { recursive: true, force: true })
      return
    }
    this.noteAncestors(rel)
    const abs = join(this.root, rel)
    const st = known === undefined ? lstatIfAny(abs) : known
    if (!st) {
      this.absent.add(rel)
      return
    }
    // A directory the restore keeps (one it creates files in, or creates again) is not changed.
    if (!move && st.isDirectory()) return
    const aside = join(this.dir, String(this.n++))
    if (move) moveAside(abs, aside)
    else linkOrCopy(abs, aside)
    this.saved.set(rel, aside)
  }

  /** Directories on the way to `rel` that do not exist yet are the restore's to remove again. */
  private noteAncestors(rel: string): void {
    for (
      let d = posix.dirname(rel);
      d !== '.' && !this.absent.has(d) && !this.there.has(d);
      d = posix.dirname(d)
    ) {
      if (lstatIfAny(join(this.root, d))) {
        this.there.add(d)
        break
      }
      this.absent.add(d)
    }
  }

  /**
   * Puts the workspace back as it was before the first write: removes what the restore created
   * (deepest paths first), puts back the saved copies, and has `rewrite` write the dropped files
   * again from git.
   */
  async rollback(
    rewrite: (dropped: { path: string; mode: string; sha: string }[]) => Promise<void>
  ): Promise<void> {
    const created = [...this.absent].sort((a, b) => b.length - a.length)
    for (const rel of created) rmSync(join(this.root, rel), { recursive: true, force: true })
    for (const [rel, aside] of this.saved) {
      const abs = join(this.root, rel)
      rmSync(abs, { recursive: true, force: true })
      mkdirSync(dirname(abs), { recursive: true })
      moveAside(aside, abs)
    }
    for (const d of this.dropped) rmSync(join(this.root, d.path), { recursive: true, force: true })
    await rewrite(this.dropped)
    this.commit()
  }

  /** The restore completed: the saved copies are not needed. */
  commit(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * `rel`, a path checked to be safe and normal, under `root`: without join's pass over the whole
 * path, which costs more than the lstat it is for when there are thousands.
 */
export function under(root: string, rel: string): string {
  return sep === '/' ? `${root}/${rel}` : join(root, rel)
}

/** The path's lstat, or undefined where nothing is there (also when a parent is a file), without an exception per missing path. */
export function lstatIfAny(abs: string): Stats | undefined {
  try {
    return lstatSync(abs, { throwIfNoEntry: false })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw err
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    // Another filesystem, or links not allowed: a copy keeps the bytes as well.
    cpSync(from, to, { verbatimSymlinks: true, preserveTimestamps: true })
  }
}

function moveAside(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
    cpSync(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true })
    rmSync(from, { recursive: true, force: true })
  }
}
