import { lstat, mkdir, rm, rmdir, stat } from 'node:fs/promises'
import { join, posix, resolve } from 'node:path'
import { pathProblem, normalizeRel } from '../plan/paths.js'
import { git } from './git.js'
import { errorMessage } from '../errors.js'
import { openPrivateGit, privateOpts, type PrivateGit } from './private-git.js'
import { Rollback } from './rollback.js'

const ZERO = '0000000000000000000000000000000000000000'

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

/** Stages the workspace's bytes as they are into the private index (incrementally: only changed files are hashed). */
async function stage(ctx: DeltaContext, touched: string[] = []): Promise<string> {
  const here = privateOpts(ctx, ctx.workspace)
  await git(['add', '-A', '--', '.'], here)
  const forced = await ignoredAmong(ctx, touched)
  if (forced.length) {
    // Paths operations touched are captured even where .gitignore matches them.
    await git(['add', '-f', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], {
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
 */
export async function captureBase(ctx: DeltaContext): Promise<DeltaBase> {
  await rm(ctx.indexFile, { force: true })
  const tracked = trackedFiles(await git(['ls-files', '-z', '-s', '--', '.'], { cwd: ctx.workspace }))
  if (tracked.length) {
    await git(['update-index', '--add', '--remove', '--info-only', '-z', '--stdin'], {
      ...privateOpts(ctx, ctx.workspace),
      input: tracked.join('\0')
    })
  }
  const tree = await stage(ctx)
  let head: string | null
  try {
    head =
      (await git(['rev-parse', '--verify', '-q', 'HEAD'], { cwd: ctx.top })).toString('utf8').trim() || null
  } catch {
    head = null
  }
  return { tree, head }
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

async function exists(p: string): Promise<boolean> {
  return (await lstat(p).catch(() => null)) !== null
}

/** Modes a delta carries as content: regular files, executables, symlinks. */
const CONTENT_MODES = new Set(['100644', '100755', '120000'])

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
async function sideTree(ctx: DeltaContext, entries: DeltaEntry[], side: 'old' | 'new'): Promise<string> {
  const index = join(ctx.dir, `${side}-index`)
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

function topPath(ctx: DeltaContext, rel: string): string {
  return ctx.prefix ? `${ctx.prefix}/${rel}` : rel
}

/**
 * Writes the new content of the entries into `packFile`: a thin git pack of a commit whose tree
 * holds every changed path's new side, cut against one holding their old sides. The pack carries
 * each new blob once (no reverse image, unlike a binary patch), as a delta against the path's old
 * content where that is smaller; those bases are exactly the preimages a restore verifies first.
 */
async function packNewSide(ctx: DeltaContext, entries: DeltaEntry[], packFile: string): Promise<void> {
  const opts = privateOpts(ctx, ctx.top, { env: COMMIT_ENV })
  const env = { ...opts.env, ...COMMIT_ENV }
  const before = (
    await git(['commit-tree', await sideTree(ctx, entries, 'old')], { ...opts, env, input: 'old side\n' })
  )
    .toString('utf8')
    .trim()
  const after = (
    await git(['commit-tree', '-p', before, await sideTree(ctx, entries, 'new')], {
      ...opts,
      env,
      input: 'new side\n'
    })
  )
    .toString('utf8')
    .trim()
  await git(
    ['-c', 'pack.compression=1', 'pack-objects', '--revs', '--thin', '--window=1', '--stdout', '-q'],
    {
      ...opts,
      input: `${after}\n^${before}\n`,
      stdoutFile: packFile
    }
  )
}

/**
 * Captures every change since `base`, its new content into `packFile` (see packNewSide), and
 * returns its manifest. `touched` are workspace-relative paths operations acted on; `createdDirs`
 * the directories they created. Cost follows what changed: the private index keeps stat data.
 */
export async function captureDelta(
  ctx: DeltaContext,
  base: DeltaBase,
  touched: Iterable<string>,
  createdDirs: Iterable<string>,
  packFile: string
): Promise<DeltaManifest> {
  const present: string[] = []
  const absent: string[] = []
  for (const p of new Set(touched)) ((await exists(join(ctx.workspace, p))) ? present : absent).push(p)
  const tree = await stage(ctx, present)
  const entries = parseRaw(
    await git(
      ['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--relative', base.tree, tree],
      privateOpts(ctx, ctx.workspace)
    )
  )
  await packNewSide(ctx, entries, packFile)
  const inDelta = new Set(entries.map(e => e.path))
  const removedUntracked = absent.filter(p => !inDelta.has(p))
  // Directories git cannot carry: those operations created, and those that removals left
  // behind (a restore prunes directories its removals empty, as git does).
  const candidates = new Set(createdDirs)
  for (const p of [...entries.filter(e => e.newSha === ZERO).map(e => e.path), ...removedUntracked]) {
    for (let d = posix.dirname(p); d !== '.' && !candidates.has(d); d = posix.dirname(d)) candidates.add(d)
  }
  const dirs: string[] = []
  for (const d of candidates) {
    const s = await lstat(join(ctx.workspace, d)).catch(() => null)
    if (s?.isDirectory()) dirs.push(d)
  }
  return {
    base,
    tree,
    entries,
    createdDirs: dirs.sort(),
    removedUntracked: removedUntracked.sort(),
    packBytes: (await stat(packFile)).size
  }
}

/** Mode and blob of every path in a tree, under the workspace. */
async function treeIndex(ctx: DeltaContext, tree: string): Promise<Map<string, [string, string]>> {
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

/** Why a symlink at `path` pointing to `target` is unsafe, or null. */
function linkProblem(path: string, target: string): string | null {
  if (target.includes('\0') || target === '') return 'with an unreadable target'
  if (target.startsWith('/')) return `pointing to the absolute path '${target}'`
  const resolved = posix.normalize(posix.join(posix.dirname(path), target))
  if (resolved === '..' || resolved.startsWith('../')) return `pointing outside the workspace ('${target}')`
  if (resolved.split('/').some(s => s.toLowerCase() === '.git')) return `pointing into .git ('${target}')`
  return null
}

/** Reads blobs with one `cat-file --batch`: sha → content (absent when git has no such blob). */
async function readBlobs(ctx: DeltaContext, shas: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  if (!shas.length) return out
  const raw = await git(['cat-file', '--batch'], {
    ...privateOpts(ctx, ctx.top),
    input: shas.join('\n') + '\n'
  })
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

/** Entries whose new side is content to write (not a removal, not a submodule). */
function written(m: DeltaManifest): DeltaEntry[] {
  return m.entries.filter(e => CONTENT_MODES.has(e.newMode))
}

/**
 * Checks a delta from elsewhere against this workspace before anything in it changes: every path
 * safe and reached through directories only, the pack indexed into the private git directory
 * (git checks each object's hash as it does), every new content present, every symlink safe,
 * and every preimage as the delta expects. Throws DeltaMismatchError naming the paths at fault.
 */
export async function verifyDelta(
  ctx: DeltaContext,
  now: DeltaBase,
  m: DeltaManifest,
  packFile: string
): Promise<void> {
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
  await pathsClear(ctx, m)
  await git(['index-pack', '--fix-thin', '--stdin'], {
    ...privateOpts(ctx, ctx.top),
    stdinFile: packFile
  }).catch((err: Error) => {
    throw new DeltaMismatchError(`the checkpoint's content does not unpack here: ${err.message}`, [])
  })
  const news = written(m)
  const blobs = await readBlobs(ctx, [
    ...new Set(news.filter(e => e.newMode === '120000').map(e => e.newSha))
  ])
  const present = await git(['cat-file', '--batch-check'], {
    ...privateOpts(ctx, ctx.top),
    input: news.map(e => e.newSha).join('\n') + '\n'
  })
  const have = new Set(
    present
      .toString('utf8')
      .split('\n')
      .filter(l => /^[0-9a-f]{40} blob \d+$/.test(l))
      .map(l => l.slice(0, 40))
  )
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
  if (now.tree === m.base.tree) return
  const cur = await treeIndex(ctx, now.tree)
  const bad: string[] = []
  for (const e of m.entries) {
    const had = cur.get(e.path)
    if (e.oldSha === ZERO) {
      if (had || (await exists(join(ctx.workspace, e.path)))) bad.push(e.path)
    } else if (!had || had[0] !== e.oldMode || had[1] !== e.oldSha) {
      bad.push(e.path)
    }
  }
  if (bad.length) {
    throw new DeltaMismatchError(
      `the workspace differs from what the checkpoint was made against at ${bad.length} path(s): ${bad.slice(0, 20).join(', ')}${bad.length > 20 ? ', …' : ''}`,
      bad
    )
  }
}

/**
 * Refuses a delta whose writes this workspace's own files stand in the way of: a path reached
 * through a symlink (it could lead outside), through a file that the delta does not remove, or
 * that is a directory here. (git would remove such files and directories to write its own.)
 */
async function pathsClear(ctx: DeltaContext, m: DeltaManifest): Promise<void> {
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
      const s = await lstat(join(ctx.workspace, d)).catch(() => null)
      if (s?.isSymbolicLink()) refuse(p, `'${d}' is a symlink`)
      if (s && !s.isDirectory() && !goes.has(d)) refuse(p, `'${d}' is a file`)
    }
  }
  for (const e of written(m)) {
    const s = await lstat(join(ctx.workspace, e.path)).catch(() => null)
    if (s?.isDirectory()) refuse(e.path, 'it is a directory')
  }
}

/**
 * Applies a delta that verifyDelta accepted (its content is in the private git directory), all
 * or nothing: the removals (pruning the directories they empty, as git does), the new content
 * (written by git checkout-index with every filter off, so no LFS server or filter program is
 * needed), the created directories, the removals of untracked files; then checks every changed
 * path ended as the manifest says. Whatever fails on the way, the workspace is put back as it was.
 */
export async function applyDelta(ctx: DeltaContext, m: DeltaManifest): Promise<void> {
  const guard = new Rollback(ctx.workspace, join(ctx.dir, 'rollback'))
  try {
    for (const e of m.entries) guard.keep(e.path)
    for (const d of m.createdDirs) guard.keep(d)
    const removed = m.entries.filter(e => e.newMode === '000000').map(e => e.path)
    for (const p of removed) await rm(join(ctx.workspace, p), { force: true })
    for (const p of removed) await pruneEmptyParents(ctx.workspace, p)
    await writeNewSide(ctx, written(m))
    for (const d of m.createdDirs) await mkdir(join(ctx.workspace, d), { recursive: true })
    for (const p of m.removedUntracked) guard.remove(p)
    await checkApplied(ctx, m)
  } catch (err) {
    try {
      guard.rollback()
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

async function pruneEmptyParents(root: string, rel: string): Promise<void> {
  for (let d = posix.dirname(rel); d !== '.'; d = posix.dirname(d)) {
    try {
      await rmdir(join(root, d))
    } catch {
      return // not empty, or already gone
    }
  }
}

/** Writes the entries' new content, modes and symlinks into the work tree through a scratch index. */
async function writeNewSide(ctx: DeltaContext, entries: DeltaEntry[]): Promise<void> {
  if (!entries.length) return
  const index = join(ctx.dir, 'apply-index')
  await rm(index, { force: true })
  const opts = privateOpts(ctx, ctx.top, { indexFile: index })
  await git(['update-index', '-z', '--index-info'], {
    ...opts,
    input: entries.map(e => `${e.newMode} ${e.newSha}\t${topPath(ctx, e.path)}\0`).join('')
  })
  await git(['checkout-index', '-f', '-z', '--stdin'], {
    ...opts,
    input: entries.map(e => `${topPath(ctx, e.path)}\0`).join('')
  })
  await rm(index, { force: true })
}

/** Every changed path is as the manifest says after applying. */
async function checkApplied(ctx: DeltaContext, m: DeltaManifest): Promise<void> {
  const after = await stage(
    ctx,
    m.entries.filter(e => e.newSha !== ZERO).map(e => e.path)
  )
  const cur = await treeIndex(ctx, after)
  const wrong = m.entries.filter(e => {
    if (e.newMode === '160000') return false
    const have = cur.get(e.path)
    return e.newSha === ZERO ? !!have : !have || have[0] !== e.newMode || have[1] !== e.newSha
  })
  if (wrong.length) {
    throw new Error(
      `after applying the delta, ${wrong.length} path(s) differ: ${wrong
        .slice(0, 10)
        .map(e => e.path)
        .join(', ')}`
    )
  }
}
