// The bad-plan catalogue of test/bad-plans/, shared by the CLI and the action-entry tests.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const CATALOGUE_DIR = join(import.meta.dirname, '..', 'bad-plans')
/** How a plan of the catalogue is named: `NN-name.yml`, `.yaml` or `.json`. */
export const PLAN_NAME = /^\d{2,3}-[a-z0-9-]+\.(yml|yaml|json)$/

/** What `NN-name.expect.json` says about the plan `NN-name.yml`. */
export interface Expectation {
  exit: number
  /** Substrings that must all appear in the error. */
  message: string[]
  /** The 1-based line the message must point at (`plan.yml:LINE:COL:`). */
  line?: number
  /** The operation the message must name (`operations[N]`). */
  op?: number
  /** The field the message must name (`: FIELD: `). */
  field?: string
  /** Extra workspace set-up; `@outside` stands for a directory outside the workspace. */
  setup?: { description: string; symlinks?: Record<string, string> }
}

/** A small repository checkout for the plans to (not) act on. */
export const CATALOGUE_TREE: Record<string, string | Buffer> = {
  'README.md': '# demo\n',
  'docs/guide.md': 'See [old notes](legacy/old.md).\n',
  'docs/legacy/old.md': '# Old notes\n',
  'src/index.js': "import { util } from './lib/util.js'\nutil()\n",
  'src/lib/util.js': 'export function util() {}\n',
  'images/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  'packages/a/package.json': '{ "name": "a" }\n',
  'packages/b/package.json': '{ "name": "b" }\n',
  'templates/LICENSE': 'MIT License\n'
}

/** The catalogue's plan files, sorted. */
export function catalogueCases(): string[] {
  return readdirSync(CATALOGUE_DIR)
    .filter(f => PLAN_NAME.test(f))
    .sort()
}

export function expectationOf(plan: string): Expectation {
  const file = join(CATALOGUE_DIR, plan.replace(/\.(yml|yaml|json)$/, '.expect.json'))
  return JSON.parse(readFileSync(file, 'utf8')) as Expectation
}
