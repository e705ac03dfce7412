import { createHash } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  constants,
  ftruncateSync,
  mkdirSync,
  openSync,
  readlinkSync,
  rmdirSync,
  writeSync,
  type Stats
} from 'node:fs'
import { copyFile, mkdir, open, rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, posix } from 'node:path'
import { errorMessage } from '../errors.js'
import { normalizeRel, pathProblem } from '../plan/paths.js'
import {
  captureBase,
  CONTENT_MODES,
  DeltaMismatchError,
  oldSideTree,
  topPath,
  treeIndex,
  written,
  ZERO,
  type DeltaBase,
  type DeltaContext,
  type DeltaEntry,
  type DeltaManifest
} from './delta.js'
import { git, gitStream } from './git.js'
import { fileChunks, sameFile, type EarlyHashes } from './hasher.js'
import { Listing } from './listing.js'
import { privateOpts } from './private-git.js'
import { lstatIfAny, Rollback, under } from './rollback.js'

// Restoring a workspace delta on a fresh checkout: verify everything first, then apply all of it
// or none.

/** A pack of new content and the entries it was cut for (its old sides are the pack's bases). */
export interface DeltaPack {
  file: string
  entries: DeltaEntry[]
  /** False when it needs no bases (DeltaManifest.packThin). */
  thin?: boolean
  /**
   * The index git wrote with a pack cut whole, installed with it instead of indexing the pack
   * once `checked` (the checksums of both files) resolves.
   */
  idx?: { file: string; checked: Promise<unknown> }
}

/** Why a symlink at `path` pointing to `target` is unsafe, or null. */
function linkProblem(path: string, target: string): string | null {
  if (target.includes('\0') || target === '') return 'with an unreadable target'
  if (target.startsWith('/')) return `pointing to the absolute path '${target}'`
  const resolved = posix.normalize(posix.join(posix.dirname(path), target))
  if (resolved === '..' || resolved.startsWith('../')) return `pointing outside the workspace ('${target}')`
  if (resolved.split('/').some(s => s.toLowerCase() === '.git')) return `pointing into .git ('${target}')`
  return null
}

/** One `git cat-file` over the objects `shas`, in the private git directory. */
function catFile(ctx: DeltaContext, mode: '--batch' | '--batch-check', shas: string[]): Promise<Buffer> {
  // --buffer: the answers are read at the end, so git need not flush after each.
  return git(['cat-file', mode, '--buffer'], {
    ...privateOpts(ctx, ctx.top),
    input: shas.join('\n') + '\n'
  })
}

/** Reads blobs with one `cat-file --batch`: sha → content (absent when git has no such blob). */
async function readBlobs(ctx: DeltaContext, shas: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  if (!shas.length) return out
  const raw = await catFile(ctx, '--batch', shas)
  let at = 0
  while (at < raw.length) {
    const nl = raw.indexOf(0x0a, at)
    const [sha, type, size] = raw.subarray(at, nl).toString('utf8').split(' ')
    at = nl + 1
    if (type === 'missing' || size === undefined) continue
    const n = Number(size)
    if (type === 'blob') out.set(sha, raw.subarray(at, at + n))
    at += n + 1
  }
  return out
}

/**
 * Checks a delta from elsewhere against this workspace before anything in it changes: every path
 * safe and reached through directories only, the pack indexed into the private git directory
 * (git checks each object's hash as it does), every new content present, every symlink safe,
 * and every preimage as the delta expects. `now` is the base this workspace was captured as; a
 * caller that needs no base of its own (a merge) passes null, and only the paths the delta
 * changes are read and hashed. Throws DeltaMismatchError naming the paths at fault.
 */
