// The base a run's delta is cut against is the workspace as it is on disk when the run starts:
// for any tree, and anything a workflow's earlier steps did to the checkout (a file edited at the
// same size, removed, made a directory or a symlink, its mode changed), its tree is the one git
// writes for every file there, staged afresh.
import { execFileSync } from 'node:child_process'
import { chmodSync, lutimesSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { captureBase, deltaContext } from '../src/checkpoint/delta.js'
import { git } from '../src/checkpoint/git.js'
import { privateOpts } from '../src/checkpoint/private-git.js'
import { removeDir, tempDir } from './helpers/tree.js'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) removeDir(d)
})

const sh = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, stdio: 'pipe' }).toString('utf8')

/** Names with spaces, dots, non-ASCII and a long one. */
const name = fc.constantFrom('a', 'B', 'a b', '.hidden', 'é', '\uffe0', '\u{1f600}', 'x'.repeat(200), 'z.txt')
const entry = fc.record({
  path: fc.array(name, { minLength: 1, maxLength: 3 }),
  kind: fc.constantFrom('file', 'exec', 'link', 'empty'),
  content: fc.uint8Array({ maxLength: 300 }),
  later: fc.constantFrom('none', 'none', 'edit-same-size', 'remove', 'to-dir', 'to-link', 'chmod')
})

describe('the base', () => {
  it('has the tree git writes for the files there, whatever was done to the checkout before', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (entries, young) => {
          const root = tempDir('bulk-ops-base-')
          dirs.push(root)
          const ws = join(root, 'ws')
          mkdirSync(ws)
          sh(ws, 'init', '-q', '-b', 'main')
          const made: typeof entries = []
          for (const e of entries) {
            const abs = join(ws, ...e.path)
            try {
              mkdirSync(join(abs, '..'), { recursive: true })
              if (e.kind === 'link') symlinkSync(`../target-${e.content.length}`, abs)
              else writeFileSync(abs, e.kind === 'empty' ? '' : e.content)
              if (e.kind === 'exec') chmodSync(abs, 0o755)
              made.push(e)
            } catch {
              // the path is taken, or a parent is a file
            }
          }
          sh(ws, 'add', '-A')
          sh(
            ws,
            '-c',
            'user.email=ci@localhost',
            '-c',
            'user.name=ci',
            'commit',
            '-qm',
            'tree',
            '--allow-empty'
          )
          // What a workflow's earlier steps may have done to the checkout.
          for (const e of made) {
            const abs = join(ws, ...e.path)
            try {
              if (e.later === 'edit-same-size' && e.kind !== 'link')
                writeFileSync(abs, Buffer.from(e.content).reverse())
              if (e.later === 'remove') rmSync(abs)
              if (e.later === 'to-dir') {
                rmSync(abs)
                mkdirSync(abs)
                writeFileSync(join(abs, 'inside'), 'x')
              }
              if (e.later === 'to-link') {
                rmSync(abs)
                symlinkSync('elsewhere', abs)
              }
              if (e.later === 'chmod' && e.kind !== 'link') chmodSync(abs, 0o700)
            } catch {
              // already changed by an entry above it
            }
          }
          if (!young) {
            // Files older than the indexes: git takes none of them for racily clean.
            const past = new Date(Date.now() - 60_000)
            const age = (dir: string): void => {
              for (const d of readdirSync(dir, { withFileTypes: true })) {
                if (d.name === '.git') continue
                const abs = join(dir, d.name)
                if (d.isDirectory()) age(abs)
                lutimesSync(abs, past, past)
              }
            }
            age(ws)
          }
          const ctx = await deltaContext(ws, join(root, 'local', 'git'))
          const base = await captureBase(ctx)
          // git's, from nothing: every file there, with the private directory's settings (no
          // conversion of any kind).
          const fresh = join(root, 'fresh-index')
          const opts = privateOpts(ctx, ws, { indexFile: fresh })
          await git(['add', '-A', '--', '.'], opts)
          const tree = (await git(['write-tree', '--missing-ok'], opts)).toString('utf8').trim()
          expect(base.tree).toBe(tree)
          rmSync(root, { recursive: true, force: true })
        }
      ),
      { numRuns: 40 }
    )
  }, 120_000)
})
