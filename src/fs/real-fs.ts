import * as fs from 'node:fs'
import { realpathSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { specialFile, statType, UNFINISHED_MODE, type Fs, type Stat } from './types.js'

/** Deterministic scratch name beside a target, so an interrupted attempt's leftover is found and removed. */
export function scratchPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.bulk-ops-tmp`)
}

/**
 * The filesystem on disk. Replacing writes and copies go through a scratch name and a rename, so no
 * existing target is ever half written; a new file is created in place, exclusively.
 */
export class RealFs implements Fs {
  readonly simulated = false
  private realRoot?: string

  /**
   * With `root`, every read and change first resolves the real path of its parent directory and
   * refuses one outside `root` (or inside its .git): a directory swapped for a symlink after the
   * operation's checks cannot lead it outside the workspace.
   */
  constructor(private readonly root?: string) {}

  // The guard is synchronous (its calls are single system calls): no promise per operation.
  private guard(p: string): void {
    this.guardDir(dirname(p), p)
  }

  /** Refuses when `dir` (or its nearest existing ancestor) really lies outside the root. */
  private guardDir(start: string, p = start): void {
    if (!this.root) return
    if (this.stillVerified(start)) return
    this.realRoot ??= realpathSync.native(this.root)
    const before = fs.lstatSync(start, { throwIfNoEntry: false })
    let dir = start
    let real: string | null
    // The nearest existing ancestor decides (mkdirp and copies create what is missing).
    for (;;) {
      // Synchronous and native: one realpath(3) call, no thread-pool round trip per operation.
      try {
        real = realpathSync.native(dir)
      } catch {
        real = null
      }
      if (real !== null || dirname(dir) === dir) break
      dir = dirname(dir)
    }
    const root = this.realRoot
    const inside = real !== null && (real === root || real.startsWith(root.endsWith(sep) ? root : root + sep))
    const rel = inside ? real!.slice(root.length + 1) : ''
    if (!inside || rel.split(sep).some(seg => seg.toLowerCase() === '.git')) {
      throw Object.assign(
        new Error(
          `'${p}' is reached through a symlink that leads outside the workspace (or into .git); refused`
        ),
        { code: 'EESCAPE' }
      )
    }
    if (dir === start && before?.isDirectory()) this.remember(start, before)
  }

  /**
   * Directories realpath found inside the workspace, by device and inode, with the path that
   * climbs from each back to the root through `..`. Checking one again takes two lstat calls
   * instead of a realpath, which costs one call per component of the whole absolute path.
   */
  private readonly verified = new Map<string, { dev: number; ino: number; up: string }>()
  private rootId?: { dev: number; ino: number }

  private remember(dir: string, before: fs.Stats): void {
    const after = fs.lstatSync(dir, { throwIfNoEntry: false })
    // Changed while realpath looked: do not vouch for either.
    if (!after?.isDirectory() || after.ino !== before.ino || after.dev !== before.dev) return
    // Identities are compared as numbers, exact up to 2^53 (a larger one is never cached, and no
    // larger one can compare equal to a cached one): no BigInt garbage per call.
    if (!Number.isSafeInteger(after.ino) || !Number.isSafeInteger(after.dev)) return
    const base = resolve(this.root!)
    if (dir !== base && !dir.startsWith(base + sep)) return
    // The workspace root itself (files at the top level) climbs nowhere: depth 0.
    const depth = dir === base ? 0 : dir.slice(base.length + 1).split(sep).length
    if (!this.rootId) {
      const r = fs.statSync(base)
      this.rootId = { dev: r.dev, ino: r.ino }
    }
    if (!Number.isSafeInteger(this.rootId.ino) || !Number.isSafeInteger(this.rootId.dev)) return
    if (this.verified.size >= 4096) this.verified.clear()
    this.verified.set(dir, { dev: after.dev, ino: after.ino, up: dir + `${sep}..`.repeat(depth) })
  }

  /**
   * True when `dir` is still the directory realpath verified (same device and inode, not a
   * symlink) and it still lies physically under the root at the same depth (its `..` chain ends
   * at the root): a directory swapped for a symlink, or moved out of the workspace, fails this
   * and goes through realpath again.
   */
  private stillVerified(dir: string): boolean {
    const id = this.verified.get(dir)
    if (!id) return false
    const s = fs.lstatSync(dir, { throwIfNoEntry: false })
    if (s?.isDirectory() && s.ino === id.ino && s.dev === id.dev) {
      const top = fs.lstatSync(id.up, { throwIfNoEntry: false })
      if (top && top.ino === this.rootId!.ino && top.dev === this.rootId!.dev) return true
    }
    this.verified.delete(dir)
    return false
  }

  // Single system calls are made synchronously: the engine awaits each one in order anyway,
  // and a thread-pool round trip per call costs more than the call (the engine yields to the
  // event loop between operations, so signals and timers still run).
  async lstat(p: string): Promise<Stat | null> {
    try {
      const s = fs.lstatSync(p, { throwIfNoEntry: false })
      return s ? { type: statType(s), mode: s.mode & 0o7777, size: s.size } : null
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return null
      throw err
    }
  }

  async readFile(p: string): Promise<Buffer> {
    this.guard(p)
    return fs.readFileSync(p)
  }

  async readlink(p: string): Promise<string> {
    return fs.readlinkSync(p)
  }

  async readdir(p: string): Promise<string[]> {
    this.guardDir(p)
    return fs.readdirSync(p)
  }

  async writeFile(p: string, data: Buffer, mode: number): Promise<void> {
    this.guard(p)
    const tmp = scratchPath(p)
    fs.rmSync(tmp, { force: true, recursive: true })
    await withScratch(tmp, async () => {
      fs.writeFileSync(tmp, data, { mode })
      fs.chmodSync(tmp, mode)
      fs.renameSync(tmp, p)
    })
  }

  async createFile(p: string, data: Buffer, mode: number): Promise<void> {
    this.guard(p)
    // O_CREAT|O_EXCL: never follows a symlink, never opens what exists.
    const fd = fs.openSync(
      p,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL,
      UNFINISHED_MODE
    )
    try {
      for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at)
      // The last change: from here on the file is complete (and not readable as unfinished).
      fs.fchmodSync(fd, mode)
    } catch (err) {
      // A write that failed (a full disk) leaves nothing behind: the file is this call's own.
      fs.closeSync(fd)
      fs.rmSync(p, { force: true })
      throw err
    }
    fs.closeSync(fd)
  }

  async mkdirp(p: string): Promise<string[]> {
    const created: string[] = []
    let cur = p
    while ((await this.lstat(cur)) === null) {
      created.unshift(cur)
      const up = dirname(cur)
      if (up === cur) break
      cur = up
    }
    if (created.length > 0) {
      this.guardDir(p)
      fs.mkdirSync(p, { recursive: true })
    }
    return created
  }

  async rename(from: string, to: string): Promise<void> {
    this.guard(from)
    if (dirname(to) !== dirname(from)) this.guard(to)
    try {
      fs.renameSync(from, to)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
      await this.copy(from, to)
      fs.rmSync(from, { recursive: true, force: true })
    }
  }

  async copy(from: string, to: string): Promise<void> {
    this.guard(from)
    this.guard(to)
    const tmp = scratchPath(to)
    await fsp.rm(tmp, { force: true, recursive: true })
    await withScratch(tmp, async () => {
      await copyTree(from, tmp)
      await fsp.rename(tmp, to)
    })
  }

  async rm(p: string): Promise<void> {
    this.guard(p)
    fs.rmSync(p, { recursive: true, force: true })
  }

  async chmod(p: string, mode: number): Promise<void> {
    this.guard(p)
    fs.chmodSync(p, mode)
  }
}

/** Runs `work`; if it fails, removes the scratch copy it was building, so no half copy stays in the workspace. */
async function withScratch(tmp: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (err) {
    await fsp.rm(tmp, { force: true, recursive: true }).catch(() => {})
    throw err
  }
}

/**
 * Copies without following symlinks, keeping permission bits. Names are read and joined as bytes,
 * so an entry whose name is not valid UTF-8 is copied under exactly that name.
 */
async function copyTree(from: string | Buffer, to: string | Buffer): Promise<void> {
  const s = await fsp.lstat(from)
  if (s.isSymbolicLink()) {
    await fsp.symlink(await fsp.readlink(from, { encoding: 'buffer' }), to)
  } else if (s.isDirectory()) {
    await fsp.mkdir(to)
    const src = Buffer.from(from)
    const dst = Buffer.from(to)
    for (const name of await fsp.readdir(from, { encoding: 'buffer' })) {
      await copyTree(Buffer.concat([src, SLASH, name]), Buffer.concat([dst, SLASH, name]))
    }
    await fsp.chmod(to, s.mode & 0o7777)
  } else if (s.isFile()) {
    await fsp.copyFile(from, to)
    await fsp.chmod(to, s.mode & 0o7777)
  } else {
    throw specialFile(from.toString())
  }
}

const SLASH = Buffer.from(sep)
