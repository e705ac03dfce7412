import { posix } from 'node:path'

/** Placeholders a target field may use. */
export const PLACEHOLDERS = ['path', 'dir', 'name', 'stem', 'ext', 'relpath'] as const

/** The argv item of a batched run command that becomes one item per path of the batch. */
export const PATHS_ITEM = '{paths}'
export type Placeholder = (typeof PLACEHOLDERS)[number]
export type TemplateVars = Record<Placeholder, string>

export type TemplatePart = string | { var: Placeholder }

/** Thrown for a malformed template; the message is shown after the field's location. */
export class TemplateError extends Error {
  /** For an unknown placeholder, its name (so callers can suggest a known one). */
  readonly placeholder?: string
  constructor(message: string, placeholder?: string) {
    super(message)
    this.name = 'TemplateError'
    this.placeholder = placeholder
  }
}

/** True when `text` has no braces: it is its own rendering, whatever the match. */
export function isPlainText(text: string): boolean {
  return text.indexOf('{') < 0 && text.indexOf('}') < 0
}

/** Splits `docs/{stem}.md` into literal text and placeholders; `{{`/`}}` are literal braces. */
export function parseTemplate(text: string): TemplatePart[] {
  // Most paths hold no braces at all.
  if (isPlainText(text)) return text ? [text] : []
  const parts: TemplatePart[] = []
  let lit = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '{') {
      if (text[i + 1] === '{') {
        lit += '{'
        i++
        continue
      }
      const close = text.indexOf('}', i + 1)
      if (close < 0) {
        throw new TemplateError(
          `${quote(text)}: unclosed '{' at character ${i + 1} (write '{{' for a literal brace)`
        )
      }
      const name = text.slice(i + 1, close)
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        throw new TemplateError(
          `${quote(text)}: unknown placeholder {${name}} (known: ${PLACEHOLDERS.map(p => `{${p}}`).join(' ')}; write '{{' for a literal brace)`,
          name
        )
      }
      if (lit) parts.push(lit)
      lit = ''
      parts.push({ var: name as Placeholder })
      i = close
    } else if (c === '}') {
      if (text[i + 1] === '}') {
        lit += '}'
        i++
        continue
      }
      throw new TemplateError(
        `${quote(text)}: stray '}' at character ${i + 1} (write '}}' for a literal brace)`
      )
    } else {
      lit += c
    }
  }
  if (lit) parts.push(lit)
  return parts
}

function quote(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 77)}…` : text}'`
}

/** True when the parsed template has at least one placeholder. */
export function hasPlaceholders(parts: TemplatePart[]): boolean {
  return parts.some(p => typeof p !== 'string')
}

/** Fills a parsed template's placeholders from `vars`. */
export function renderTemplate(parts: TemplatePart[], vars: TemplateVars): string {
  let out = ''
  for (const p of parts) out += typeof p === 'string' ? p : vars[p.var]
  return out
}

/** Renders without placeholders: the literal text with escapes resolved. */
export function literalText(text: string): string {
  return renderTemplate(parseTemplate(text), {} as TemplateVars)
}

/**
 * The variables for one match (a workspace-relative POSIX path). `{relpath}` is relative to the
 * glob's literal prefix `base`; `{ext}` includes the dot, like Node's `path.extname`.
 */
export function templateVars(match: string, base: string): TemplateVars {
  const path = match.endsWith('/') ? match.replace(/\/+$/, '') : match
  const name = posix.basename(path)
  const ext = posix.extname(name)
  const dir = posix.dirname(path)
  let relpath =
    !base || base === '.'
      ? path
      : path.startsWith(`${base}/`)
        ? path.slice(base.length + 1)
        : posix.relative(base, path)
  if (!relpath || relpath.startsWith('..')) relpath = name
  return { path, dir, name, stem: ext ? name.slice(0, -ext.length) : name, ext, relpath }
}
