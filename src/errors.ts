/** Where in the plan a problem was found; every part is optional but at least one should be given. */
export interface PlanLocation {
  file?: string
  line?: number
  column?: number
  /** 0-based index into `operations`. */
  op?: number
  id?: string
  kind?: string
  /** Dotted field path inside the operation, e.g. `move.to`. */
  field?: string
  path?: string
}

/** Formats a location as `plan.yml:12:5: operations[2] (archive, move): move.to`. */
export function formatLocation(where: PlanLocation): string {
  const parts: string[] = []
  if (where.file) {
    parts.push(where.line !== undefined ? `${where.file}:${where.line}:${where.column ?? 1}` : where.file)
  }
  if (where.op !== undefined) {
    const tags = [where.id, where.kind].filter(Boolean).join(', ')
    parts.push(`operations[${where.op}]${tags ? ` (${tags})` : ''}`)
  }
  if (where.field) parts.push(where.field)
  return parts.join(': ')
}

/** A plan that cannot run: bad syntax, schema violation, unsafe path. Exit code 2; nothing was changed. */
export class PlanError extends Error {
  readonly where: PlanLocation
  readonly detail: string
  constructor(detail: string, where: PlanLocation = {}) {
    const loc = formatLocation(where)
    super(loc ? `${loc}: ${detail}` : detail)
    this.name = 'PlanError'
    this.where = where
    this.detail = detail
  }
}

/** Bad command-line or action input. Exit code 2; nothing was changed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A saved run that cannot be resumed as it stands (changed plan, corrupt journal). Exit code 2. */
export class ResumeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ResumeError'
  }
}

/** Failure of one concrete operation; `transient` ones may be retried within the attempt. */
export class OpError extends Error {
  readonly transient: boolean
  readonly code?: string
  constructor(message: string, opts: { transient?: boolean; code?: string } = {}) {
    super(message)
    this.name = 'OpError'
    this.transient = opts.transient ?? false
    this.code = opts.code
  }
}

const TRANSIENT_CODES = new Set(['EBUSY', 'EAGAIN', 'EMFILE', 'ENFILE', 'ETXTBSY', 'EINTR'])

/** True for errno codes worth retrying within the same attempt. */
export function isTransient(err: unknown): boolean {
  if (err instanceof OpError) return err.transient
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' && TRANSIENT_CODES.has(code)
}

/** A one-line message for any thrown value, without a stack. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}
