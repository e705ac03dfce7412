import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
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
  patchBytes: number
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
  return (await git(['write-tree'], here)).toString('utf8').trim()
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
 */
export async function captureBase(ctx: DeltaContext): Promise<DeltaBase> {
  await rm(ctx.indexFile, { force: true })
  const tracked = trackedFiles(await git(['ls-files', '-z', '-s', '--', '.'], { cwd: ctx.workspace }))
  if (tracked.length) {
    await git(['update-index', '--add', '--remove', '-z', '--stdin'], {
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

/**
 * Captures every change since `base` into `patchFile` (a binary git diff) and returns its
 * manifest. `touched` are workspace-relative paths operations acted on; `createdDirs` the
 * directories they created. Cost follows what changed: the private index keeps stat data.
 */
export async function captureDelta(
  ctx: DeltaContext,
  base: DeltaBase,
  touched: Iterable<string>,
  createdDirs: Iterable<string>,
  patchFile: string
): Promise<DeltaManifest> {
  const present: string[] = []
  const absent: string[] = []
  for (const p of new Set(touched)) ((await exists(join(ctx.workspace, p))) ? present : absent).push(p)
  const tree = await stage(ctx, present)
  const range = [base.tree, tree]
  const entries = parseRaw(
    await git(
      ['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--relative', ...range],
      privateOpts(ctx, ctx.workspace)
    )
  )
  const patch = await git(
    ['diff', '--binary', '--no-textconv', '--no-ext-diff', '-M', '--full-index', '--relative', ...range],
    privateOpts(ctx, ctx.workspace)
  )
  await writeFile(patchFile, patch)
  const inDelta = new Set(entries.map(e => e.path))
  const removedUntracked = absent.filter(p => !inDelta.has(p))
  // Directories git cannot carry: those operations created, and those that removals left
  // behind (git apply would prune them when they end up empty).
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
    patchBytes: patch.length
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

const PATCH_PATH = /^diff --git a\/(.+) b\/(.+)$/gm

const linkCache = new WeakMap<Buffer, Map<string, string>>()

/** Targets of the symlinks a patch creates or changes, read from its hunks. */
export function symlinksIn(patch: Buffer): Map<string, string> {
  const cached = linkCache.get(patch)
  if (cached) return cached
  const out = new Map<string, string>()
  const text = patch.toString('utf8')
  for (const section of text.split(/^(?=diff --git )/m)) {
    const head = /^diff --git a\/(.+) b\/(.+)$/m.exec(section)
    if (!head) continue
    const isLink =
      /^(new file mode|new mode) 120000$/m.test(section) ||
      /^index [0-9a-f]+\.\.[0-9a-f]+ 120000$/m.test(section)
    if (!isLink) continue
    if (/^GIT binary patch$/m.test(section)) {
      out.set(head[2], '\0binary')
      continue
    }
    const added = section
      .split('\n')
      .filter(l => l.startsWith('+') && !l.startsWith('+++'))
      .map(l => l.slice(1))
    out.set(head[2], added.join('\n'))
  }
  linkCache.set(patch, out)
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

/**
 * Checks a delta from elsewhere against this workspace without changing anything: every path
 * safe, the patch naming only the manifest's paths, and every preimage as the delta expects.
 * Throws DeltaMismatchError naming the paths that differ.
 */
export async function verifyDelta(
  ctx: DeltaContext,
  now: DeltaBase,
  m: DeltaManifest,
  patch: Buffer
): Promise<void> {
  const all = [...m.entries.map(e => e.path), ...m.createdDirs, ...m.removedUntracked]
  const unsafe = all.filter(p => pathProblem(p) !== null || normalizeRel(p) !== p)
  if (unsafe.length)
    throw new DeltaMismatchError(`the delta names unsafe paths: ${unsafe.slice(0, 10).join(', ')}`, unsafe)
  const named = new Set(m.entries.map(e => e.path))
  for (const [, a, b] of patch.toString('utf8').matchAll(PATCH_PATH)) {
    for (const p of [a, b]) {
      if (!named.has(p))
        throw new DeltaMismatchError(`the patch touches '${p}', which its manifest does not list`, [p])
    }
  }
  for (const [path, target] of symlinksIn(patch)) {
    const problem = linkProblem(path, target)
    if (problem) throw new DeltaMismatchError(`the delta makes '${path}' a symlink ${problem}`, [path])
  }
  for (const e of m.entries) {
    if (e.newMode === '120000' && !symlinksIn(patch).has(e.path) && e.newSha !== e.oldSha) {
      throw new DeltaMismatchError(`the delta's symlink '${e.path}' has no readable target in its patch`, [
        e.path
      ])
    }
  }
  if (now.tree === m.base.tree) return
  const cur = await treeIndex(ctx, now.tree)
  const bad: string[] = []
  for (const e of m.entries) {
    const have = cur.get(e.path)
    if (e.oldSha === ZERO) {
      if (have || (await exists(join(ctx.workspace, e.path)))) bad.push(e.path)
    } else if (!have || have[0] !== e.oldMode || have[1] !== e.oldSha) {
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
 * Applies a verified delta, all or nothing: the patch (by git apply, with every filter off, so
 * no LFS server or filter program is needed), the created directories, the removals of
 * untracked files; then checks every changed path ended as the manifest says. Whatever fails on
 * the way (git apply can stop after writing some files), the workspace is put back as it was.
 */
export async function applyDelta(ctx: DeltaContext, m: DeltaManifest, patchFile: string): Promise<void> {
  const guard = new Rollback(ctx.workspace, join(ctx.dir, 'rollback'))
  try {
    for (const e of m.entries) guard.keep(e.path)
    for (const d of m.createdDirs) guard.keep(d)
    if ((await readFile(patchFile)).length > 0) {
      const dir = ctx.prefix ? [`--directory=${ctx.prefix}`] : []
      await git(['apply', '--binary', '--whitespace=nowarn', ...dir, patchFile], privateOpts(ctx, ctx.top))
    }
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

/** Every changed path is as the manifest says after applying. */
async function checkApplied(ctx: DeltaContext, m: DeltaManifest): Promise<void> {
  const after = await stage(
    ctx,
    m.entries.filter(e => e.newSha !== ZERO).map(e => e.path)
  )
  const cur = await treeIndex(ctx, after)
  const wrong = m.entries.filter(e => {
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
