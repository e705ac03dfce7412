import { Minimatch } from 'minimatch'
import { posix } from 'node:path'
import { OpError } from '../errors.js'
import type { Fs } from '../fs/types.js'
import { OverlayFs } from '../fs/overlay-fs.js'
import type { ResolvedOp } from '../ops/types.js'
import { globPrefix, isGlob } from './glob-syntax.js'
import { MatchList } from './match-list.js'
import { compileGlob, walkGlob, type Undecodable } from './walk.js'
import { isPlainPath, normalizeRel, pathProblem, toRel, type Sandbox } from './paths.js'
import {
  isPlainText,
  literalText,
  parseTemplate,
  PATHS_ITEM,
  renderTemplate,
  templateVars,
  type TemplatePart,
  type TemplateVars
} from './template.js'
import type { DeclaredOp } from './types.js'

/** The frozen result of expanding one declared operation: its matches, in order. */
export interface Expansion {
  /** One entry per concrete operation; '' for an operation without a match (a plain `run`). */
  matches: MatchList
  /** Literal prefix that `{relpath}` is relative to. */
  base: string
  /** The glob matched nothing and if-no-match is `error`. */
  noMatch?: boolean
  /** Why some entries were left out (names that are not valid UTF-8), to be logged as warnings. */
  warnings?: string[]
}

/** How many left-out names one warning spells out. */
const NAMES_SHOWN = 20

