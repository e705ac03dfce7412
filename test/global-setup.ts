import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Directory holding a fresh build of the bundles (cli.js, index.js, post.js) for child-process tests. */
    distDir: string
  }
}

/** Builds the bundles once per test run, so child-process tests run exactly what ships. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bulk-ops-test-dist-'))
  execFileSync(process.execPath, ['scripts/build.mjs', dir], { stdio: 'inherit' })
  project.provide('distDir', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
