// npm run release -- X.Y.Z: prepares the release commit of version X.Y.Z. It checks everything
// first (a clean working tree, a newer version whose tag does not exist yet, entries under
// "## [Unreleased]" in CHANGELOG.md, then `npm test`), and only then sets the version in
// package.json and package-lock.json, moves the Unreleased entries under "## [X.Y.Z] - today",
// rebuilds dist/ and prints the commands that commit, tag and push. When a check fails nothing is
// changed; when a change fails, everything is put back as it was.
//
// BULK_OPS_RELEASE_TEST_COMMAND (a JSON argv, for the script's own tests only) replaces `npm test`.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareVersions, releaseUnreleased, VERSION } from './changelog.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FILES = ['package.json', 'package-lock.json', 'CHANGELOG.md']

function git(...args) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`)
  return r.stdout
}

/** Runs argv in the repository with the output shown; true when it exits 0. */
function run(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: 'inherit' })
  if (r.error) throw new Error(`${argv[0]}: ${r.error.message}`)
  return r.status === 0
}

function testCommand() {
  const injected = process.env.BULK_OPS_RELEASE_TEST_COMMAND
  if (!injected) return ['npm', 'test']
  const argv = JSON.parse(injected)
  if (!Array.isArray(argv) || !argv.length || !argv.every(a => typeof a === 'string'))
    throw new Error('BULK_OPS_RELEASE_TEST_COMMAND must be a JSON array of strings')
  return argv
}

function assertClean(when) {
  const status = git('status', '--porcelain', '--untracked-files=all')
  if (status.trim()) {
    const lines = status.trimEnd().split('\n')
    throw new Error(
      `the working tree is not clean${when ? ` ${when}` : ''}; commit or stash first:\n` +
        lines.slice(0, 10).join('\n') +
        (lines.length > 10 ? `\n… and ${lines.length - 10} more` : '')
    )
  }
}

function release(arg) {
  if (!arg) throw new Error('usage: npm run release -- X.Y.Z')
  if (!VERSION.test(arg))
    throw new Error(
      `'${arg}' is not a version X.Y.Z` + (/^v\d/.test(arg) ? ` (write ${arg.slice(1)}, without the v)` : '')
    )
  const version = arg
  const tag = `v${version}`
  const original = Object.fromEntries(FILES.map(f => [f, readFileSync(join(root, f), 'utf8')]))
  const pkg = JSON.parse(original['package.json'])
  const lock = JSON.parse(original['package-lock.json'])
  if (compareVersions(version, pkg.version) <= 0)
    throw new Error(`version ${version} is not newer than package.json's ${pkg.version}`)

  // Every check before any change.
  assertClean('')
  if (git('tag', '--list', tag).trim()) throw new Error(`tag ${tag} exists already`)
  const date = new Date().toISOString().slice(0, 10)
  const changelog = releaseUnreleased(original['CHANGELOG.md'], version, date)
  const tests = testCommand()
  console.log(`release ${tag}: running ${tests.join(' ')}`)
  if (!run(tests)) throw new Error(`the tests failed (${tests.join(' ')}); nothing was changed`)
  assertClean('after the tests (they changed files)')

  try {
    pkg.version = version
    lock.version = version
    if (lock.packages?.['']) lock.packages[''].version = version
    writeFileSync(join(root, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify(lock, null, 2) + '\n')
    writeFileSync(join(root, 'CHANGELOG.md'), changelog)
    console.log(`release ${tag}: rebuilding dist/`)
    if (!run([process.execPath, 'scripts/build.mjs'])) throw new Error('the build failed')
  } catch (err) {
    for (const f of FILES) writeFileSync(join(root, f), original[f])
    git('checkout', 'HEAD', '--', 'dist')
    git('clean', '-fdq', '--', 'dist')
    throw new Error(`${err instanceof Error ? err.message : String(err)}; everything was put back`, {
      cause: err
    })
  }

  const changed = git('status', '--porcelain').trimEnd()
  console.log(`
release ${tag} is prepared: version ${version} in package.json and package-lock.json, the
Unreleased entries of CHANGELOG.md under [${version}] - ${date}, dist/ rebuilt.

${changed}

Review it (git diff), then commit, tag and push; the release workflow checks the tag, dist/ and
the tests, publishes the release with its changelog notes and moves v${version.split('.')[0]} to it:

  git add -A && git commit -m "Release ${tag}" && git tag -a ${tag} -m "${tag}" && git push --atomic origin HEAD ${tag}
`)
}

try {
  release(process.argv[2])
} catch (err) {
  console.error(`release: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
}
