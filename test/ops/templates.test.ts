import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, runYaml } from '../helpers/plans.js'

afterEach(cleanupWorkspaces)

describe('templates and fan-out', () => {
  it('{path} {dir} {name} {stem} {ext} {relpath} for each match', async () => {
    const t = makeWs({
      'src/a.txt': '',
      'src/deep er/b.tar.gz': '',
      'src/deep er/.env': '',
      'src/deep er/noext': ''
    })
    const script = join(t.dir, 'vars.cjs')
    const out = join(t.dir, 'out')
    writeFileSync(
      script,
      `require('fs').mkdirSync(${JSON.stringify(out)}, { recursive: true })
require('fs').writeFileSync(require('path').join(${JSON.stringify(out)}, process.env.BULK_OPS_SEQ), JSON.stringify(process.argv.slice(2)))`
    )
    const plan = JSON.stringify({
      version: 1,
      operations: [
        {
          run: {
            files: 'src/**/*',
            command: [
              process.execPath,
              script,
              '{path}',
              '{dir}',
              '{name}',
              '{stem}',
              '{ext}',
              '{relpath}',
              '{{x}}'
            ]
          }
        }
      ]
    })
    const r = await runYaml(t, plan)
    expect(r.counts.failed).toBe(0)
    const got = readdirSync(out)
      .sort()
      .map(f => JSON.parse(readFileSync(join(out, f), 'utf8')) as string[])
    expect(got).toEqual([
      ['src/a.txt', 'src', 'a.txt', 'a', '.txt', 'a.txt', '{x}'],
      ['src/deep er', 'src', 'deep er', 'deep er', '', 'deep er', '{x}'],
      ['src/deep er/.env', 'src/deep er', '.env', '.env', '', 'deep er/.env', '{x}'],
      ['src/deep er/b.tar.gz', 'src/deep er', 'b.tar.gz', 'b.tar', '.gz', 'deep er/b.tar.gz', '{x}'],
      ['src/deep er/noext', 'src/deep er', 'noext', 'noext', '', 'deep er/noext', '{x}']
    ])
  })

  it('renders targets with {{ and }} as literal braces', async () => {
    const t = makeWs({ 'docs/a.md': 'a', 'docs/x/b.md': 'b' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - copy: { from: "docs/**/*.md", to: "out/{dir}/{{{stem}}}{ext}.}}bak" }\n'
    )
    expect(r.operations.map(o => o.to)).toEqual(['out/docs/{a}.md.}bak', 'out/docs/x/{b}.md.}bak'])
    expect(readFileSync(join(t.ws, 'out/docs/x/{b}.md.}bak'), 'utf8')).toBe('b')
  })

  it('{relpath} is relative to the literal prefix of the `each` glob', async () => {
    const t = makeWs({ 'pkgs/a/src/x': '', 'pkgs/b/src/y': '', 'shared/cfg': 'cfg' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - copy: { from: shared/cfg, to: "build/{relpath}/cfg" }\n    each: "pkgs/*/src/"\n'
    )
    expect(r.operations.map(o => [o.from, o.to])).toEqual([
      ['shared/cfg', 'build/a/src/cfg'],
      ['shared/cfg', 'build/b/src/cfg']
    ])
  })

  it('fans out in sorted path order, and a glob matching nothing is an error by default', async () => {
    const t = makeWs({ 'b.md': '', 'a.md': '', 'C.md': '', 'a b.md': '' })
    const r = await runYaml(
      t,
      'version: 1\noperations:\n  - copy: { from: "*.md", to: "o/{name}" }\n  - delete: "*.nothing"\n'
    )
    expect(r.operations.map(o => o.from)).toEqual(['C.md', 'a b.md', 'a.md', 'b.md', '*.nothing'])
    expect(r.operations[4]).toMatchObject({ outcome: 'failed' })
    expect(r.operations[4].error).toMatch(/matched nothing \(if-no-match: error\)/)
  })
})
