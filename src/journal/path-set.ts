/** FNV-1a offsets and primes of two independent 32-bit hashes: a false match needs both to collide. */
const OFFSET_A = 0x811c9dc5
const PRIME_A = 0x01000193
const OFFSET_B = 0x050c5d1f
const PRIME_B = 0x01000197

/** Hashes taken while no path is looked at: the root '.'. */
const ROOT = -1

/**
 * A set of workspace-relative paths (normalised, '/'-separated) that answers "does this path
 * overlap any member?": equal to one, inside one, or containing one. O(length) per call.
 *
 * It keeps no strings: each member and each proper ancestor is a pair of 32-bit hashes in typed
 * arrays, emptied by a generation count. The journal fills one between two flushes (hundreds of
 * paths, thousands of times in a bulk run); a Set of strings emptied with `clear()` allocates a
 * new table each time, which V8 links from the old one, so the paths of every group lived on as
 * garbage promoted to the old generation and, counted as survivors, grew the young generation.
 * Two paths whose hashes both collide (about 1 in 2^64) count as overlapping: the journal then
 * flushes once more than it must, never less.
 */
export class PathSet {
  private members = new HashPairs()
  /** Every proper ancestor of every member ('.' stands for the workspace root). */
  private ancestors = new HashPairs()
  private rootMember = false

  add(p: string): void {
    if (p === '.') {
      this.rootMember = true
      this.members.add(ROOT, ROOT)
      return
    }
    let a = OFFSET_A
    let b = OFFSET_B
    this.ancestors.add(ROOT, ROOT)
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i)
      if (c === 0x2f && i > 0) this.ancestors.add(a, b)
      a = Math.imul(a ^ c, PRIME_A)
      b = Math.imul(b ^ c, PRIME_B)
    }
    this.members.add(a, b)
  }

  /** True when `p` equals, contains or lies inside a member. */
  overlaps(p: string): boolean {
    if (this.members.size === 0) return false
    if (this.rootMember || p === '.') return true
    let a = OFFSET_A
    let b = OFFSET_B
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i)
      if (c === 0x2f && i > 0 && this.members.has(a, b)) return true
      a = Math.imul(a ^ c, PRIME_A)
      b = Math.imul(b ^ c, PRIME_B)
    }
    return this.members.has(a, b) || this.ancestors.has(a, b)
  }

  clear(): void {
    this.members.clear()
    this.ancestors.clear()
    this.rootMember = false
  }
}

/** An open-addressing set of hash pairs in typed arrays; `clear` is O(1) (a new generation). */
class HashPairs {
  private a = new Int32Array(1024)
  private b = new Int32Array(1024)
  private gen = new Uint32Array(1024)
  private current = 1
  size = 0

  add(a: number, b: number): void {
    if (this.has(a, b)) return
    if (2 * (this.size + 1) > this.a.length) this.grow()
    this.put(a, b)
    this.size++
  }

  has(a: number, b: number): boolean {
    const mask = this.a.length - 1
    for (let i = a & mask; this.gen[i] === this.current; i = (i + 1) & mask) {
      if (this.a[i] === a && this.b[i] === b) return true
    }
    return false
  }

  clear(): void {
    this.size = 0
    if (++this.current === 0xffffffff) {
      this.gen.fill(0)
      this.current = 1
    }
  }

  private put(a: number, b: number): void {
    const mask = this.a.length - 1
    let i = a & mask
    while (this.gen[i] === this.current) i = (i + 1) & mask
    this.a[i] = a
    this.b[i] = b
    this.gen[i] = this.current
  }

  private grow(): void {
    const { a, b, gen, current } = this
    this.a = new Int32Array(a.length * 2)
    this.b = new Int32Array(a.length * 2)
    this.gen = new Uint32Array(a.length * 2)
    this.current = 1
    for (let i = 0; i < a.length; i++) if (gen[i] === current) this.put(a[i], b[i])
  }
}
