import { chmod, copyFile, rename, rm, stat, utimes } from 'node:fs/promises'
import { dirname, join, posix, resolve } from 'node:path'
import { git } from './git.js'
import { openPrivateGit, privateOpts, type PrivateGit } from './private-git.js'
import { lstatIfAny } from './rollback.js'

export const ZERO = '0000000000000000000000000000000000000000'

/** The workspace as an attempt found it: the tree every delta of that attempt is made against. */
export interface DeltaBase {
  /** Tree object of the workspace's repository (with the workspace's untracked, unignored files). */
  tree: string
  /** The commit checked out, or null in a repository without commits. */
  head: string | null
}

/** One changed path, as git sees it (paths relative to the workspace). */
export interface DeltaEntry {
  path: string
  oldMode: string
  newMode: string
  oldSha: string
  newSha: string
}

/** Describes a delta: what it was made against, what it changes, what it leaves behind. */
export interface DeltaManifest {
  base: DeltaBase
  /** Tree after the changes; entries' new side is checked against the workspace after applying. */
  tree: string
  entries: DeltaEntry[]
  /** Directories operations created (git does not track empty ones). */
  createdDirs: string[]
  /** Paths operations removed that git did not track (ignored files): removed again on apply. */
  removedUntracked: string[]
  /** Size of the pack that carries the new content. */
  packBytes: number
  /**
   * False when the pack holds every object its deltas are made against (it was cut whole, or git
   * made no deltas), so a restore makes no bases for it. Absent (checkpoints of earlier versions)
   * or true: its deltas may be made against the old side's objects, which a restore makes first.
   */
  packThin?: boolean
}

/** The delta cannot be applied to this workspace; nothing was changed. */
export class DeltaMismatchError extends Error {
  constructor(
    message: string,
    readonly paths: string[]
  ) {
    super(message)
  }
}

/** The workspace and the private git directory its deltas are taken with. */
export interface DeltaContext extends PrivateGit {
  workspace: string
}

/** Finds the git work tree around `workspace` and prepares the private git directory in `dir`; throws when there is no work tree. */
export async function deltaContext(workspace: string, dir: string): Promise<DeltaContext> {
  const ws = resolve(workspace)
  return { workspace: ws, ...(await openPrivateGit(ws, dir)) }
}

/**
 * `git add` that writes new content into one pack per call (git's bulk check-in, for every file
 * over a byte) instead of a loose object per file: one file created instead of thousands, and
 * the delta's pack then copies the compressed objects as they are.
 */
const ADD = ['-c', 'core.bigFileThreshold=1', '-c', 'pack.compression=1', 'add']

/**
 * glibc's allocator settings for the bulk check-in (see ADD): git starts a zlib stream per file,
 * about 256 KiB of state freed when the file is done, and glibc gives the top of its heap back to
 * the kernel whenever that much is free, so each file faults the same pages in afresh: a third of
 * the time of an add of 1,000 small files. Above those sizes, glibc keeps them. Other C libraries
 * ignore these variables; where the user set one, theirs is kept.
 */
function addEnv(): NodeJS.ProcessEnv {
  return {
    MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? String(64 << 20),
    MALLOC_TOP_PAD_: process.env.MALLOC_TOP_PAD_ ?? String(1 << 20)
  }
}

/**
 * Stages the workspace's bytes as they are into the private index, through bulk check-in (see
 * ADD), incrementally: only files whose stat data changed are hashed (and those git takes for
 * racily clean: see refreshIndex).
 */
export async function stage(ctx: DeltaContext, touched: string[] = []): Promise<string> {
  const here = privateOpts(ctx, ctx.workspace, { env: addEnv() })
  await git([...ADD, '-A', '--', '.'], here)
  const forced = await ignoredAmong(ctx, touched)
  if (forced.length) {
    // Paths operations touched are captured even where .gitignore matches them.
    await git([...ADD, '-f', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], {
      ...here,
      input: forced.join('\0'),
      env: { ...here.env, GIT_LITERAL_PATHSPECS: '1' }
    })
  }
  return (await git(['write-tree', '--missing-ok'], here)).toString('utf8').trim()
}

