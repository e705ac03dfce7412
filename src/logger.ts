/** The few log calls the engine makes; the action maps them to @actions/core, the CLI to its streams. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
}

/** A logger that keeps nothing, for tests and benchmarks. */
export const silentLogger: Logger = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {}
}

/** Collects lines, for tests that assert on what was logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: m => lines.push(`info: ${m}`),
    warning: m => lines.push(`warning: ${m}`),
    error: m => lines.push(`error: ${m}`),
    debug: m => lines.push(`debug: ${m}`)
  }
}
