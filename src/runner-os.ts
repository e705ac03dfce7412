import { release } from 'node:os'

/**
 * The runner operating systems bulk-ops supports: Linux only. The engine relies on a
 * case-sensitive file system where distinct path strings name distinct files, `/` as the only
 * separator and `sh`/`bash` for `run`; macOS and Windows runners break those, so a run there is
 * refused before anything is read or changed, instead of misbehaving silently.
 */

/** Why each other runner OS is refused, in a user's terms. */
const WHY: Record<string, string> = {
  macOS:
    'its file system is case-insensitive, so two paths that differ only in case (README.MD, readme.md) name one file, which bulk-ops does not handle',
  Windows:
    'its paths use \\ and drive letters, `run` commands would not get sh or bash, and checkouts may have CRLF line endings, which bulk-ops does not handle'
}

/** A run on a runner OS bulk-ops does not support. Nothing was changed. */
export class UnsupportedRunnerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsupportedRunnerError'
  }
}

/** The runner OS as `RUNNER_OS` spells it, by Node's `process.platform`. */
const OS_OF_PLATFORM: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }

/**
 * Throws an UnsupportedRunnerError, naming the runner OS, unless this is a Linux runner: Node
 * runs on Linux, not under WSL, and `RUNNER_OS` (set by the Actions runner; absent outside
 * Actions) is Linux or unset. WSL on a Windows runner is Linux to Node, but a checkout there
 * lives on the Windows file system; its kernel release names Microsoft.
 */
export function assertSupportedRunner(
  platform: string = process.platform,
  runnerOs: string | undefined = process.env.RUNNER_OS,
  kernelRelease: string = release()
): void {
  const fromRunner = runnerOs?.trim() || undefined
  const runnerIsLinux = fromRunner === undefined || fromRunner.toLowerCase() === 'linux'
  const wsl = platform === 'linux' && /microsoft|wsl/i.test(kernelRelease)
  if (platform === 'linux' && runnerIsLinux && !wsl) return
  const os = !runnerIsLinux ? fromRunner! : wsl ? 'Windows' : (OS_OF_PLATFORM[platform] ?? platform)
  const seen = [
    fromRunner !== undefined ? `RUNNER_OS=${fromRunner}` : '',
    `process.platform=${platform}`,
    wsl ? `WSL kernel ${kernelRelease}` : ''
  ]
    .filter(Boolean)
    .join(', ')
  const where = fromRunner !== undefined ? 'runner' : 'machine'
  const why = WHY[os] ? `: ${WHY[os]}` : ''
  throw new UnsupportedRunnerError(
    `this ${where} is ${os} (${seen}), and bulk-ops runs on Linux only${why}. ` +
      'Use a Linux runner (runs-on: ubuntu-latest). Nothing was changed.'
  )
}