export async function verifyDelta(
  ctx: DeltaContext,
  now: DeltaBase | null,
  m: DeltaManifest,
  packs: string | DeltaPack[],
  /** Packs among `packs` whose indexing the caller started already (see indexWholePacks). */
  started?: Indexing
): Promise<Verified> {
  const all = [...m.entries.map(e => e.path), ...m.createdDirs, ...m.removedUntracked]
  const unsafe = all.filter(p => pathProblem(p) !== null || normalizeRel(p) !== p)
  if (unsafe.length)
    throw new DeltaMismatchError(`the delta names unsafe paths: ${unsafe.slice(0, 10).join(', ')}`, unsafe)
  const odd = m.entries.filter(
    e => !CONTENT_MODES.has(e.newMode) && e.newMode !== '000000' && e.newMode !== '160000'
  )
  if (odd.length)
    throw new DeltaMismatchError(`the delta gives '${odd[0].path}' the unknown mode ${odd[0].newMode}`, [
      odd[0].path
    ])
  // A merge's combined delta carries its content in one pack per shard, each cut against its own
  // old side; they are indexed side by side (git names each pack by its hash), one thread each
  // when there are several, while the workspace is looked at here.
  const sources: DeltaPack[] =
    typeof packs === 'string' ? [{ file: packs, entries: m.entries, thin: m.packThin }] : packs
  const rest = sources.filter(p => !started?.packs.includes(p))
  // Without a captured base, preimages the checkout does not track are in no object store yet.
  const untracked =
    !now && rest.some(p => p.thin !== false) ? storeUntrackedPreimages(ctx, m) : Promise.resolve()
  const indexing = Promise.all([
    started?.settled ?? [],
    Promise.allSettled(
      rest.map(async (p, k) => {
        if (p.thin !== false) await Promise.all([oldSideTree(ctx, p.entries, `old-index-${k}`), untracked])
        await indexPack(ctx, p, sources.length > 1)
      })
    )
  ]).then(([a, b]) => [...a, ...b])
  // The sizes of the removed preimages git holds already (those need no backup: see applyDelta),
  // looked up meanwhile unless the caller started that too.
  const removedSizes = started?.held ?? heldPreimages(ctx, m.entries)
  let found: Found = new Map()
  let bad: string[] | null = null
  let refused: unknown = null
  try {
    found = pathsClear(ctx, m)
    // A submodule's preimage is its commit, which only git can tell.
    if (!now && !m.entries.some(e => e.oldMode === '160000'))
      bad = await preimagesOnDisk(ctx, m, found, started?.hashed)
  } catch (err) {
    refused = err
  }
  // Nothing is left running, whichever fails.
  const [indexed, removed] = await Promise.all([indexing, removedSizes])
  const failed = indexed.find(r => r.status === 'rejected')
  if (refused) throw refused
  // A pack cut against a preimage this workspace lacks does not unpack: name the preimage.
  if (failed) throw bad?.length ? differs(bad) : failed.reason
  const news = written(m)
  const [blobs, have] = await Promise.all([
    readBlobs(ctx, [...new Set(news.filter(e => e.newMode === '120000').map(e => e.newSha))]),
    blobSizes(
      ctx,
      news.map(e => e.newSha)
    )
  ])
  for (const [sha, size] of removed) have.set(sha, size)
  const lacking = news.filter(e => !have.has(e.newSha)).map(e => e.path)
  if (lacking.length)
    throw new DeltaMismatchError(
      `the checkpoint lacks the content of ${lacking.slice(0, 10).join(', ')}`,
      lacking
    )
  for (const e of news) {
    if (e.newMode !== '120000') continue
    const problem = linkProblem(e.path, blobs.get(e.newSha)?.toString('utf8') ?? '')
    if (problem) throw new DeltaMismatchError(`the delta makes '${e.path}' a symlink ${problem}`, [e.path])
  }
  if (!bad) {
    const base = now ?? (await captureBase(ctx))
    bad = base.tree === m.base.tree ? [] : await preimagesInTree(ctx, m, base, found)
  }
  if (bad.length) throw differs(bad)
  return { sizes: have, found }
}

function differs(bad: string[]): DeltaMismatchError {
  return new DeltaMismatchError(
    `the workspace differs from what the checkpoint was made against at ${bad.length} path(s): ${bad.slice(0, 20).join(', ')}${bad.length > 20 ? ', …' : ''}`,
    bad
  )
}

/**
 * Stores the blobs of the preimages that the checkout does not track (a pack may be cut against
 * them: the capturing runner stored them with its base), through a scratch index.
 */