/** One warning for the entries a glob left out because their names are not valid UTF-8. */
export function undecodableWarning(pattern: string, left: Undecodable[]): string {
  const shown = left.slice(0, NAMES_SHOWN).map(u => (u.type === 'dir' ? `${u.escaped}/` : u.escaped))
  const more = left.length > NAMES_SHOWN ? `, and ${left.length - NAMES_SHOWN} more` : ''
  const n = left.length === 1 ? '1 entry whose name is' : `${left.length} entries whose names are`
  return (
    `glob '${pattern}' left out ${n} not valid UTF-8 (bulk-ops acts on UTF-8 names ` +
    `only; invalid bytes shown as \\xNN, a directory's contents were not looked at): ${shown.join(', ')}${more}`
  )
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

/** RESERVED_DIRS as the walk drops them: `.git` as any segment, `.bulk-ops` at the top, in any case. */
const RESERVED = /(^|\/)\.git(\/|$)|^\.bulk-ops(\/|$)/i

function reserved(rel: string): boolean {
  return RESERVED.test(rel)
}

/** What a glob found: its matches, sorted, and the names it had to leave out. */
export interface GlobMatches {
  matches: MatchList
  /** Entries that would have matched but whose names are not valid UTF-8 (escaped, `\xNN`). */
  undecodable: Undecodable[]
}

/** The absolute pattern line handed to `@actions/glob` (or read as it reads it). */
function absolutePattern(pattern: string, sandbox: Sandbox): string {
  return `${globEscape(sandbox.root)}/${pattern}`
}

/**
 * Matches of an absolute pattern by `@actions/glob` itself, relative to `root`, unsorted and
 * unfiltered: the definition the walker is held to, and the fallback for what it declines.
 */
export async function actionsGlob(abs: string, root: string): Promise<string[]> {
  // Loaded when first needed: with @actions/core and its HTTP client it is a good part of startup.
  const glob = await import('@actions/glob')
  const globber = await glob.create(abs, {
    followSymbolicLinks: false,
    implicitDescendants: false,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: false
  })
  // A flat copy, so a match does not keep the globber's whole absolute path alive.
  return (await globber.glob()).map(p => flat(toRel(root, p)))
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Expands a glob against the workspace as it is now (through `fs`, so a dry-run's overlay
 * counts): no symlink following, no implicit descendants, sorted, reserved paths dropped.
 * The tree is read by `walkGlob`; a pattern it declines goes to `@actions/glob`.
 */
export async function expandGlob(
  pattern: string,
  sandbox: Sandbox,
  fs: Fs,
  keep: (type: string) => boolean = keepAll
): Promise<GlobMatches> {
  const abs = absolutePattern(pattern, sandbox)
  const compiled = compileGlob(abs)
  const overlay = fs instanceof OverlayFs
  const wanted = (rel: string): boolean => rel !== '.' && !reserved(rel)
  let found: string[]
  let undecodable: Undecodable[] = []
  if (compiled) {
    // On disk the walk has seen every entry's type; only the overlay's view needs another look.
    const w = walkGlob(compiled, sandbox.root, overlay ? keepAll : keep, reserved, wanted)
    if (!overlay) return w
    found = [...w.matches]
    undecodable = w.undecodable
  } else {
    found = (await actionsGlob(abs, sandbox.root)).filter(wanted)
  }
  if (overlay) {
    const matchOverlay = compiled ? (p: string) => compiled.matches(p) : fallbackMatcher(abs, pattern)
    const dirsOnly = pattern.endsWith('/')
    for (const [p, type] of fs.createdPaths()) {
      const rel = toRel(sandbox.root, p)
      if (!p.startsWith(sandbox.root + '/') || reserved(rel)) continue
      if (dirsOnly && type !== 'dir') continue
      if (matchOverlay(p)) found.push(rel)
    }
    found = [...new Set(found)]
  }
  // The overlay's view, or a type filter after @actions/glob, needs one look per match.
  let out = found
  if (overlay || keep !== keepAll) {
    out = []
    for (const rel of found) {
      const s = await fs.lstat(`${sandbox.root}/${rel}`)
      if (s && keep(s.type)) out.push(rel)
    }
  }
  return { matches: MatchList.from(out.sort(byPath)), undecodable }
}

/** Overlay paths against a pattern the walker declined: minimatch as @actions/glob sets it up. */
function fallbackMatcher(abs: string, pattern: string): (p: string) => boolean {
  const mm = new Minimatch(abs.replace(/\/+$/, ''), {
    dot: true,
    nobrace: true,
    nocomment: true,
    noext: true,
    nonegate: true
  })
  // @actions/glob lets a trailing `**` match zero segments (`dir/**` matches `dir` itself,
  // whatever it is); minimatch matches only below it.
  const trailingGlobstar = /(^|\/)\*\*$/.test(pattern.replace(/\/+$/, ''))
  return p => mm.match(p) || (trailingGlobstar && mm.match(`${p}/`))
}

/** Which matched types an operation acts on: replace edits regular files; run takes files and directories. */
function keepFor(decl: DeclaredOp): (type: string) => boolean {
  if (decl.each !== undefined) return keepAll
  if (decl.kind === 'replace') return t => t === 'file'
  if (decl.kind === 'run') return t => t === 'file' || t === 'dir'
  return keepAll
}

/** The text a declared operation fans out over (its glob or literal path), or undefined for none. */
function fanOutText(decl: DeclaredOp): string | undefined {
  const source = decl.each ?? (decl.kind === 'mkdir' || decl.kind === 'write' ? undefined : decl.subject)
  if (source === undefined) return undefined
  return decl.each ?? renderTemplate(parseTemplate(source), {} as never)
}

/**
 * True when a declared operation's expansion follows from the plan alone (no glob), so it is the
 * same whatever the tree holds and whenever it is taken.
 */
export function expandsLiterally(decl: DeclaredOp): boolean {
  const text = fanOutText(decl)
  return text === undefined || !isGlob(text)
}

/** Expands a declared operation when the run reaches it. */
export async function expand(decl: DeclaredOp, sandbox: Sandbox, fs: Fs): Promise<Expansion> {
  const literal = expandLiteral(decl)
  if (literal) return literal
  const text = fanOutText(decl)!
  const base = globPrefix(text)
  const { matches, undecodable } = await expandGlob(text, sandbox, fs, keepFor(decl))
  const warnings = undecodable.length > 0 ? [undecodableWarning(text, undecodable)] : undefined
  if (matches.length === 0 && decl.policy.ifNoMatch === 'error')
    return { matches: MatchList.EMPTY, base, noMatch: true, warnings }
  return warnings ? { matches, base, warnings } : { matches, base }
}

/**
 * The expansion of a declared operation that names its one path (no glob), made without looking
 * at the tree; null for a glob, which `expand` walks for.
 */
export function expandLiteral(decl: DeclaredOp): Expansion | null {
  const text = fanOutText(decl)
  if (text === undefined) {
    // A mkdir/write path is a template without placeholders: `{{`/`}}` still stand for braces.
    const match = decl.subject !== undefined ? normalizeRel(literalText(decl.subject)) : ''
    return { matches: MatchList.of([match]), base: '.' }
  }
  if (isGlob(text)) return null
  return { matches: MatchList.of([normalizeRel(text)]), base: globPrefix(text) }
}

const parsed = new WeakMap<DeclaredOp, Map<string, TemplatePart[]>>()

function tpl(decl: DeclaredOp, text: string): TemplatePart[] {
  let m = parsed.get(decl)
  if (!m) parsed.set(decl, (m = new Map()))
  let t = m.get(text)
  if (!t) m.set(text, (t = parseTemplate(text)))
  return t
}

/** `p` normalised, or an OpError naming `field` when it is refused. */
function safeRel(field: string, p: string): string {
  if (isPlainPath(p)) return p
  const problem = pathProblem(p)
  if (problem) throw new OpError(`${field}: ${problem}`)
  return normalizeRel(p)
}

/**
 * Renders one concrete operation from its declared operation and match. Throws OpError when a
 * rendered path is unsafe (that operation fails; the others go on).
 */
export function resolveOp(decl: DeclaredOp, match: string, base: string, seq: number): ResolvedOp {
  // Only a field that is rendered needs the variables (a glob's delete or replace renders none).
  let vars: TemplateVars | undefined
  // Text without braces (most targets of an explicit plan) is its own rendering: no variables.
  const render = (t: string): string =>
    isPlainText(t) ? t : renderTemplate(tpl(decl, t), (vars ??= templateVars(match || '.', base)))
  const op: ResolvedOp = { seq, decl, kind: decl.kind }
  if (match) op.match = match
  const subject = decl.each !== undefined && decl.subject !== undefined ? render(decl.subject) : match
  switch (decl.kind) {
    case 'mkdir':
    case 'write':
      op.dst = safeRel(decl.kind === 'mkdir' ? 'mkdir' : 'write.path', subject)
      break
    case 'delete':
    case 'replace':
      op.src = safeRel(decl.kind === 'delete' ? 'delete' : 'replace.files', subject)
      break
    case 'move':
    case 'copy': {
      op.src = safeRel(`${decl.kind}.from`, subject)
      let to = render(decl.to!)
      if (to.endsWith('/')) to += posix.basename(op.src)
      op.dst = safeRel(`${decl.kind}.to`, to)
      break
    }
    case 'rename': {
      op.src = safeRel('rename.from', subject)
      const name = render(decl.to!)
      if (!name || name.includes('/') || name === '.' || name === '..') {
        throw new OpError(`rename.to: '${name}' is not a file name`)
      }
      // op.src is normal and `name` one plain segment: joining them needs no normalisation.
      const dir = posix.dirname(op.src)
      op.dst = safeRel('rename.to', dir === '.' ? name : `${dir}/${name}`)
      break
    }
    case 'run':
      if (subject) op.src = safeRel('run.files', subject)
      // A batched command has no per-path placeholder: its `{paths}` item is filled per batch.
      if (decl.command)
        op.argv = decl.command.map(a =>
          decl.batch === undefined ? render(a) : a === PATHS_ITEM ? a : literalText(a)
        )
      if (decl.creates !== undefined) op.creates = safeRel('run.creates', render(decl.creates))
      if (decl.removes !== undefined) op.removes = safeRel('run.removes', render(decl.removes))
      break
  }
  return op
}
