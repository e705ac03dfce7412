import { isUtf8 } from 'node:buffer'
import { lstatSync, readdirSync } from 'node:fs'
import { GLOBSTAR, Minimatch } from 'minimatch'
import { statType, type Stat } from '../fs/types.js'
import { youngGenerationChecked } from '../heap.js'
import { MatchListBuilder, type MatchList } from './match-list.js'

// A synchronous walker with the semantics of `@actions/glob` 0.7 under the options the engine
// uses (followSymbolicLinks: false, implicitDescendants: false, matchDirectories: true,
// excludeHiddenFiles: false). The pattern is read and matched exactly as @actions/glob reads and
// matches it: the same line trim, separator normalisation, literal search path, minimatch options
// and minimatch calls (`matchOne` on the same segments, the trailing-`**` quirk, partial matching
// to decide what to enter). What differs is only how the tree is read: one `readdir` with file
// types per directory entered, no `lstat` per entry, and no directory entered whose children
// cannot match. test/walk.test.ts holds the two equal on random trees.

/** What an entry is, as `lstat` (not `stat`) sees it. */
export type EntryType = Stat['type']

/** A name the walk left out because it is not valid UTF-8 (it cannot be a JSON string as is). */
export interface Undecodable {
  /** Workspace-relative path with every byte that is not part of valid UTF-8 written as `\xNN`. */
  escaped: string
  type: EntryType
}

export interface WalkResult {
  /** Matches relative to the root, sorted by path (code units), as `expandGlob` returns them. */
  matches: MatchList
  /** Entries that would have matched (or held matches) but whose names are not valid UTF-8. */
  undecodable: Undecodable[]
}

const MINIMATCH_OPTIONS = {
  dot: true,
  nobrace: true,
  nocase: false,
  nocomment: true,
  noext: true,
  nonegate: true
} as const

/**
 * `@actions/glob`'s literal reading of one pattern segment (its `Pattern.getLiteral`): the
 * segment with escapes and one-character sets resolved, or '' when it holds a wildcard.
 */
function literalOf(segment: string): string {
  let literal = ''
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]
    if (c === '\\' && i + 1 < segment.length) {
      literal += segment[++i]
      continue
    }
    if (c === '*' || c === '?') return ''
    if (c === '[' && i + 1 < segment.length) {
      let set = ''
      let closed = -1
      for (let j = i + 1; j < segment.length; j++) {
        const d = segment[j]
        if (d === '\\' && j + 1 < segment.length) {
          set += segment[++j]
          continue
        }
        if (d === ']') {
          closed = j
          break
        }
        set += d
      }
      if (closed >= 0) {
        if (set.length > 1) return ''
        if (set) {
          literal += set
          i = closed
          continue
        }
      }
    }
    literal += c
  }
  return literal
}

/** A pattern compiled as `@actions/glob` compiles it, with the walk's view of it. */
export interface CompiledGlob {
  /** Absolute directory the walk starts at (the literal prefix). */
  searchPath: string
  /** The pattern ends in `/`: directories only. */
  dirsOnly: boolean
  /** Whether an absolute path matches (the path's own type aside). */
  matches(abs: string): boolean
}

interface Compiled extends CompiledGlob {
  mm: Minimatch
  set: ReadonlyArray<string | RegExp | typeof GLOBSTAR>
  trailingGlobstar: boolean
  /** The pattern has no `**`: a path deeper than the pattern's segments cannot match. */
  depthLimit: number
}

/**
 * Compiles an absolute pattern line as `@actions/glob` does, or returns null where it would not
 * take it the same simple way (then the caller asks `@actions/glob` itself).
 */