async function storeUntrackedPreimages(ctx: DeltaContext, m: DeltaManifest): Promise<void> {
  const olds = m.entries.filter(e => CONTENT_MODES.has(e.oldMode)).map(e => e.path)
  if (!olds.length) return
  const listed = await git(['ls-files', '-z', '--', '.'], { cwd: ctx.workspace })
  const tracked = new Set(listed.toString('utf8').split('\0'))
  const paths = olds.filter(p => !tracked.has(p))
  if (!paths.length) return
  const index = join(ctx.dir, 'untracked-index')
  await rm(index, { force: true })
  // A preimage that is not there is not stored; the check of every preimage names it.
  await git(['update-index', '--add', '-z', '--stdin'], {
    ...privateOpts(ctx, ctx.workspace, { indexFile: index }),
    input: paths.join('\0')
  }).catch(() => undefined)
  await rm(index, { force: true })
}

/** Packs being indexed into the private git directory, started before verifyDelta awaits them. */
export interface Indexing {
  packs: DeltaPack[]
  settled: Promise<PromiseSettledResult<void>[]>
  /** The removed preimages' sizes, when the caller looked them up already (see heldPreimages). */
  held?: Promise<Map<string, number>>
  /** Preimages the caller started hashing (see hashEarly). */
  hashed?: EarlyHashes
}

/**
 * The sizes of the blobs of the entries' removed preimages that git holds already, by id. One
 * that only a pack being indexed brings counts as not held (so it is backed up, not dropped), as
 * does every one when the look-up fails; so this never fails.
 */
export function heldPreimages(ctx: DeltaContext, entries: DeltaEntry[]): Promise<Map<string, number>> {
  const olds = new Set(entries.filter(e => e.newMode === '000000' && e.oldSha !== ZERO).map(e => e.oldSha))
  return blobSizes(ctx, [...olds]).catch(() => new Map<string, number>())
}

/**
 * Starts indexing the packs among `packs` that need no bases (cut whole), so that a caller can do
 * other work meanwhile: nothing of the workspace is read, and git checks every object it indexes.
 */
export function indexWholePacks(ctx: DeltaContext, packs: DeltaPack[], several = packs.length > 1): Indexing {
  const whole = packs.filter(p => p.thin === false)
  return { packs: whole, settled: Promise.allSettled(whole.map(p => indexPack(ctx, p, several))) }
}

/** Indexes one pack into the private git directory; one thread when several are indexed at once. */
async function indexPack(ctx: DeltaContext, p: DeltaPack, several: boolean): Promise<void> {
  if (p.idx && p.thin === false) return installPack(ctx, p.file, p.idx)
  await git(['index-pack', ...(several ? ['--threads=1'] : []), '--fix-thin', '--stdin'], {
    ...privateOpts(ctx, ctx.top),
    stdinFile: p.file
  }).catch((err: Error) => {
    throw new DeltaMismatchError(`the checkpoint's content does not unpack here: ${err.message}`, [])
  })
}

/**
 * Installs a pack cut whole and the index git wrote with it into the private git directory as
 * they are, once both passed their checksums: nothing is installed before. (git checks, as it
 * opens them, that the index is the pack's: both carry the pack's hash.) They are named as git
 * names a pack, by that hash, the index last (git finds a pack by its index).
 */
async function installPack(
  ctx: DeltaContext,
  file: string,
  idx: NonNullable<DeltaPack['idx']>
): Promise<void> {
  await idx.checked
  try {
    const dir = join(ctx.gitDir, 'objects', 'pack')
    await mkdir(dir, { recursive: true })
    const name = join(dir, `pack-${await packHash(file)}`)
    await copyFile(file, `${name}.pack`)
    await copyFile(idx.file, `${name}.idx`)
  } catch (err) {
    throw new DeltaMismatchError(
      `the checkpoint's content cannot be installed here: ${errorMessage(err)}`,
      []
    )
  }
}

/** The hash a pack ends with (SHA-1: the private git directory's object format), in hex. */
async function packHash(file: string): Promise<string> {
  const fh = await open(file, 'r')
  try {
    const { size } = await fh.stat()
    const tail = Buffer.alloc(20)
    if (size < 32 || (await fh.read(tail, 0, 20, size - 20)).bytesRead !== 20)
      throw new Error(`${file} is too short to be a pack`)
    return tail.toString('hex')
  } finally {
    await fh.close()
  }
}

/** What the entries' paths held when verifyDelta looked (null: nothing), by path. */
type Found = Map<string, Stats | null>

/**
 * What verifyDelta found, for applyDelta: the sizes of the new blobs and of the removed preimages
 * git holds, and what each entry's path held.
 */
