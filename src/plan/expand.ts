import * as glob from '@actions/glob'
import { Minimatch } from 'minimatch'
import { posix } from 'node:path'
import { OpError } from '../errors.js'
import type { Fs } from '../fs/types.js'
import { OverlayFs } from '../fs/overlay-fs.js'
import type { ResolvedOp } from '../ops/types.js'
import { globPrefix, isGlob } from './glob-syntax.js'
import { normalizeRel, pathProblem, RESERVED_DIRS, toRel, type Sandbox } from './paths.js'
import {
  literalText,
  parseTemplate,
  PATHS_ITEM,
  renderTemplate,
  templateVars,
  type TemplatePart
} from './template.js'
import type { DeclaredOp } from './types.js'

/** The frozen result of expanding one declared operation: its matches, in order. */
export interface Expansion {
  /** One entry per concrete operation; '' for an operation without a match (a plain `run`). */
  matches: string[]
  /** Literal prefix that `{relpath}` is relative to. */
  base: string
  /** The glob matched nothing and if-no-match is `error`. */
  noMatch?: boolean
}

/** Escapes a literal directory for use at the head of a glob pattern. */
function globEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\[(?=[^/]*\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]')
}

const keepAll = (): boolean => true

/** A copy of `s` that holds its own characters (not a slice of a longer string). */
function flat(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8')
}

function reserved(rel: string): boolean {
  const segs = rel.split('/')
  return segs.some(s => s.toLowerCase() === '.git') || segs[0].toLowerCase() === RESERVED_DIRS[1]
}

/**
 * Expands a glob against the workspace as it is now (through `fs`, so a dry-run's overlay
 * counts): no symlink following, no implicit descendants, sorted, reserved paths dropped.
 */
export async function expandGlob(
  pattern: string,
  sandbox: Sandbox,
  fs: Fs,
  keep: (type: string) => boolean = keepAll
): Promise<string[]> {
  const abs = `${globEscape(sandbox.root)}/${pattern}`
  const globber = await glob.create(abs, {
    followSymbolicLinks: false,
    implicitDescendants: false,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: false
  })
  const overlay = fs instanceof OverlayFs
  // The globber yields each path once: an array is enough on disk (a dry-run adds overlay paths).
  const found: string[] = []
  for await (const p of globber.globGenerator()) {
    // A flat copy, so the match does not keep the globber's whole absolute path alive.
    const rel = flat(toRel(sandbox.root, p))
    if (rel !== '.' && !reserved(rel)) found.push(rel)
  }
  if (overlay) {
    const mm = new Minimatch(abs.replace(/\/+$/, ''), {
      dot: true,
      nobrace: true,
      nocomment: true,
      noext: true,
      nonegate: true
    })
    const dirsOnly = pattern.endsWith('/')
    // @actions/glob lets a trailing `**` match zero segments (`dir/**` matches `dir` itself,
    // whatever it is); minimatch matches only below it.
    const trailingGlobstar = /(^|\/)\*\*$/.test(pattern.replace(/\/+$/, ''))
    for (const [p, type] of fs.createdPaths()) {
      const rel = toRel(sandbox.root, p)
      if (!p.startsWith(sandbox.root + '/') || reserved(rel)) continue
      if (dirsOnly && type !== 'dir') continue
      if (mm.match(p) || (trailingGlobstar && mm.match(`${p}/`))) found.push(rel)
    }
  }
  const unique = overlay ? [...new Set(found)] : found
  // On disk the globber has just seen every match; only a type filter, or the overlay's view,
  // needs another look.
  let out: string[] = unique
  if (overlay || keep !== keepAll) {
    out = []
    for (const rel of unique) {
      const s = await fs.lstat(`${sandbox.root}/${rel}`)
      if (s && keep(s.type)) out.push(rel)
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** Which matched types an operation acts on: replace edits regular files; run takes files and directories. */
function keepFor(decl: DeclaredOp): (type: string) => boolean {
  if (decl.each !== undefined) return keepAll
  if (decl.kind === 'replace') return t => t === 'file'
  if (decl.kind === 'run') return t => t === 'file' || t === 'dir'
  return keepAll
}

/** Expands a declared operation when the run reaches it. */
export async function expand(decl: DeclaredOp, sandbox: Sandbox, fs: Fs): Promise<Expansion> {
  const source = decl.each ?? (decl.kind === 'mkdir' || decl.kind === 'write' ? undefined : decl.subject)
  if (source === undefined) {
    // A mkdir/write path is a template without placeholders: `{{`/`}}` still stand for braces.
    return { matches: [decl.subject !== undefined ? normalizeRel(literalText(decl.subject)) : ''], base: '.' }
  }
  const text = decl.each ?? renderTemplate(parseTemplate(source), {} as never)
  const base = globPrefix(text)
  if (!isGlob(text)) return { matches: [normalizeRel(text)], base }
  const matches = await expandGlob(text, sandbox, fs, keepFor(decl))
  if (matches.length === 0 && decl.policy.ifNoMatch === 'error') return { matches: [], base, noMatch: true }
  return { matches, base }
}

const parsed = new WeakMap<DeclaredOp, Map<string, TemplatePart[]>>()

function tpl(decl: DeclaredOp, text: string): TemplatePart[] {
  let m = parsed.get(decl)
  if (!m) parsed.set(decl, (m = new Map()))
  let t = m.get(text)
  if (!t) m.set(text, (t = parseTemplate(text)))
  return t
}

/**
 * Renders one concrete operation from its declared operation and match. Throws OpError when a
 * rendered path is unsafe (that operation fails; the others go on).
 */
export function resolveOp(decl: DeclaredOp, match: string, base: string, seq: number): ResolvedOp {
  const vars = templateVars(match || '.', base)
  const render = (t: string): string => renderTemplate(tpl(decl, t), vars)
  const safe = (field: string, p: string): string => {
    const problem = pathProblem(p)
    if (problem) throw new OpError(`${field}: ${problem}`)
    return normalizeRel(p)
  }
  const op: ResolvedOp = { seq, decl, kind: decl.kind }
  if (match) op.match = match
  const subject = decl.each !== undefined && decl.subject !== undefined ? render(decl.subject) : match
  switch (decl.kind) {
    case 'mkdir':
    case 'write':
      op.dst = safe(decl.kind === 'mkdir' ? 'mkdir' : 'write.path', subject)
      break
    case 'delete':
    case 'replace':
      op.src = safe(decl.kind === 'delete' ? 'delete' : 'replace.files', subject)
      break
    case 'move':
    case 'copy': {
      op.src = safe(`${decl.kind}.from`, subject)
      let to = render(decl.to!)
      if (to.endsWith('/')) to += posix.basename(op.src)
      op.dst = safe(`${decl.kind}.to`, to)
      break
    }
    case 'rename': {
      op.src = safe('rename.from', subject)
      const name = render(decl.to!)
      if (!name || name.includes('/') || name === '.' || name === '..') {
        throw new OpError(`rename.to: '${name}' is not a file name`)
      }
      op.dst = safe('rename.to', posix.join(posix.dirname(op.src), name))
      break
    }
    case 'run':
      if (subject) op.src = safe('run.files', subject)
      // A batched command has no per-path placeholder: its `{paths}` item is filled per batch.
      if (decl.command)
        op.argv = decl.command.map(a =>
          decl.batch === undefined ? render(a) : a === PATHS_ITEM ? a : literalText(a)
        )
      if (decl.creates !== undefined) op.creates = safe('run.creates', render(decl.creates))
      if (decl.removes !== undefined) op.removes = safe('run.removes', render(decl.removes))
      break
  }
  return op
}
