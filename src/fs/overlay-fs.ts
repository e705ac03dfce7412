import { basename, dirname, join } from 'node:path'
import { specialFile, type Fs, type Stat } from './types.js'

type Node =
  | { type: 'file'; mode: number; data: Buffer }
  | { type: 'file'; mode: number; ref: string; size: number }
  | { type: 'dir'; mode: number }
  | { type: 'symlink'; mode: number; target: string }

/**
 * An in-memory layer over a read-only base filesystem: every write lands in memory, reads see
 * the result. Dry-runs run the real operations on it, so they classify later operations against
 * the effects of earlier ones (mkdir → move → replace) without touching the disk.
 * A directory created here hides whatever the base has at that path.
 */
export class OverlayFs implements Fs {
  readonly simulated = true
  /** null marks a removed path. */
  private readonly nodes = new Map<string, Node | null>()
  private readonly children = new Map<string, Set<string>>()

  constructor(private readonly base: Fs) {}

  /** Paths that exist only in the overlay, for glob expansion. */
  *createdPaths(): Iterable<[string, Stat['type']]> {
    for (const [p, n] of this.nodes) if (n) yield [p, n.type]
  }

  private set(p: string, n: Node | null): void {
    this.nodes.set(p, n)
    const parent = dirname(p)
    let set = this.children.get(parent)
    if (!set) this.children.set(parent, (set = new Set()))
    set.add(basename(p))
  }

  private drop(p: string): void {
    const prefix = p + '/'
    for (const k of [...this.nodes.keys()]) if (k.startsWith(prefix)) this.nodes.delete(k)
    for (const k of [...this.children.keys()]) if (k === p || k.startsWith(prefix)) this.children.delete(k)
  }

  /** The overlay's verdict on `p`: a node, 'gone', or undefined when the base decides. */
  private own(p: string): Node | 'gone' | undefined {
    const n = this.nodes.get(p)
    if (n !== undefined) return n ?? 'gone'
    for (let up = dirname(p), prev = p; up !== prev; prev = up, up = dirname(up)) {
      const a = this.nodes.get(up)
      if (a === null) return 'gone'
      if (a && a.type === 'dir') return 'gone' // created here: hides the base
      if (a) return 'gone' // a file or link cannot have children
    }
    return undefined
  }

  async lstat(p: string): Promise<Stat | null> {
    const o = this.own(p)
    if (o === 'gone') return null
    if (o) return { type: o.type, mode: o.mode, size: sizeOf(o) }
    return this.base.lstat(p)
  }

  async readFile(p: string): Promise<Buffer> {
    const o = this.own(p)
    if (o === 'gone') throw enoent(p)
    if (o) {
      if (o.type !== 'file') throw Object.assign(new Error(`EISDIR: '${p}'`), { code: 'EISDIR' })
      return 'data' in o ? o.data : this.base.readFile(o.ref)
    }
    return this.base.readFile(p)
  }

  async readlink(p: string): Promise<string> {
    const o = this.own(p)
    if (o === 'gone') throw enoent(p)
    if (o) {
      if (o.type !== 'symlink') throw Object.assign(new Error(`EINVAL: '${p}'`), { code: 'EINVAL' })
      return o.target
    }
    return this.base.readlink(p)
  }

  async readdir(p: string): Promise<string[]> {
    const o = this.own(p)
    if (o === 'gone') throw enoent(p)
    const names = new Set<string>(o ? [] : await this.base.readdir(p))
    for (const name of this.children.get(p) ?? []) {
      if (this.nodes.get(join(p, name))) names.add(name)
      else names.delete(name)
    }
    return [...names]
  }

  /** As on disk, a new entry needs an existing directory (or a link to one) to go in. */
  private async parentMustBeDir(p: string, syscall: string): Promise<void> {
    const s = await this.lstat(dirname(p))
    if (!s) throw Object.assign(enoent(p), { syscall })
    if (s.type === 'file' || s.type === 'other') {
      throw Object.assign(new Error(`ENOTDIR: not a directory, ${syscall} '${p}'`), { code: 'ENOTDIR' })
    }
  }

  async writeFile(p: string, data: Buffer, mode: number): Promise<void> {
    await this.parentMustBeDir(p, 'open')
    this.drop(p)
    this.set(p, { type: 'file', mode, data: Buffer.from(data) })
  }

  async createFile(p: string, data: Buffer, mode: number): Promise<void> {
    await this.parentMustBeDir(p, 'open')
    if (await this.lstat(p)) {
      throw Object.assign(new Error(`EEXIST: file already exists, open '${p}'`), { code: 'EEXIST' })
    }
    this.set(p, { type: 'file', mode, data: Buffer.from(data) })
  }

  async mkdirp(p: string): Promise<string[]> {
    const created: string[] = []
    let cur = p
    let found: Stat | null
    while ((found = await this.lstat(cur)) === null) {
      created.unshift(cur)
      const up = dirname(cur)
      if (up === cur) break
      cur = up
    }
    // As on disk: nothing can be created below a file (an earlier operation may have made one).
    if (created.length > 0 && found && (found.type === 'file' || found.type === 'other')) {
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), { code: 'ENOTDIR' })
    }
    for (const d of created) this.set(d, { type: 'dir', mode: 0o755 })
    return created
  }

  async rename(from: string, to: string): Promise<void> {
    await this.copy(from, to)
    await this.rm(from)
  }

  async copy(from: string, to: string): Promise<void> {
    const entries: [string, Node][] = []
    await this.snapshot(from, to, entries)
    await this.parentMustBeDir(to, 'copy')
    this.drop(to)
    for (const [p, n] of entries) this.set(p, n)
  }

  private async snapshot(from: string, to: string, out: [string, Node][]): Promise<void> {
    const s = await this.lstat(from)
    if (!s) throw enoent(from)
    if (s.type === 'dir') {
      out.push([to, { type: 'dir', mode: s.mode }])
      for (const name of await this.readdir(from)) await this.snapshot(join(from, name), join(to, name), out)
    } else if (s.type === 'symlink') {
      out.push([to, { type: 'symlink', mode: s.mode, target: await this.readlink(from) }])
    } else if (s.type === 'other') {
      throw specialFile(from)
    } else {
      const o = this.own(from)
      const node: Node =
        o && o !== 'gone' && o.type === 'file'
          ? { ...o, mode: s.mode }
          : { type: 'file', mode: s.mode, ref: from, size: s.size }
      out.push([to, node])
    }
  }

  async rm(p: string): Promise<void> {
    this.drop(p)
    this.set(p, null)
  }

  async chmod(p: string, mode: number): Promise<void> {
    const s = await this.lstat(p)
    if (!s) throw enoent(p)
    const o = this.own(p)
    if (o && o !== 'gone') this.set(p, { ...o, mode } as Node)
    else if (s.type === 'file') this.set(p, { type: 'file', mode, ref: p, size: s.size })
    else if (s.type === 'dir') {
      // Changing a base directory's mode: copy its listing into the overlay first.
      await this.copy(p, p)
      this.set(p, { type: 'dir', mode })
    }
  }
}

function sizeOf(n: Node): number {
  if (n.type === 'file') return 'data' in n ? n.data.length : n.size
  if (n.type === 'symlink') return Buffer.byteLength(n.target)
  return 0
}

function enoent(p: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' })
}