export interface Verified {
  sizes: Map<string, number>
  found: Found
}

/** Entries whose preimage the workspace does not hold, read from the workspace's tree as captured. */
async function preimagesInTree(
  ctx: DeltaContext,
  m: DeltaManifest,
  base: DeltaBase,
  found: Found
): Promise<string[]> {
  const cur = await treeIndex(ctx, base.tree)
  const bad: string[] = []
  for (const e of m.entries) {
    const had = cur.get(e.path)
    if (e.oldSha === ZERO) {
      // Something there that the tree leaves out (an ignored file) is in the way too.
      if (had || found.get(e.path)) bad.push(e.path)
    } else if (!had || had[0] !== e.oldMode || had[1] !== e.oldSha) {
      bad.push(e.path)
    }
  }
  return bad
}

/**
 * Entries whose preimage the workspace does not hold, hashing only what is at their paths (taking
 * the ids `early` hashed for a path whose file is as it was then).
 */
async function preimagesOnDisk(
  ctx: DeltaContext,
  m: DeltaManifest,
  found: Found,
  early?: EarlyHashes
): Promise<string[]> {
  const hashed = early ? await early.ids : undefined
  const bad: string[] = []
  for (const e of m.entries) {
    const s = found.get(e.path) ?? null
    const then = hashed?.get(e.path)
    const id = s && then && sameFile(s, then.st) ? then.id : undefined
    const had = id ? ([s!.mode & 0o100 ? '100755' : '100644', id] as const) : onDisk(ctx.workspace, e.path, s)
    if (e.oldSha === ZERO ? had !== null : !had || had[0] !== e.oldMode || had[1] !== e.oldSha)
      bad.push(e.path)
  }
  return bad
}

/** Sizes of blobs by id, from one `cat-file --batch-check` (absent: git has no such blob). */
async function blobSizes(ctx: DeltaContext, shas: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (!shas.length) return out
  const listed = await catFile(ctx, '--batch-check', shas)
  for (const l of listed.toString('utf8').split('\n')) {
    const m = /^([0-9a-f]{40}) blob (\d+)$/.exec(l)
    if (m) out.set(m[1], Number(m[2]))
  }
  return out
}

/** git's id of a blob holding `parts`, `size` bytes in all. */
function blobId(size: number, parts: Iterable<Buffer>): string {
  const h = createHash('sha1').update(`blob ${size}\0`)
  for (const p of parts) h.update(p)
  return h.digest('hex')
}

/**
 * Mode and blob id of what the workspace holds at `rel`, as the private index stages it (bytes as
 * they are, the executable bit from the owner's), ['dir', ''] for a directory, null for nothing.
 */
function onDisk(workspace: string, rel: string, s: Stats | null): [string, string] | null {
  const abs = under(workspace, rel)
  if (!s) return null
  if (s.isSymbolicLink()) {
    const target = readlinkSync(abs, { encoding: 'buffer' })
    return ['120000', blobId(target.length, [target])]
  }
  if (!s.isFile()) return ['dir', '']
  return [s.mode & 0o100 ? '100755' : '100644', blobId(s.size, fileChunks(abs))]
}

/**
 * Refuses a delta whose writes this workspace's own files stand in the way of: a path reached
 * through a symlink (it could lead outside), through a file that the delta does not remove, or
 * that is a directory here. (git would remove such files and directories to write its own.)
 * Returns what each entry's path holds.
 */
function pathsClear(ctx: DeltaContext, m: DeltaManifest): Found {
  const goes = new Set([
    ...m.entries.filter(e => e.newMode === '000000').map(e => e.path),
    ...m.removedUntracked
  ])
  const seen = new Set<string>()
  const refuse = (p: string, why: string): never => {
    throw new DeltaMismatchError(`the delta writes '${p}', but ${why} in this workspace`, [p])
  }
  for (const p of [...m.entries.map(e => e.path), ...m.createdDirs, ...m.removedUntracked]) {
    for (let d = posix.dirname(p); d !== '.' && !seen.has(d); d = posix.dirname(d)) {
      seen.add(d)
      const s = lstatIfAny(under(ctx.workspace, d))
      if (s?.isSymbolicLink()) refuse(p, `'${d}' is a symlink`)
      if (s && !s.isDirectory() && !goes.has(d)) refuse(p, `'${d}' is a file`)
    }
  }
  const found: Found = new Map()
  // Synchronous look-ups: thousands of promises cost more than the calls.
  const listing = new Listing(ctx.workspace)
  for (const e of m.entries) {
    const s = listing.lstat(e.path) ?? null
    found.set(e.path, s)
    if (s?.isDirectory() && CONTENT_MODES.has(e.newMode)) refuse(e.path, 'it is a directory')
  }
  return found
}

