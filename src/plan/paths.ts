import { lstat, realpath } from 'node:fs/promises'
import { posix, resolve, sep } from 'node:path'

/** Directory names no operation may touch: git's own data and bulk-ops' local state. */
export const RESERVED_DIRS = ['.git', '.bulk-ops']

/** Why a workspace-relative path is refused, or null when it is acceptable. */
export function pathProblem(p: string): string | null {
  if (p.length === 0) return 'is empty'
  if (p.includes('\0')) return 'contains a NUL byte'
  if (p.includes('\\')) return `'${p}' contains a backslash; use '/' as the separator`
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p))
    return `'${p}' is absolute; paths are relative to the workspace`
  if (/%2e|%2f|%5c/i.test(p))
    return `'${p}' contains a percent-encoded '.', '/' or '\\'; write the path plainly`
  const norm = posix.normalize(p)
  if (norm === '..' || norm.startsWith('../')) return `'${p}' leaves the workspace`
  const segs = norm.split('/')
  for (const s of segs) {
    const lower = s.toLowerCase()
    if (lower === '.git') return `'${p}' is inside .git/, which bulk-ops never touches`
  }
  if (segs[0] === '.bulk-ops') return `'${p}' is inside .bulk-ops/, bulk-ops' own state directory`
  return null
}

/** Normalises a checked relative path (`a//b/./c/` → `a/b/c`). */
export function normalizeRel(p: string): string {
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

  constructor(root: string) {
    this.root = resolve(root)
  }

  async init(): Promise<void> {
    this.realRoot = await realpath(this.root)
  }

  invalidate(): void {
    this.okDirs.clear()
  }

  /** Absolute path for `rel`, or throws an Error naming the escape. */
  async resolve(rel: string): Promise<string> {
    const problem = pathProblem(rel)
    if (problem) throw new Error(problem)
    const norm = normalizeRel(rel)
    if (norm === '.') return this.root
    const abs = this.root + sep + (sep === '/' ? norm : norm.split('/').join(sep))
    const parent = norm.includes('/') ? norm.slice(0, norm.lastIndexOf('/')) : '.'
    const bad = await this.checkDir(parent)
    if (bad) throw new Error(`'${rel}' ${bad}`)
    return abs
  }

  /** null when every existing component of `dir` stays inside the workspace. */
  private async checkDir(dir: string): Promise<string | null> {
    if (dir === '.') return null
    const cached = this.okDirs.get(dir)
    if (cached !== undefined) return cached
    const up = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '.'
    let verdict = await this.checkDir(up)
    if (!verdict) {
      const abs = this.root + sep + dir
      const st = await lstat(abs).catch(() => null)
      if (st?.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => null)
        if (target === null) verdict = `passes through a dangling symlink '${dir}'`
        else if (!isInside(this.realRoot, target))
          verdict = `passes through symlink '${dir}', which points outside the workspace`
        else if (pathProblem(toRel(this.realRoot, target) || '.') !== null && target !== this.realRoot)
          verdict = `passes through symlink '${dir}', which points into a reserved directory`
      } else if (st && !st.isDirectory()) {
        verdict = `has a parent '${dir}' that is not a directory`
      }
    }
    // Only cache directories that exist; a missing one may be created later by a symlink.
    this.okDirs.set(dir, verdict)
    return verdict
  }
}
