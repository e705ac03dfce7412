/** True when a subject is a glob (it has `*`, `?` or `[`) rather than a literal path. */
export function isGlob(s: string): boolean {
  return /[*?[]/.test(s)
}

/** Why a glob cannot be used, or null. @actions/glob reads `!`, `#` and newlines as syntax of its own. */
export function globProblem(g: string): string | null {
  if (/[\r\n]/.test(g)) return 'contains a line break'
  if (g.startsWith('!')) return "starts with '!' (negated patterns are not supported)"
  if (g.startsWith('#')) return "starts with '#' (read as a comment by the glob library)"
  if (g === '~' || g.startsWith('~/')) return "starts with '~' (the home directory is outside the workspace)"
  if (/(^|\/)\.\.?(\/|$)/.test(g) && isGlob(g)) return "contains '.' or '..' segments"
  if (/\[[^\]]*$/.test(g)) return "has an unclosed '['"
  return null
}

/** The literal directory prefix of a glob (`docs/**\/*.md` → `docs`), `.` when it starts with a wildcard. */
export function globPrefix(g: string): string {
  if (!isGlob(g)) {
    // A literal path: its parent directory.
    const head = g.slice(0, Math.max(0, g.lastIndexOf('/')))
    if (!head.includes('//') && !head.startsWith('/') && !head.endsWith('/')) return head === '' ? '.' : head
  }
  const segs = g.split('/')
  const lit: string[] = []
  for (const s of segs) {
    if (isGlob(s)) break
    lit.push(s)
  }
  if (lit.length === segs.length) lit.pop()
  const p = lit.filter(s => s !== '').join('/')
  return p === '' ? '.' : p
}