/**
 * Applies a delta that verifyDelta accepted (its content is in the private git directory; pass
 * what it returned when nothing changed the workspace since), all or nothing: the new content
 * (written by git checkout-index with every filter off, so no LFS server or filter program is
 * needed, or by taking over a removed file: see reusable), the removals (pruning the directories
 * they empty, as git does), the created directories, the removals of untracked files; then checks
 * every changed path ended as the manifest says. Whatever fails on the way, the workspace is put
 * back as it was.
 */
export async function applyDelta(
  ctx: DeltaContext,
  m: DeltaManifest,
  verified?: Verified,
  /** Work of the caller's that needs nothing of the workspace, done while git writes the new content. */
  meanwhile?: () => void
): Promise<void> {
  const guard = new Rollback(ctx.workspace, join(ctx.dir, 'rollback'))
  try {
    const news = written(m)
    const sizes =
      verified?.sizes ??
      (await blobSizes(
        ctx,
        news.map(e => e.newSha)
      ))
    const removed = m.entries.filter(e => e.newMode === '000000')
    for (const e of m.entries) if (e.newMode !== '000000') guard.keep(e.path, verified?.found.get(e.path))
    for (const d of m.createdDirs) guard.keep(d)
    const made = [...news.map(e => e.path), ...m.createdDirs]
    // A preimage git holds (verifyDelta checked the bytes are its blob) is only unlinked: a
    // rollback writes it again from git. Any other is moved aside, the removal and its backup.
    const held = (e: DeltaEntry): boolean =>
      verified?.sizes.has(e.oldSha) === true && CONTENT_MODES.has(e.oldMode)
    // New files are made before the removals free their inodes where no path of one is on the
    // way to the other: ext4 passes over inodes freed moments ago (their table block not yet
    // written) when it allocates one, so making thousands of files in directories just emptied
    // of as many costs several times as much. For the same reason a removed file is renamed to a
    // new path and given its content where it can be (no inode is freed or allocated).
    const removeFirst = crosses(
      removed.map(e => e.path),
      news.map(e => e.path),
      m.createdDirs
    )
    const takenOver =
      removeFirst || !verified ? [] : reusable(news, removed.filter(held), verified.found, sizes)
    const moved = new Set(takenOver.map(t => t.from.path))
    const byGit = new Set(news)
    for (const t of takenOver) byGit.delete(t.to)
    const removeAll = async (): Promise<void> => {
      const gone = removed.filter(e => !moved.has(e.path))
      for (const e of gone) if (!held(e)) guard.remove(e.path)
      await guard.dropAll(gone.filter(held).map(e => ({ path: e.path, mode: e.oldMode, sha: e.oldSha })))
      pruneEmptied(
        ctx.workspace,
        removed.map(e => e.path),
        made
      )
    }
    if (removeFirst) await removeAll()
    await writeBlobs(
      ctx,
      [...byGit].map(e => ({ mode: e.newMode, sha: e.newSha, path: e.path })),
      'apply-index',
      async () => {
        meanwhile?.()
        await takeOver(ctx, guard, takenOver)
      },
      // The take-over keeps this thread busy meanwhile: a core less for git.
      takenOver.length ? Math.max(1, availableParallelism() - 1) : 0
    )
    if (!removeFirst) await removeAll()
    for (const d of m.createdDirs) await mkdir(join(ctx.workspace, d), { recursive: true })
    for (const p of m.removedUntracked) guard.remove(p)
    checkApplied(ctx, m, sizes)
  } catch (err) {
    try {
      await guard.rollback(dropped => writeBlobs(ctx, dropped, 'rollback-index'))
    } catch (undo) {
      throw new Error(
        `${errorMessage(err)}; putting the workspace back failed too (${errorMessage(undo)}); the saved files are in ${join(ctx.dir, 'rollback')}`,
        { cause: undo }
      )
    }
    throw new Error(`${errorMessage(err)}; the workspace was put back as the checkout made it`, {
      cause: err
    })
  }
  guard.commit()
}

