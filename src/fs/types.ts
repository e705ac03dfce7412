/** What an operation needs to know about a path; symlinks are never followed. */
export interface Stat {
  type: 'file' | 'dir' | 'symlink' | 'other'
  /** Permission bits (e.g. 0o644). */
  mode: number
  size: number
}

/**
 * The filesystem as operations see it, on absolute paths already checked by the Sandbox.
 * `RealFs` acts on disk; `OverlayFs` records effects in memory for dry-runs, so a dry-run
 * runs exactly the code a real run does.
 */
export interface Fs {
  lstat(p: string): Promise<Stat | null>
  readFile(p: string): Promise<Buffer>
  readlink(p: string): Promise<string>
  /** Names in a directory, unsorted. */
  readdir(p: string): Promise<string[]>
  /** Replaces `p` atomically (temporary file + rename) with `data`, then applies `mode`. */
  writeFile(p: string, data: Buffer, mode: number): Promise<void>
  /**
   * Creates `p`, which must not exist (exclusively: a path that appeared meanwhile, even a
   * dangling symlink, fails with EEXIST and is never clobbered), holding `data` with `mode`.
   * Until its data is in, the file's mode is UNFINISHED_MODE, so a process killed midway leaves a
   * file `isUnfinishedFile` recognises. `mode` must not be UNFINISHED_MODE (use writeFile).
   */
  createFile(p: string, data: Buffer, mode: number): Promise<void>
  /** Creates `p` and its missing parents; returns the directories it created, outermost first. */
  mkdirp(p: string): Promise<string[]>
  /** Moves a file, symlink or directory; the target must not exist. */
  rename(from: string, to: string): Promise<void>
  /** Copies a file, symlink (as a link) or directory tree, keeping modes; atomic for the whole target. */
  copy(from: string, to: string): Promise<void>
  /** Removes a file, symlink or directory tree; missing is fine. */
  rm(p: string): Promise<void>
  chmod(p: string, mode: number): Promise<void>
  /** True when this filesystem changes nothing on disk. */
  readonly simulated: boolean
}

export function statType(s: {
  isFile(): boolean
  isDirectory(): boolean
  isSymbolicLink(): boolean
}): Stat['type'] {
  if (s.isSymbolicLink()) return 'symlink'
  if (s.isDirectory()) return 'dir'
  if (s.isFile()) return 'file'
  return 'other'
}

/**
 * The error both filesystems throw when a tree to copy holds a FIFO, socket or device: code
 * `ESPECIAL`, with the absolute `path`, so an operation can name it relative to the workspace.
 */
export function specialFile(path: string): Error {
  return Object.assign(new Error(`cannot copy '${path}': not a file, directory or symlink`), {
    code: 'ESPECIAL',
    path
  })
}

/** The mode a file created by `createFile` has until its content is complete: no permissions. */
export const UNFINISHED_MODE = 0

/**
 * True when `s` is what a `createFile` of `size` bytes leaves if the process dies before it ends:
 * a regular file with no permission bits, no larger than the content meant for it. (Git checks out
 * files as 644 or 755 only; a file with mode 000 is not something a repository holds.)
 */
export function isUnfinishedFile(s: Stat, size: number): boolean {
  return s.type === 'file' && s.mode === UNFINISHED_MODE && s.size <= size
}