/**
 * The paths among `paths` (existing, just staged with `add -A`) that git left out, i.e. that
 * .gitignore matches: only those need `git add -f`. Read from the index, which is fast; asking
 * `check-ignore` or passing every touched path to `add -f` costs seconds at 10,000 paths.
 */
async function ignoredAmong(ctx: DeltaContext, paths: string[]): Promise<string[]> {
  if (!paths.length) return []
  const listed = await git(['ls-files', '-z'], privateOpts(ctx, ctx.workspace))
  const known = new Set<string>()
  for (const f of listed.toString('utf8').split('\0')) {
    if (!f) continue
    // A directory counts as staged when any file under it is.
    for (let p = f; p !== '.' && !known.has(p); p = posix.dirname(p)) known.add(p)
  }
  return paths.filter(p => !known.has(p))
}

/**
 * Captures the base: the workspace's bytes as the checkout made them, hashed afresh into the
 * private index (the checkout's own index holds what git's filters made of them: LFS pointers,
 * normalised line endings). Files the checkout tracks are taken even where .gitignore matches.
 * Their contents are only hashed, not stored (a checkpoint carries new content only, and a pack
 * is cut against old content only where the checkout's own objects hold it).
 *
 * Every file is hashed once. Right after a checkout, the index just written is in the second its
 * files were, so git takes each entry for racily clean and hashes its file again whenever it
 * reads or writes that index (see refreshIndex): so the untracked files are listed without it
 * (`ls-files -o`) and added by name (only when there are many, by `add -A` over the workspace),
 * and the tree is written from a copy.
 */
export async function captureBase(ctx: DeltaContext): Promise<DeltaBase> {
  await rm(ctx.indexFile, { force: true })
  const here = privateOpts(ctx, ctx.workspace)
  const tracked = trackedFiles(await git(['ls-files', '-z', '-s', '--', '.'], { cwd: ctx.workspace }))
  if (tracked.length) {
    const stage = (paths: string[]): Promise<Buffer> =>
      git(['update-index', '--add', '--remove', '--info-only', '-z', '--stdin'], {
        ...here,
        input: paths.join('\0')
      })
    await stage(tracked).catch(async (err: unknown) => {
      // git refuses a tracked path that is a directory now (an earlier step made it one): it is
      // left out, and the files in it are untracked ones, added below.
      const kept = tracked.filter(p => !lstatIfAny(join(ctx.workspace, p))?.isDirectory())
      if (kept.length === tracked.length) throw err
      if (kept.length) await stage(kept)
    })
  }
  // What `add -A` adds besides: files that neither the checkout tracks nor .gitignore matches
  // (and repositories inside the work tree, as gitlinks), found by names alone.
  const others = (await git(['ls-files', '-z', '-o', '--exclude-standard'], here))
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
  if (others.length > FEW_PATHSPECS) {
    // git matches every path against every pathspec: past a few, all of them at once.
    await git(['add', '-A', '--', '.'], here)
  } else if (others.length) {
    await git(['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], {
      ...here,
      input: others.join('\0'),
      env: { ...here.env, GIT_LITERAL_PATHSPECS: '1' }
    })
  }
  const tree = await treeOfCopy(ctx)
  let head: string | null
  try {
    head =
      (await git(['rev-parse', '--verify', '-q', 'HEAD'], { cwd: ctx.top })).toString('utf8').trim() || null
  } catch {
    head = null
  }
  return { tree, head }
}

/** How many paths the base's stage of untracked files names one by one (see captureBase). */
const FEW_PATHSPECS = 100

/**
 * The tree of the private index, written from a copy dated a day ahead. Writing an index, git
 * re-hashes every entry it takes for racily clean (changed in the second the index was read
 * from), only to mark the stat data of any that changed as untrustworthy; in the copy none is
 * racy, and its stat data is never compared again. The tree is the entries' object ids either way.
 */
