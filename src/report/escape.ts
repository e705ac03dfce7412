/**
 * Escaping for text that ends up in GitHub-flavoured Markdown (job summary, PR comment). File
 * names and error messages come from the workspace and from commands: none of them may break a
 * table, open HTML, start a code span, mention a user, link an issue, or reorder text on screen.
 */

/**
 * Characters that mean nothing in Markdown or HTML text: kept as they are. Everything else that is
 * ASCII punctuation is escaped, also `:` (autolinks, emoji), `$` (math), `#` and `@` (references).
 */
const PLAIN = /[A-Za-z0-9 /.,;=+%!?'"(){}-]/
/** Invisible or reordering characters (bidi controls, zero widths, separators): shown as \u{…}. */
const INVISIBLE = /[\u0080-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/

/**
 * Escapes text for Markdown inline content and for HTML alike: ASCII punctuation becomes a
 * numeric character reference, control and invisible characters become visible `\xNN` / `\u{…}`.
 * Line breaks become `lineBreak` (default ` ⏎ `) so a value stays on its line.
 */
export function esc(s: string, lineBreak = ' ⏎ '): string {
  let out = ''
  for (const ch of s.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') out += lineBreak
    else if (PLAIN.test(ch)) out += ch
    else {
      const cp = ch.codePointAt(0)!
      if (cp < 0x20 || cp === 0x7f) out += `&#92;x${cp.toString(16).padStart(2, '0')}`
      else if (cp < 0x80) out += `&#${cp};`
      else if (INVISIBLE.test(ch)) out += `&#92;u{${cp.toString(16)}}`
      else out += ch
    }
  }
  return out
}

/**
 * A value in monospace: a raw `<code>` element around escaped text. GitHub neither mentions users
 * nor links issues inside code, and no character of the value can close the element.
 */
export function code(s: string, lineBreak?: string): string {
  return `<code>${esc(s, lineBreak)}</code>`
}

/** Cuts text to at most `max` characters (code points), marking the cut with `…`. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const cps = Array.from(s)
  return cps.length <= max ? s : cps.slice(0, Math.max(0, max - 1)).join('') + '…'
}

/**
 * A fenced code block that its content cannot close: the fence is longer than any run of
 * backticks inside.
 */
export function fenced(content: string, lang = ''): string {
  let longest = 0
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const body = content.endsWith('\n') ? content : `${content}\n`
  return `${fence}${lang}\n${body}${fence}`
}

/** 12345 → `12,345`. */
export function num(n: number): string {
  return n.toLocaleString('en-US')
}

/** `1 operation`, `2 operations`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`
}

/** Bytes in B / KiB / MiB / GiB. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`
}
