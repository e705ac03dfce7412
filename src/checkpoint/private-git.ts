import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { git, type GitOptions } from './git.js'

/**
 * Attributes that make git see the working tree's bytes as they are: no clean/smudge filter
 * (Git LFS, git-crypt), no end-of-line conversion, no `ident` expansion, no re-encoding, no diff
 * driver. `$GIT_DIR/info/attributes` outranks every `.gitattributes` file, and every git that
 * runners ship reads it, so this holds whatever the repository declares.
 */
export const RAW_ATTRIBUTES = '* -text -crlf -eol -filter -ident -working-tree-encoding !diff !merge\n'

/**
 * A git directory of bulk-ops' own beside the checkout's (under RUNNER_TEMP), pointed at the
 * checkout's work tree. Its attributes turn every conversion off, its config is git's defaults
 * (no system or global config is read), and it borrows the checkout's objects through
 * alternates, so only bytes the checkout does not already hold are written.
 */
export interface PrivateGit {
  /** The work tree's top. */
  top: string
  /** The workspace relative to the top ('' at the top). */
  prefix: string
  /** bulk-ops' directory holding the private git directory, its index and scratch space. */
  dir: string
  /** The private git directory. */
  gitDir: string
  /** Its index (kept between checkpoints, so staging hashes only what changed). */
  indexFile: string
}

/** Finds the work tree around `workspace` and prepares the private git directory in `dir`. */
export async function openPrivateGit(workspace: string, dir: string): Promise<PrivateGit> {
  const where = await locate(workspace)
  if (!where) throw new Error(`'${workspace}' is not inside a git work tree; the workspace delta needs git`)
  const { top } = where
  const gitDir = join(dir, 'git')
  const pg: PrivateGit = {
    top,
    prefix: relative(top, workspace).split('\\').join('/'),
    dir,
    gitDir,
    indexFile: join(dir, 'index')
  }
  if (!existsSync(join(gitDir, 'HEAD'))) {
    rmSync(gitDir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    await git(['init', '-q', '--bare', '--template=', gitDir], { cwd: dir, env: isolated() })
    // Settings of its own, after init's (where a key is set twice, git takes the last):
    // - not bare: it is pointed at the checkout's work tree;
    // - no attributes file of the user's (info/attributes, below, decides);
    // - new content is compressed once, into the pack; its loose copy here is scratch;
    // - no fsync: everything here is scratch, made again from the checkpoint if the runner dies.
    appendFileSync(
      join(gitDir, 'config'),
      '[core]\n\tbare = false\n\tattributesFile = /dev/null\n\tlooseCompression = 0\n\tfsync = none\n'
    )
  }
  mkdirSync(join(gitDir, 'info'), { recursive: true })
  mkdirSync(join(gitDir, 'objects', 'info'), { recursive: true })
  writeFileSync(join(gitDir, 'info', 'attributes'), RAW_ATTRIBUTES)
  // The checkout's own excludes still decide what counts as ignored.
  writeFileSync(join(gitDir, 'info', 'exclude'), existsSync(where.exclude) ? readFileSync(where.exclude) : '')
  writeFileSync(join(gitDir, 'objects', 'info', 'alternates'), `${where.objects}\n`)
  return pg
}

/** The work tree's top and the checkout's exclude file and object directory, in one git call; null outside a work tree. */
async function locate(workspace: string): Promise<{ top: string; exclude: string; objects: string } | null> {
  let out: string
  try {
    out = (
      await git(['rev-parse', '--show-toplevel', '--git-path', 'info/exclude', '--git-path', 'objects'], {
        cwd: workspace
      })
    ).toString('utf8')
  } catch {
    return null
  }
  // --git-path answers relative to where git runs.
  const [top, exclude, objects] = out.replace(/\n$/, '').split('\n')
  return { top, exclude: resolve(workspace, exclude), objects: resolve(workspace, objects) }
}

/** No system or global git config: two runners configured differently see the same bytes. */
function isolated(): NodeJS.ProcessEnv {
  return { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }
}

/** Options for a git command on the private directory, run in `cwd` (inside the work tree). */
export function privateOpts(pg: PrivateGit, cwd: string, more: Partial<GitOptions> = {}): GitOptions {
  return {
    ...more,
    cwd,
    indexFile: more.indexFile ?? pg.indexFile,
    env: {
      ...isolated(),
      GIT_DIR: pg.gitDir,
      GIT_WORK_TREE: pg.top,
      ...more.env
    }
  }
}