async function treeOfCopy(ctx: DeltaContext): Promise<string> {
  const copy = join(ctx.dir, 'tree-index')
  await rm(copy, { force: true })
  if (await stat(ctx.indexFile).catch(() => null)) {
    await copyFile(ctx.indexFile, copy)
    const ahead = new Date(Date.now() + 86_400_000)
    await utimes(copy, ahead, ahead)
  }
  const tree = (
    await git(['write-tree', '--missing-ok'], privateOpts(ctx, ctx.workspace, { indexFile: copy }))
  )
    .toString('utf8')
    .trim()
  await rm(copy, { force: true })
  return tree
}

/**
 * When the second the private index was written in is over: checks its racily clean entries
 * (files changed in that second, as every file is right after a checkout) against their files
 * once, and writes the index again, so that later stages trust their stat data. Without this,
 * every later stage hashes each of them again, and a capture's bulk check-in (see ADD)
 * compresses each one as it does. This is git's own check (`update-index --refresh`), safe while
 * operations change files: an entry whose file changed keeps its old stat data. It works on a
 * copy dated as the index is (to the second's start: git then takes at least as many entries for
 * racy), which replaces the index only when it is done, so a process that ends meanwhile leaves
 * the index as it was and unlocked. Returns false, doing nothing, while that second lasts (an
 * index written in it would be racy again). The caller keeps other stages off the index meanwhile.
 */
export async function refreshIndex(ctx: DeltaContext): Promise<boolean> {
  const written = await stat(ctx.indexFile).catch(() => null)
  if (!written || Date.now() < refreshDue(written.mtimeMs)) return false
  const copy = join(ctx.dir, 'refresh-index')
  await rm(copy, { force: true })
  await copyFile(ctx.indexFile, copy)
  const dated = new Date(Math.floor(written.mtimeMs / 1000) * 1000)
  await utimes(copy, dated, dated)
  await git(['update-index', '-q', '--refresh', '--force-write-index'], {
    ...privateOpts(ctx, ctx.top, { indexFile: copy }),
    okCodes: [1]
  })
  await rename(copy, ctx.indexFile)
  return true
}

/** When an index written at `mtimeMs` is worth refreshing: just after the next second begins (with a margin for the file system's coarse clock). */
export function refreshDue(mtimeMs: number): number {
  return (Math.floor(mtimeMs / 1000) + 1) * 1000 + 20
}

/** Paths of `ls-files -s -z` output, once each, without submodules (git adds those as it finds them). */
function trackedFiles(raw: Buffer): string[] {
  const out: string[] = []
  for (const rec of raw.toString('utf8').split('\0')) {
    const tab = rec.indexOf('\t')
    if (tab < 0 || rec.startsWith('160000 ') || !rec.slice(0, tab).endsWith(' 0')) continue
    out.push(rec.slice(tab + 1))
  }
  return out
}

function parseRaw(raw: Buffer): DeltaEntry[] {
  const parts = raw.toString('utf8').split('\0')
  const out: DeltaEntry[] = []
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const m = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}) ([0-9a-f]{40}) [A-Z]\d*$/.exec(parts[i])
    if (!m) throw new Error(`unexpected git diff output: ${parts[i].slice(0, 80)}`)
    out.push({ oldMode: m[1], newMode: m[2], oldSha: m[3], newSha: m[4], path: parts[i + 1] })
  }
  return out
}

/** Modes a delta carries as content: regular files, executables, symlinks. */
export const CONTENT_MODES = new Set(['100644', '100755', '120000'])

/** Fixed identity and time for the two commits a pack is cut between (never shown anywhere). */
const COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'bulk-ops',
  GIT_AUTHOR_EMAIL: 'bulk-ops@localhost',
  GIT_AUTHOR_DATE: '1970-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'bulk-ops',
  GIT_COMMITTER_EMAIL: 'bulk-ops@localhost',
  GIT_COMMITTER_DATE: '1970-01-01T00:00:00Z'
}

/**
 * A tree holding `side` of the entries (their old or new content, at their paths from the top of
 * the work tree), written through a scratch index.
 */