/** A removed file that a new regular file takes over: `from` renamed to `to`, holding `st`. */
interface TakeOver {
  from: DeltaEntry
  to: DeltaEntry
  st: Stats
}

const REGULAR = new Set(['100644', '100755'])

/**
 * Pairs new regular files with removed ones that they can take over: a regular file here of one
 * link (so no other path shares its bytes), whose content git holds (a rollback writes it again),
 * and no longer than the new content (cutting a file short frees blocks, which costs more than a
 * new file). A removed file holding the new content already comes first (a rename, as in a plan
 * that moves files: nothing to write), then one in the same directory, then any.
 */
export function reusable(
  news: DeltaEntry[],
  removed: DeltaEntry[],
  found: Found,
  sizes: Map<string, number>
): TakeOver[] {
  const usable = removed.filter(e => {
    const st = found.get(e.path)
    return REGULAR.has(e.oldMode) && st?.isFile() === true && st.nlink === 1
  })
  if (!usable.length) return []
  const bySha = groupBy(usable, e => e.oldSha)
  const out: TakeOver[] = []
  const take = (from: DeltaEntry, to: DeltaEntry): void => {
    out.push({ from, to, st: found.get(from.path)! })
  }
  /** A file and its size: the removed one's now, the new one's blob's. */
  type Sized = { e: DeltaEntry; size: number }
  const rest: Sized[] = []
  for (const e of news) {
    if (!REGULAR.has(e.newMode)) continue
    const same = bySha.get(e.newSha)
    if (same?.length) take(same.pop()!, e)
    else rest.push({ e, size: sizes.get(e.newSha) ?? Infinity })
  }
  const bySize = (x: Sized, y: Sized): number => x.size - y.size
  // The most pairs of removed files no longer than the new ones: both by size, each new file the
  // smallest removed one left that fits. Returns what is left of each.
  const fit = (ns: Sized[], rs: Sized[]): [Sized[], Sized[]] => {
    ns.sort(bySize)
    rs.sort(bySize)
    const leftNew: Sized[] = []
    let k = 0
    for (const n of ns) {
      if (k < rs.length && rs[k].size <= n.size) take(rs[k++].e, n.e)
      else leftNew.push(n)
    }
    return [leftNew, rs.slice(k)]
  }
  // Within each directory first, then what is left of all of them.
  const dirOf = (x: Sized): string => posix.dirname(x.e.path)
  const spare = [...bySha.values()].flat().map(e => ({ e, size: found.get(e.path)!.size }))
  const spareByDir = groupBy(spare, dirOf)
  const leftNew: Sized[] = []
  const leftOld: Sized[] = []
  for (const [d, ns] of groupBy(rest, dirOf)) {
    const [n, r] = fit(ns, spareByDir.get(d) ?? [])
    spareByDir.delete(d)
    leftNew.push(...n)
    leftOld.push(...r)
  }
  for (const r of spareByDir.values()) leftOld.push(...r)
  fit(leftNew, leftOld)
  return out
}

/** `list` by `key`, each group in the list's order. */
function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const by = new Map<string, T[]>()
  for (const x of list) {
    const k = key(x)
    const group = by.get(k)
    if (group) group.push(x)
    else by.set(k, [x])
  }
  return by
}

/**
 * Renames each removed file to the new path that takes it over (noted in `guard`: a rollback
 * removes the new path and writes the old one again from git), sets its executable bit, and
 * writes the new content over the old where it differs, streamed from one `cat-file --batch`.
 */
async function takeOver(ctx: DeltaContext, guard: Rollback, list: TakeOver[]): Promise<void> {
  if (!list.length) return
  const dirs = new Set<string>()
  const content = new Map<string, { abs: string; size: number }[]>()
  for (const { from, to, st } of list) {
    const abs = under(ctx.workspace, to.path)
    const d = posix.dirname(to.path)
    if (d !== '.' && !dirs.has(d)) {
      mkdirSync(join(ctx.workspace, d), { recursive: true })
      dirs.add(d)
    }
    guard.moveDropped({ path: from.path, mode: from.oldMode, sha: from.oldSha }, to.path)
    const exec = to.newMode === '100755'
    if (exec !== ((st.mode & 0o100) !== 0)) {
      const perm = st.mode & 0o7777
      chmodSync(abs, exec ? perm | ((perm & 0o444) >> 2) : perm & ~0o111)
    }
    if (from.oldSha === to.newSha) continue
    const files = content.get(to.newSha)
    if (files) files.push({ abs, size: st.size })
    else content.set(to.newSha, [{ abs, size: st.size }])
  }
  if (content.size) await overwriteBlobs(ctx, content)
}

