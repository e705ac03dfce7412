import { lstatSync, type Stats } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { dirname, posix, resolve, sep } from 'node:path'
import type { Fs } from '../fs/types.js'

/** Directory names no operation may touch: git's own data and bulk-ops' local state. */
export const RESERVED_DIRS = ['.git', '.bulk-ops']

/**
 * Anything that needs a closer look: a `.`/`..` segment, `//`, a leading or trailing `/`, a
 * backslash, NUL, a drive letter, `.git` anywhere, `.bulk-ops` first. Most paths have none.
 */
const NEEDS_A_LOOK =
  /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$|\\|\0|^[a-z]:|(?:^|\/)\.git(?:\/|$)|^\.bulk-ops(?:\/|$)/i

/**
 * True when nothing in `p` needs a closer look: it is acceptable (`pathProblem` is null) and
 * already normal (`normalizeRel` keeps it), decided with one test. Most paths are.
 */
export function isPlainPath(p: string): boolean {
  return p.length > 0 && !NEEDS_A_LOOK.test(p)
}

/** Why a workspace-relative path is refused, or null when it is acceptable. */
export function pathProblem(p: string): string | null {
  if (p.length === 0) return 'is empty'
  if (!NEEDS_A_LOOK.test(p)) return null
  if (p.includes('\0')) return 'contains a NUL byte'
  if (/^[A-Za-z]:/.test(p) || p.startsWith('\\\\')) {
    return `'${p}' is a Windows absolute path; paths are relative to the workspace and use '/'`
  }
  if (p.startsWith('/')) return `'${p}' is absolute; paths are relative to the workspace`
  if (p.includes('\\')) return `'${p}' contains a backslash; use '/' as the separator`
  const norm = posix.normalize(p)
  if (norm === '..' || norm.startsWith('../')) return `'${p}' leaves the workspace`
  const segs = norm.split('/')
  // Case-insensitive: on macOS and Windows runners `.GIT` is `.git`.
  if (segs.some(s => s.toLowerCase() === '.git'))
    return `'${p}' is inside .git/, which bulk-ops never touches`
  if (segs[0].toLowerCase() === '.bulk-ops') {
    return `'${p}' is inside .bulk-ops/, bulk-ops' own state directory`
  }
  return null
}

/**
 * `pathProblem`, plus what is only suspicious in text a person wrote: percent-encoded `.`, `/`
 * or `\\` (`%2e%2e/`) is never decoded, so it cannot escape, but it is surely not what was meant.
 * A real file whose name holds `%2F` (a matched path) is fine, so this is not a runtime rule.
 */
export function planPathProblem(p: string): string | null {
  const problem = pathProblem(p)
  if (problem) return problem
  if (/%2e|%2f|%5c/i.test(p)) {
    return `'${p}' contains a percent-encoded '.', '/' or '\\'; paths are not URL-decoded, write the path plainly`
  }
  return null
}

/** Normalises a checked relative path (`a//b/./c/` → `a/b/c`). */
export function normalizeRel(p: string): string {
  // Already normal (the common case for glob matches): keep the same string, no copy.
  if (p !== '' && !/(^|\/)\.\.?(\/|$)|\/\/|\/$/.test(p)) return p
  const n = posix.normalize(p).replace(/\/+$/, '')
  return n === '' ? '.' : n
}

/** True when the normalised path names the workspace root itself. */
export function isRoot(rel: string): boolean {
  return normalizeRel(rel) === '.'
}

/** Converts an absolute path under `root` to a workspace-relative POSIX path. */
export function toRel(root: string, abs: string): string {
  const r = abs === root ? '.' : abs.slice(root.length + 1)
  return sep === '/' ? r : r.split(sep).join('/')
}

/** True when `abs` is `root` or inside it. */
export function isInside(root: string, abs: string): boolean {
  return abs === root || abs.startsWith(root.endsWith(sep) ? root : root + sep)
}

/** How many accepted paths a Sandbox remembers. */
const RESOLVED_MEMO = 16

/**
 * Resolves workspace-relative paths and refuses any whose parent chain passes through a
 * symlink that leads outside the workspace (or into .git). The last component is never
 * followed: operations act on a symlink itself. Directory verdicts are cached; call
 * `invalidate()` after anything that may have created or replaced symlinks.
 */
export class Sandbox {
  readonly root: string
  private realRoot = ''
  private readonly okDirs = new Map<string, string | null>()
  /**
   * The last few paths `resolve` accepted, while their parents' verdicts stand: a ring of
   * RESOLVED_MEMO pairs (a Map cleared every few operations would allocate a table each time).
   */
  private readonly memoRel: (string | undefined)[] = new Array<string | undefined>(RESOLVED_MEMO)
  private readonly memoAbs: string[] = new Array<string>(RESOLVED_MEMO)
  private memoNext = 0
  /** Some path of this run passed through a symlinked directory, so two paths may name one file. */
  throughSymlink = false

  /**
   * `view`, when given, is the filesystem operations see (a dry-run's overlay): parents are
   * judged as they will be at that point of the run, not as they are on disk.
   */
  constructor(
    root: string,
    private readonly view?: Fs
  ) {
    this.root = resolve(root)
  }

  async init(): Promise<void> {
    this.realRoot = await realpath(this.root)
  }

  invalidate(): void {
    this.okDirs.clear()
    this.memoRel.fill(undefined)
  }