async function sideTree(
  ctx: DeltaContext,
  entries: DeltaEntry[],
  side: 'old' | 'new',
  scratch = `${side}-index`
): Promise<string> {
  const index = join(ctx.dir, scratch)
  await rm(index, { force: true })
  const opts = privateOpts(ctx, ctx.top, { indexFile: index })
  const lines = entries
    .filter(e => CONTENT_MODES.has(side === 'old' ? e.oldMode : e.newMode))
    .map(
      e =>
        `${side === 'old' ? e.oldMode : e.newMode} ${side === 'old' ? e.oldSha : e.newSha}\t${topPath(ctx, e.path)}\0`
    )
  if (lines.length) await git(['update-index', '-z', '--index-info'], { ...opts, input: lines.join('') })
  const tree = (await git(['write-tree', '--missing-ok'], opts)).toString('utf8').trim()
  await rm(index, { force: true })
  return tree
}

export function topPath(ctx: DeltaContext, rel: string): string {
  return ctx.prefix ? `${ctx.prefix}/${rel}` : rel
}

/**
 * The tree of the entries' old sides, the bases a delta's pack is cut against. The pack is thin,
 * so its objects may be deltas against this tree's objects, which only the capturing runner had
 * as trees: a restore makes them again first (the same entries give the same trees), so every
 * base of the pack is there when it is indexed.
 */
export async function oldSideTree(
  ctx: DeltaContext,
  entries: DeltaEntry[],
  /** Name of the scratch index, for several made at once. */
  scratch?: string
): Promise<string> {
  return sideTree(ctx, entries, 'old', scratch)
}

/** A commit of the entries' old sides (see oldSideTree), which the pack's new side is cut against. */
async function oldSideCommit(ctx: DeltaContext, entries: DeltaEntry[]): Promise<string> {
  const opts = privateOpts(ctx, ctx.top, { env: COMMIT_ENV })
  const env = { ...opts.env, ...COMMIT_ENV }
  const tree = await oldSideTree(ctx, entries)
  return (await git(['commit-tree', tree], { ...opts, env, input: 'old side\n' })).toString('utf8').trim()
}

/**
 * Writes the new content of the entries into `packFile`: a thin git pack of a commit whose tree
 * holds every changed path's new side, cut against one holding their old sides. The pack carries
 * each new blob once (no reverse image, unlike a binary patch), as a delta against the path's old
 * content where that is smaller; those bases are exactly the preimages a restore verifies first.
 * Cut whole (`thin` false), it carries every base its deltas need, and git writes its index
 * beside it into `idxFile` as it writes the pack (it knows every object's id and offset then): a
 * merge or restore installs the two as they are instead of indexing the pack again (a thin pack
 * cannot be: git completes it from the bases as it indexes it). Returns whether it is thin: cut
 * thin and with deltas, by git's summary (thin when git gave none).
 */
async function packNewSide(
  ctx: DeltaContext,
  entries: DeltaEntry[],
  packFile: string,
  thin: boolean,
  idxFile: string
): Promise<boolean> {
  const opts = privateOpts(ctx, ctx.top, { env: COMMIT_ENV })
  const env = { ...opts.env, ...COMMIT_ENV }
  let before: string
  let after: string
  if (thin) {
    // A thin pack's bases are the trees of the commits it excludes: it is cut between commits.
    const [old, tree] = await Promise.all([oldSideCommit(ctx, entries), sideTree(ctx, entries, 'new')])
    before = old
    after = (await git(['commit-tree', '-p', before, tree], { ...opts, env, input: 'new side\n' }))
      .toString('utf8')
      .trim()
  } else {
    // Cut whole, between the trees themselves.
    ;[before, after] = await Promise.all([oldSideTree(ctx, entries), sideTree(ctx, entries, 'new')])
  }
  const args = [
    '-c',
    'pack.compression=1',
    '-c',
    'pack.writeReverseIndex=false',
    'pack-objects',
    '--revs',
    '--window=1'
  ]
  const input = `${after}\n^${before}\n`
  if (!thin) {
    // Into files named `<base>-<the pack's hash>.pack` and `.idx` (no reverse index).
    const named = join(dirname(packFile), 'new-side')
    const hash = (await git([...args, named], { ...opts, input })).toString('utf8').trim()
    if (!/^[0-9a-f]{40,64}$/.test(hash))
      throw new Error(`git pack-objects named no pack: '${hash.slice(0, 80)}'`)
    // git makes them read-only; they are files of a checkpoint like the others.
    for (const [from, to] of [
      [`${named}-${hash}.pack`, packFile],
      [`${named}-${hash}.idx`, idxFile]
    ]) {
      await chmod(from, 0o644)
      await rename(from, to)
    }
    return false
  }
  let deltas: number | null = null
  // --progress for the summary it ends with: "Total <objects> (delta <deltas>), …" (LC_ALL=C).
  await git([...args, '--thin', '--stdout', '--progress'], {
    ...opts,
    input,
    stdoutFile: packFile,
    onStderrTail: tail => {
      const m = /(?:^|[\r\n])Total \d+ \(delta (\d+)\)/.exec(tail)
      if (m) deltas = Number(m[1])
    }
  })
  return deltas !== 0
}