export function compileGlob(absPattern: string): CompiledGlob | null {
  if (process.platform === 'win32') return null
  // DefaultGlobber.create: one pattern per line, trimmed; `#` starts a comment, `!` negates.
  if (/[\r\n]/.test(absPattern)) return null
  let pattern = absPattern.trim()
  if (!pattern.startsWith('/')) return null
  pattern = pattern.replace(/\/\/+/g, '/')
  const dirsOnly = pattern.endsWith('/') && pattern !== '/'
  if (dirsOnly) pattern = pattern.slice(0, -1)
  const segments = pattern === '/' ? ['/'] : ['/', ...pattern.slice(1).split('/')]
  const literals = segments.map(literalOf)
  // @actions/glob refuses `.` and `..` segments (an assertion); let it say so itself.
  if (literals.some((x, i) => (x === '.' && i > 0) || x === '..')) return null
  const search: string[] = []
  for (const l of literals) {
    if (l === '') break
    search.push(l)
  }
  const searchPath = search.length === 1 ? '/' : `/${search.slice(1).join('/')}`
  const mm = new Minimatch(pattern, MINIMATCH_OPTIONS)
  if (mm.set.length !== 1 || mm.negate || mm.comment || mm.empty) return null
  const set = mm.set[0]
  const trailingGlobstar = segments[segments.length - 1] === '**'
  const depthLimit = set.includes(GLOBSTAR) ? Infinity : set.length
  const c: Compiled = {
    searchPath,
    dirsOnly,
    mm,
    set,
    trailingGlobstar,
    depthLimit,
    matches: abs => matchSegs(c, abs.split(/\/+/))
  }
  return c
}

/** Pattern.match on a path split as minimatch splits it (`['', 'a', 'b']` for `/a/b`). */
function matchSegs(c: Compiled, segs: string[]): boolean {
  if (c.trailingGlobstar) {
    // @actions/glob appends a separator so that `/foo/**` matches `/foo` itself.
    segs.push('')
    const hit = c.mm.matchOne(segs, c.set as never, false)
    segs.pop()
    return hit
  }
  return c.mm.matchOne(segs, c.set as never, false)
}

/** Pattern.partialMatch: whether the pattern may match below this path. */
function partialSegs(c: Compiled, segs: string[]): boolean {
  if (segs.length === 2 && segs[1] === '') return true // the root `/`
  return c.mm.matchOne(segs, c.set as never, true)
}

/** A name as valid UTF-8 text, with every other byte as `\xNN` (and a backslash as `\\`). */
export function escapeName(raw: Buffer): string {
  let out = ''
  let i = 0
  while (i < raw.length) {
    const b = raw[i]
    const len = b < 0x80 ? 1 : b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0
    const chunk = len > 0 ? raw.subarray(i, i + len) : null
    if (chunk && chunk.length === len && (len === 1 ? b >= 0x20 && b !== 0x7f : isUtf8(chunk))) {
      out += b === 0x5c ? '\\\\' : chunk.toString('utf8')
      i += len
    } else {
      out += `\\x${b.toString(16).padStart(2, '0')}`
      i++
    }
  }
  return out
}

/**
 * The relative path of `name` in the directory `rel`, as a flat string: `join` builds one, where
 * `+` would build a rope that keeps its pieces alive.
 */
function childRel(rel: string, name: string): string {
  if (rel === '.') return name
  return rel.endsWith('/') ? [rel, name].join('') : [rel, name].join('/')
}

/**
 * One entry of a directory in the order of full paths: the entry itself under its name, and a
 * directory's contents once more under `name/`, which is where every path below it sorts among
 * its siblings' (`a` < `a-b` < `a/c`). Walking these in order gives the matches sorted by path
 * (code units), as `@actions/glob`'s list sorts, without holding them to sort.
 */
interface Item {
  key: string
  name: string
  type: EntryType
  /** The directory's contents, not the entry itself. */
  below: boolean
}

const byKey = (a: Item, b: Item): number => (a.key < b.key ? -1 : 1)