  /**
   * Like `resolve`, but `rel` is a directory that will be looked into (a glob's prefix, the fixed
   * part of a template), so a symlink at `rel` itself counts too.
   */
  async resolveDir(rel: string): Promise<string> {
    const problem = pathProblem(rel)
    if (problem) throw new Error(problem)
    const norm = normalizeRel(rel)
    if (norm === '.') return this.root
    const bad = await this.checkDir(norm)
    if (bad) throw new Error(`'${rel}' ${bad}`)
    return this.root + sep + (sep === '/' ? norm : norm.split('/').join(sep))
  }

  /**
   * `resolve` without a promise, for the common case: the absolute path of an acceptable `rel`
   * whose parent's verdict (inside the workspace) is cached; undefined when `resolve` must decide.
   */
  resolveKnown(rel: string): string | undefined {
    // An operation resolves the same paths in its check and its apply: the second time is free.
    // Newest first: the apply's paths are the ones its check just remembered.
    const memo = this.memoRel
    for (let n = 0, k = this.memoNext; n < RESOLVED_MEMO; n++) {
      k = k === 0 ? RESOLVED_MEMO - 1 : k - 1
      if (memo[k] === rel) return this.memoAbs[k]
    }
    let norm: string
    // Nothing that needs a closer look: acceptable, and already normal (most paths).
    if (isPlainPath(rel)) norm = rel
    else {
      if (pathProblem(rel) !== null) return undefined
      norm = normalizeRel(rel)
    }
    if (norm === '.') return this.root
    const slash = norm.lastIndexOf('/')
    if (slash >= 0 && this.okDirs.get(norm.slice(0, slash)) !== null) return undefined
    return this.remember(rel, this.root + sep + (sep === '/' ? norm : norm.split('/').join(sep)))
  }

  /**
   * True when `rel` is acceptable, already normal, and its parent's verdict (inside the
   * workspace) is cached: what `resolveKnown` accepts, decided without building the path.
   */
  knownInside(rel: string): boolean {
    if (!isPlainPath(rel)) return false
    const slash = rel.lastIndexOf('/')
    return slash < 0 || this.okDirs.get(rel.slice(0, slash)) === null
  }

  private remember(rel: string, abs: string): string {
    this.memoRel[this.memoNext] = rel
    this.memoAbs[this.memoNext] = abs
    this.memoNext = (this.memoNext + 1) % RESOLVED_MEMO
    return abs
  }

  /** Absolute path for `rel`, or throws an Error naming the escape. */
  async resolve(rel: string): Promise<string> {
    const known = this.resolveKnown(rel)
    if (known !== undefined) return known
    const problem = pathProblem(rel)
    if (problem) throw new Error(problem)
    const norm = normalizeRel(rel)
    if (norm === '.') return this.root
    const abs = this.root + sep + (sep === '/' ? norm : norm.split('/').join(sep))
    const parent = norm.includes('/') ? norm.slice(0, norm.lastIndexOf('/')) : '.'
    const bad = await this.checkDir(parent)
    if (bad) throw new Error(`'${rel}' ${bad}`)
    // Only while the parent's verdict is cached, and only a few: this is a memo, not a map of the run.
    return parent === '.' || this.okDirs.has(parent) ? this.remember(rel, abs) : abs
  }

  /** null when every existing component of `dir` stays inside the workspace. */
  private async checkDir(dir: string): Promise<string | null> {
    if (dir === '.') return null
    const cached = this.okDirs.get(dir)
    if (cached !== undefined) return cached
    const up = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '.'
    const upVerdict = await this.checkDir(up)
    if (upVerdict) return upVerdict
    const abs = this.root + sep + dir
    let type: string | null
    if (this.view) type = (await this.view.lstat(abs).catch(() => null))?.type ?? null
    else {
      // Synchronous, as RealFs makes single calls: a thread-pool round trip per directory costs more.
      let st: Stats | undefined
      try {
        st = lstatSync(abs, { throwIfNoEntry: false })
      } catch {
        st = undefined
      }
      type = !st ? null : st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : 'file'
    }
    let verdict: string | null = null
    if (type === 'symlink') {
      this.throughSymlink = true
      verdict = await this.linkVerdict(dir, abs)
    } else if (type !== null && type !== 'dir') verdict = `has a parent '${dir}' that is not a directory`
    // Only cache what exists: a missing directory may be created later, even as a symlink.
    if (type !== null || verdict) this.okDirs.set(dir, verdict)
    return verdict
  }

  private async linkVerdict(dir: string, abs: string): Promise<string | null> {
    let target: string | null
    if (this.view) {
      // The link may exist only in a dry-run's view: follow it by its text, then on disk.
      const lexical = resolve(dirname(abs), await this.view.readlink(abs))
      if (!isInside(this.root, lexical))
        return `passes through symlink '${dir}', which points outside the workspace`
      target = await realpath(lexical).catch(() => lexical)
    } else {
      target = await realpath(abs).catch(() => null)
    }
    if (target === null) return `passes through a dangling symlink '${dir}'`
    if (!isInside(this.realRoot, target) && !isInside(this.root, target)) {
      return `passes through symlink '${dir}', which points outside the workspace`
    }
    const rel = isInside(this.realRoot, target) ? toRel(this.realRoot, target) : toRel(this.root, target)
    if (rel !== '.' && pathProblem(rel) !== null)
      return `passes through symlink '${dir}', which points into a reserved directory`
    return null
  }
}