/**
 * Captures every change since `base`, its new content into `packFile` (see packNewSide; cut whole
 * with `whole`, for a shard's final result: the merge then makes no bases), and returns its manifest. `touched` are workspace-relative paths operations acted on; `createdDirs`
 * the directories they created. Cost follows what changed: the private index keeps stat data.
 */
export async function captureDelta(
  ctx: DeltaContext,
  base: DeltaBase,
  touched: Iterable<string>,
  createdDirs: Iterable<string>,
  packFile: string,
  whole = false,
  /** Where a pack cut whole gets its index (see packNewSide): beside it, `.idx` for `.pack`. */
  idxFile = packFile.replace(/(\.pack)?$/, '.idx')
): Promise<DeltaManifest> {
  const present: string[] = []
  const absent: string[] = []
  // Synchronous lstat: thousands of awaited calls cost more than the calls themselves.
  for (const p of new Set(touched)) (lstatIfAny(join(ctx.workspace, p)) ? present : absent).push(p)
  const tree = await stage(ctx, present)
  const entries = parseRaw(
    await git(
      ['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--relative', base.tree, tree],
      privateOpts(ctx, ctx.workspace)
    )
  )
  const thin = await packNewSide(ctx, entries, packFile, !whole, idxFile)
  const inDelta = new Set(entries.map(e => e.path))
  const removedUntracked = absent.filter(p => !inDelta.has(p))
  // Directories git cannot carry: those operations created, and those that removals left
  // behind (a restore prunes directories its removals empty, as git does).
  const candidates = new Set(createdDirs)
  for (const p of [...entries.filter(e => e.newSha === ZERO).map(e => e.path), ...removedUntracked]) {
    for (let d = posix.dirname(p); d !== '.' && !candidates.has(d); d = posix.dirname(d)) candidates.add(d)
  }
  const dirs: string[] = []
  for (const d of candidates) if (lstatIfAny(join(ctx.workspace, d))?.isDirectory()) dirs.push(d)
  return {
    base,
    tree,
    entries,
    createdDirs: dirs.sort(),
    removedUntracked: removedUntracked.sort(),
    packBytes: (await stat(packFile)).size,
    packThin: thin
  }
}

/** Mode and blob of every path in a tree, under the workspace. */
export async function treeIndex(ctx: DeltaContext, tree: string): Promise<Map<string, [string, string]>> {
  const out = new Map<string, [string, string]>()
  const raw = await git(['ls-tree', '-r', '-z', tree], privateOpts(ctx, ctx.workspace))
  for (const rec of raw.toString('utf8').split('\0')) {
    if (!rec) continue
    const tab = rec.indexOf('\t')
    const [mode, , sha] = rec.slice(0, tab).split(' ')
    out.set(rec.slice(tab + 1), [mode, sha])
  }
  return out
}

/** Entries whose new side is content to write (not a removal, not a submodule). */
export function written(m: DeltaManifest): DeltaEntry[] {
  return m.entries.filter(e => CONTENT_MODES.has(e.newMode))
}
