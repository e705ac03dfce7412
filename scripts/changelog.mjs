// CHANGELOG.md in the Keep a Changelog form: read its sections, give one version's release notes,
// and move the Unreleased section under a new version. Used by scripts/release.mjs, the release
// workflow (`node scripts/changelog.mjs notes X.Y.Z` prints the notes) and the tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const HEADING = /^## \[([^\]]+)\](?: - (\d{4}-\d\d-\d\d))?[ \t]*$/
const LINK_DEF = /^\[([^\]]+)\]:\s*(\S+)\s*$/
export const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** `a` compared with `b` (both X.Y.Z): negative, zero or positive. */
export function compareVersions(a, b) {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i]
  return 0
}

/** The `## [...]` sections in order, with their line ranges; the link definitions at the end are no section's body. */
export function parseChangelog(text) {
  const lines = text.split('\n')
  const sections = []
  for (let i = 0; i < lines.length; i++) {
    const m = HEADING.exec(lines[i])
    if (m) sections.push({ name: m[1], date: m[2] ?? null, line: i, end: lines.length })
  }
  // The link definitions (`[0.1.0]: https://…`) close the file.
  let linksFrom = lines.length
  while (linksFrom > 0 && (LINK_DEF.test(lines[linksFrom - 1]) || lines[linksFrom - 1].trim() === ''))
    linksFrom--
  for (let s = 0; s < sections.length; s++)
    sections[s].end =
      s + 1 < sections.length ? sections[s + 1].line : Math.max(linksFrom, sections[s].line + 1)
  for (const s of sections)
    s.body = lines
      .slice(s.line + 1, s.end)
      .join('\n')
      .trim()
  const links = lines.slice(linksFrom).filter(l => LINK_DEF.test(l))
  return { lines, sections, links, linksFrom }
}

/** The newest released section (`## [X.Y.Z] - date`), or throws naming what is wrong. */
export function newestRelease(text) {
  const { sections } = parseChangelog(text)
  const released = sections.filter(s => s.name.toLowerCase() !== 'unreleased')
  if (!released.length) throw new Error('CHANGELOG.md has no released version (## [X.Y.Z] - YYYY-MM-DD)')
  const s = released[0]
  if (!VERSION.test(s.name)) throw new Error(`CHANGELOG.md: '${s.name}' (line ${s.line + 1}) is not X.Y.Z`)
  if (!s.date) throw new Error(`CHANGELOG.md: version ${s.name} (line ${s.line + 1}) has no date`)
  return { version: s.name, date: s.date }
}

/** The release notes of `version`: its section's body, or throws when it is missing or empty. */
export function releaseNotes(text, version) {
  const s = parseChangelog(text).sections.find(x => x.name === version)
  if (!s) throw new Error(`CHANGELOG.md has no section for version ${version}`)
  if (!s.body) throw new Error(`CHANGELOG.md: the section of version ${version} is empty`)
  return s.body + '\n'
}

/**
 * The changelog with the Unreleased section's entries moved under `## [version] - date`, an
 * empty Unreleased section left above it, and the compare links updated. Throws when the
 * Unreleased section is missing or empty, or `version` is not newer than the newest release.
 */
export function releaseUnreleased(text, version, date) {
  if (!VERSION.test(version)) throw new Error(`'${version}' is not a version X.Y.Z`)
  const { lines, sections, links, linksFrom } = parseChangelog(text)
  const unreleased = sections.find(s => s.name.toLowerCase() === 'unreleased')
  if (!unreleased) throw new Error('CHANGELOG.md has no "## [Unreleased]" section')
  if (!unreleased.body)
    throw new Error('CHANGELOG.md: the Unreleased section is empty; write what this release changes first')
  const previous = sections.find(s => s !== unreleased)?.name
  if (previous && VERSION.test(previous) && compareVersions(version, previous) <= 0)
    throw new Error(`version ${version} is not newer than ${previous}, the newest in CHANGELOG.md`)

  const head = lines.slice(0, unreleased.line + 1)
  const rest = lines.slice(unreleased.end, linksFrom)
  const out = [...head, '', `## [${version}] - ${date}`, '', unreleased.body, '', ...rest]
  while (out.length && out[out.length - 1].trim() === '') out.pop()

  const newLinks = []
  for (const l of links) {
    const [, name, url] = LINK_DEF.exec(l)
    const compare = /^(.*)\/compare\/(v[^.]+\.[^.]+\.[^.]+)\.\.\.HEAD$/.exec(url)
    if (name.toLowerCase() === 'unreleased' && compare) {
      newLinks.push(`[${name}]: ${compare[1]}/compare/v${version}...HEAD`)
      newLinks.push(`[${version}]: ${compare[1]}/compare/${compare[2]}...v${version}`)
    } else newLinks.push(l)
  }
  return out.join('\n') + '\n' + (newLinks.length ? '\n' + newLinks.join('\n') + '\n' : '')
}

// `node scripts/changelog.mjs notes X.Y.Z [FILE]` prints that version's release notes.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  try {
    if (cmd !== 'notes' || !version) throw new Error('usage: node scripts/changelog.mjs notes X.Y.Z [FILE]')
    process.stdout.write(releaseNotes(readFileSync(file, 'utf8'), version))
  } catch (err) {
    process.stderr.write(`changelog: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 1
  }
}
