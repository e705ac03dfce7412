/**
 * A set of workspace-relative paths (normalised, '/'-separated) that answers "does this path
 * overlap any member?": equal to one, inside one, or containing one. O(depth) per call.
 */
export class PathSet {
  private readonly members = new Set<string>()
  /** Every proper ancestor of every member ('.' stands for the workspace root). */
  private readonly ancestors = new Set<string>()

  add(p: string): void {
    if (this.members.has(p)) return
    this.members.add(p)
    if (p === '.') return
    this.ancestors.add('.')
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      const a = p.slice(0, i)
      // Its own ancestors are in already.
      if (this.ancestors.has(a)) break
      this.ancestors.add(a)
    }
  }

  /** True when `p` equals, contains or lies inside a member. */
  overlaps(p: string): boolean {
    if (this.members.size === 0) return false
    if (this.members.has(p) || this.ancestors.has(p) || this.members.has('.')) return true
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      if (this.members.has(p.slice(0, i))) return true
    }
    return false
  }

  clear(): void {
    this.members.clear()
    this.ancestors.clear()
  }
}
