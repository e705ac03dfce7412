// Repositories whose .gitattributes make git's view of a file differ from its bytes: Git LFS
// (or, where git-lfs is absent and not under CI, a filter of our own that behaves like it),
// a custom clean/smudge filter, end-of-line conversion and `ident`.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Whether git-lfs is installed. Under CI=true it must be (.ci/run installs it). */
export function gitLfsAvailable(): boolean {
  const ok = spawnSync('git', ['lfs', 'version'], { stdio: 'ignore' }).status === 0
  if (!ok && process.env.CI)
    throw new Error(
      'git-lfs is not installed, and under CI=true the LFS tests must run (.ci/run installs it)'
    )
  return ok
}

/** How a repository's filters are configured, for the commit, the clones and their breakage. */
export interface FilterSetup {
  /** `git -c` settings that make the filters work (for committing and checking out). */
  config: string[]
  /** Settings that make every filter fail, as on a runner without the filter program or LFS server. */
  broken: string[]
  /** Whether the LFS case is the real git-lfs. */
  realLfs: boolean
}

/**
 * A filter that behaves like Git LFS: clean stores the content aside (in `store`) and puts a
 * pointer in git; smudge fails when the object is missing.
 */
function fakeLfs(root: string, store: string): string[] {
  const script = join(root, 'fake-lfs.sh')
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      'set -e',
      'if [ "$1" = clean ]; then',
      '  t=$(mktemp); cat > "$t"; h=$(sha256sum "$t" | cut -c1-64)',
      '  mkdir -p "$2"; mv "$t" "$2/$h"; printf "fake-lfs %s\\n" "$h"',
      'else',
      '  read -r tag h; [ "$tag" = fake-lfs ] && cat "$2/$h"',
      'fi',
      ''
    ].join('\n')
  )
  return [
    `filter.lfs.clean=sh ${script} clean ${store}`,
    `filter.lfs.smudge=sh ${script} smudge ${store}`,
    'filter.lfs.required=true'
  ]
}

const REAL_LFS = [
  'filter.lfs.clean=git-lfs clean -- %f',
  'filter.lfs.smudge=git-lfs smudge -- %f',
  'filter.lfs.process=git-lfs filter-process',
  'filter.lfs.required=true'
]

/** `.gitattributes` of the filtered repositories. */
export const FILTER_ATTRIBUTES = [
  '*.png filter=lfs diff=lfs merge=lfs -text',
  '*.up filter=upper',
  '*.crlf text eol=crlf',
  '*.id ident',
  ''
].join('\n')

/** The filter configuration for repositories made under `root`. */
export function filterSetup(root: string): FilterSetup {
  const realLfs = gitLfsAvailable()
  const lfs = realLfs ? REAL_LFS : fakeLfs(root, join(root, 'lfs-store'))
  const upper = [
    'filter.upper.clean=tr a-z A-Z',
    'filter.upper.smudge=tr A-Z a-z',
    'filter.upper.required=true'
  ]
  const fail = (k: string): string => `${k}=false`
  return {
    config: [...lfs, ...upper],
    broken: [
      ...['filter.lfs.clean', 'filter.lfs.smudge', 'filter.lfs.process'].map(fail),
      'filter.lfs.required=true',
      ...['filter.upper.clean', 'filter.upper.smudge'].map(fail),
      'lfs.url=http://127.0.0.1:9/unreachable'
    ],
    realLfs
  }
}

function withConfig(settings: string[]): string[] {
  return settings.flatMap(s => ['-c', s])
}

/** A repository with `files` committed through the filters (origin of the clones). */
export function makeFilteredOrigin(
  dir: string,
  setup: FilterSetup,
  files: Record<string, string | Buffer>
): string {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const g = (...args: string[]): void =>
    void execFileSync('git', [...withConfig(setup.config), ...args], { cwd: dir, stdio: 'pipe' })
  g('init', '-q', '-b', 'main')
  for (const [rel, content] of Object.entries({ '.gitattributes': FILTER_ATTRIBUTES, ...files })) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true })
    writeFileSync(join(dir, rel), content)
  }
  g('add', '-A')
  g('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'initial')
  // Check the files out as a clone would (smudged, converted): the origin is also the reference.
  for (const rel of Object.keys(files)) rmSync(join(dir, rel))
  g('checkout', '--', '.')
  return dir
}

/**
 * A fresh checkout with the filters working (LFS objects pulled, as `actions/checkout` with
 * `lfs: true` leaves it), whose filters are then broken: whatever bulk-ops does to it afterwards
 * must need no filter program and no LFS server.
 */
export function filteredClone(origin: string, dest: string, setup: FilterSetup): void {
  rmSync(dest, { recursive: true, force: true })
  execFileSync('git', ['clone', '-q', ...withConfig(setup.config), origin, dest], { stdio: 'pipe' })
  for (const s of setup.broken) {
    const at = s.indexOf('=')
    execFileSync('git', ['config', s.slice(0, at), s.slice(at + 1)], { cwd: dest, stdio: 'pipe' })
  }
}