/**
 * Writes each blob of `targets` (sha → the files and their sizes now) over those files, as one
 * `cat-file --batch` streams the blobs (a blob is never held whole in memory): from the start, in
 * place, then cut to the blob's size where the file was longer. (Truncating to nothing first frees
 * every block to allocate it again, and even a truncation to the same size costs as much as the
 * write: several times the cost in all.)
 */
async function overwriteBlobs(
  ctx: DeltaContext,
  targets: Map<string, { abs: string; size: number }[]>
): Promise<void> {
  let head: Buffer[] = []
  const fds: number[] = []
  let longer: number[] = []
  // The current blob's size, and its bytes still to come with its newline (-1 between blobs).
  let size = 0
  let left = -1
  const closeAll = (): void => {
    for (const fd of fds.splice(0)) closeSync(fd)
  }
  try {
    await gitStream(
      ['cat-file', '--batch', '--buffer'],
      { ...privateOpts(ctx, ctx.top), input: [...targets.keys()].join('\n') + '\n' },
      d => {
        let at = 0
        while (at < d.length) {
          if (left < 0) {
            const nl = d.indexOf(0x0a, at)
            head.push(d.subarray(at, nl < 0 ? d.length : nl))
            if (nl < 0) return
            const line = Buffer.concat(head).toString('utf8')
            head = []
            at = nl + 1
            const [sha, type, bytes] = line.split(' ')
            const files = targets.get(sha)
            if (type !== 'blob' || bytes === undefined || !files)
              throw new Error(`git has no blob to write for '${line}'`)
            size = Number(bytes)
            longer = []
            for (const f of files) {
              const fd = openSync(f.abs, constants.O_WRONLY | constants.O_NOFOLLOW)
              fds.push(fd)
              if (f.size > size) longer.push(fd)
            }
            left = size + 1
            continue
          }
          const n = Math.min(left, d.length - at)
          const body = d.subarray(at, at + (n === left ? n - 1 : n))
          const offset = size + 1 - left
          for (const fd of fds)
            for (let k = 0; k < body.length;) k += writeSync(fd, body, k, body.length - k, offset + k)
          left -= n
          at += n
          if (left === 0) {
            for (const fd of longer) ftruncateSync(fd, size)
            closeAll()
            left = -1
          }
        }
      }
    )
    if (left !== -1) throw new Error('git cat-file ended in the middle of a blob')
  } finally {
    closeAll()
  }
}

/**
 * Whether the removals must come first: a removed path is a written file or a created directory,
 * or on the way to one, or inside a written file, case and Unicode normalisation aside (on a file
 * system that ignores them, those are one path). (A removed file inside a directory the delta
 * creates is not: that directory is there already, or made around it.)
 */
export function crosses(removed: string[], files: string[], dirs: string[]): boolean {
  if (!removed.length || (!files.length && !dirs.length)) return false
  const fold = (p: string): string => p.normalize('NFC').toLowerCase()
  const gone = new Set(removed.map(fold))
  for (const p of [...files, ...dirs])
    for (let d = fold(p); d !== '.'; d = posix.dirname(d)) if (gone.has(d)) return true
  const written = new Set(files.map(fold))
  for (const r of gone)
    for (let d = posix.dirname(r); d !== '.'; d = posix.dirname(d)) if (written.has(d)) return true
  return false
}

/**
 * Removes the directories that the removal of `removed` left empty, deepest first (as git does),
 * except those that what is written next goes into.
 */
function pruneEmptied(root: string, removed: string[], next: string[]): void {
  const ancestors = (paths: string[]): Set<string> => {
    const dirs = new Set<string>()
    for (const p of paths) {
      for (let d = posix.dirname(p); d !== '.' && !dirs.has(d); d = posix.dirname(d)) dirs.add(d)
    }
    return dirs
  }
  const kept = ancestors(next)
  for (const d of next) kept.add(d)
  const dirs = [...ancestors(removed)].filter(d => !kept.has(d))
  for (const d of dirs.sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(root, d))
    } catch {
      // not empty, or already gone
    }
  }
}