/**
 * Walks for a compiled pattern (from `compileGlob`): the matches relative to `root` (the search
 * path or a directory above it) whose type `keep` accepts and whose path `accept` takes, sorted
 * by path; `skipDir` prunes directories whose whole subtree the caller drops anyway (`.git`).
 * The matches go straight into a packed MatchList as the walk finds them, in order.
 */
export function walkGlob(
  glob: CompiledGlob,
  root: string,
  keep: (type: EntryType) => boolean,
  skipDir: (rel: string) => boolean = () => false,
  accept: (rel: string) => boolean = () => true
): WalkResult {
  const c = glob as Compiled
  const start = c.searchPath
  if (start !== root && !start.startsWith(root === '/' ? '/' : `${root}/`)) {
    throw new Error(`the glob's search path '${start}' is not under '${root}'`)
  }
  const out = new MatchListBuilder()
  const undecodable: Undecodable[] = []
  let st
  try {
    // As @actions/glob: lstat the search path; missing means no matches, any other error throws.
    st = lstatSync(start)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { matches: out.finish(), undecodable }
    throw err
  }
  const segs = start.split(/\/+/)
  const rootLen = root === '/' ? 0 : root.length + 1
  const relOf = (abs: string): string => (abs.length < rootLen ? '.' : abs.slice(rootLen))

  /** The entry at `segs` itself: a match unless the pattern or the caller refuses it. */
  const self = (rel: string, type: EntryType): void => {
    if ((type === 'dir' || !c.dirsOnly) && keep(type) && matchSegs(c, segs) && accept(rel)) out.push(rel)
  }

  /** The contents of the directory at `segs`, in path order. */
  const below = (abs: string, rel: string): void => {
    // Nothing below can match a pattern without `**` that is already used up.
    if (segs.length >= c.depthLimit || skipDir(rel)) return
    // A walk of a million entries is one synchronous stretch, the young generation's to grow in.
    youngGenerationChecked()
    const entries = readdirSync(abs, { withFileTypes: true })
    const items: Item[] = []
    let raw: Map<string, Buffer[]> | null = null
    for (const e of entries) {
      const name = e.name
      const type = statType(e)
      if (name.includes('\uFFFD')) {
        raw ??= rawNames(abs)
        const bad = raw.get(name)
        if (bad?.length) {
          // Not valid UTF-8: judged by its lossy reading (as @actions/glob would see it), never entered.
          segs.push(name)
          const hit = matchSegs(c, segs)
          const reach = hit || (type === 'dir' && partialSegs(c, segs))
          segs.pop()
          const rawName = bad.shift()!
          if (reach) {
            const prefix = rel === '.' ? '' : `${escapeName(Buffer.from(rel, 'utf8'))}/`
            undecodable.push({ escaped: prefix + escapeName(rawName), type })
          }
          continue
        }
      }
      items.push({ key: name, name, type, below: false })
      if (type === 'dir') items.push({ key: `${name}/`, name, type, below: true })
    }
    items.sort(byKey)
    for (const it of items) {
      segs.push(it.name)
      const childRelPath = childRel(rel, it.name)
      if (!it.below) self(childRelPath, it.type)
      else if (matchSegs(c, segs) || partialSegs(c, segs)) {
        below(abs === '/' ? `/${it.name}` : `${abs}/${it.name}`, childRelPath)
      }
      segs.pop()
    }
  }

  const type = statType(st)
  const rel = relOf(start)
  self(rel, type)
  if (type === 'dir' && (matchSegs(c, segs) || partialSegs(c, segs))) below(start, rel)
  return { matches: out.finish(), undecodable }
}

/** The names in `dir` that are not valid UTF-8, by their lossy reading (several bytes may read alike). */
function rawNames(dir: string): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>()
  for (const b of readdirSync(dir, { encoding: 'buffer' })) {
    if (isUtf8(b)) continue
    const k = b.toString('utf8')
    let list = out.get(k)
    if (!list) out.set(k, (list = []))
    list.push(b)
  }
  return out
}
