import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

function files(dir: string, top = dir): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...files(p, top))
    else out.push(relative(top, p))
  }
  return out.sort()
}

describe('dist/', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'bulk-ops-dist-'))
  afterAll(() => rmSync(fresh, { recursive: true, force: true }))

  it('equals a fresh build of src/ (run `npm run build` and commit dist/)', () => {
    execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'pipe' })
    const built = files(fresh)
    expect(files('dist')).toEqual(built)
    for (const f of built) {
      expect(readFileSync(join('dist', f)).equals(readFileSync(join(fresh, f))), `dist/${f} differs`).toBe(
        true
      )
    }
  })
})