/**
 * Writes blobs (modes, symlinks) at their paths in the work tree, by git through a scratch index,
 * while `meanwhile` runs (always called, also when there is nothing to write; what either throws is
 * thrown once both are done).
 */
async function writeBlobs(
  ctx: DeltaContext,
  items: { mode: string; sha: string; path: string }[],
  scratch: string,
  meanwhile?: () => Promise<void>,
  /** git's checkout workers: 0 for one per core, 1 for none (see checkoutBlobs). */
  workers = 0
): Promise<void> {
  const writing = items.length ? checkoutBlobs(ctx, items, scratch, workers) : Promise.resolve()
  const [wrote, other] = await Promise.allSettled([writing, (async () => meanwhile?.())()])
  if (wrote.status === 'rejected') throw wrote.reason
  if (other.status === 'rejected') throw other.reason
}

async function checkoutBlobs(
  ctx: DeltaContext,
  items: { mode: string; sha: string; path: string }[],
  scratch: string,
  workers: number
): Promise<void> {
  const index = join(ctx.dir, scratch)
  await rm(index, { force: true })
  const opts = privateOpts(ctx, ctx.top, { indexFile: index })
  await git(['update-index', '-z', '--index-info'], {
    ...opts,
    input: items.map(e => `${e.mode} ${e.sha}\t${topPath(ctx, e.path)}\0`).join('')
  })
  // Creating files dominates here (half a millisecond each on a busy disk): workers, one per core
  // that is free, create them side by side (git 2.32+; an older git ignores the setting). With one
  // core free, git's own process is quicker alone (workers cost their start and their pipes).
  const config = {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'checkout.workers',
    GIT_CONFIG_VALUE_0: String(workers)
  }
  await git(['checkout-index', '-f', '-z', '--stdin'], {
    ...opts,
    env: { ...opts.env, ...config },
    input: items.map(e => `${topPath(ctx, e.path)}\0`).join('')
  })
  await rm(index, { force: true })
}

/**
 * Every changed path is as the manifest says after applying: a removed path is gone; a written one
 * is of the kind its mode says (file or symlink, executable or not) and of its blob's size (git
 * wrote the bytes of a blob it had verified), and no two written paths are one file (as on a
 * filesystem that folds case).
 */
function checkApplied(ctx: DeltaContext, m: DeltaManifest, sizes: Map<string, number>): void {
  const wrong: string[] = []
  const files = new Map<string, string>()
  // A removed file may be a directory now, one that the delta writes into or creates.
  let dirs: Set<string> | undefined
  const madeDir = (p: string): boolean => {
    dirs ??= new Set([
      ...m.createdDirs,
      ...written(m).flatMap(e => {
        const up: string[] = []
        for (let d = posix.dirname(e.path); d !== '.'; d = posix.dirname(d)) up.push(d)
        return up
      })
    ])
    return dirs.has(p)
  }
  const listing = new Listing(ctx.workspace)
  for (const e of m.entries) {
    if (e.newMode === '160000') continue
    const s = listing.lstat(e.path)
    if (e.newSha === ZERO) {
      if (s && !(s.isDirectory() && madeDir(e.path))) wrong.push(`'${e.path}' is still there`)
      continue
    }
    const kind =
      e.newMode === '120000'
        ? s?.isSymbolicLink()
        : s?.isFile() && (e.newMode === '100755') === !!(s.mode & 0o100)
    if (!s || !kind || s.size !== sizes.get(e.newSha)) {
      wrong.push(
        `'${e.path}' is not the ${e.newMode} blob ${e.newSha.slice(0, 12)} of ${sizes.get(e.newSha)} bytes`
      )
      continue
    }
    const id = `${s.dev}:${s.ino}`
    const other = files.get(id)
    if (other !== undefined) wrong.push(`'${e.path}' and '${other}' are one file here`)
    files.set(id, e.path)
  }
  if (wrong.length) {
    throw new Error(
      `after applying the delta, ${wrong.length} path(s) differ: ${wrong.slice(0, 10).join(', ')}${wrong.length > 10 ? ', …' : ''}`
    )
  }
}
