// Property: for random plans mixing `run` with `parallel` and `batch` over random trees, the
// final tree equals the one of the same plan run with parallel: 1 and no batch (DESIGN.md §7).
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupWorkspaces, makeWs, runYaml } from './helpers/plans.js'
import { snapshotTree } from './helpers/tree.js'

afterEach(cleanupWorkspaces)

/** Marks each path it is given: a file gets a letter appended, a directory a file inside. */
const SCRIPT = 'for p; do if [ -d "$p" ]; then touch "$p/.seen-$K"; else printf "$K" >> "$p"; fi; done'

const GLOBS = ['**/*.txt', 'd*/**', '**', 'd0/*', '**/*']

interface RunSpec {
  glob: string
  letter: string
  parallel: number
  batch: number | null
  shell: boolean
  guard: boolean
}

const treeArb = fc.uniqueArray(
  fc.tuple(fc.constantFrom('d0', 'd1', 'd0/e', 'd1/e/f', '.'), fc.constantFrom('a', 'b', 'c.txt', 'x y.txt')),
  { minLength: 1, maxLength: 10, selector: ([d, n]) => `${d}/${n}` }
)

const specArb: fc.Arbitrary<RunSpec> = fc.record({
  glob: fc.constantFrom(...GLOBS),
  letter: fc.constantFrom('K', 'L', 'M'),
  parallel: fc.integer({ min: 1, max: 4 }),
  batch: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  shell: fc.boolean(),
  guard: fc.boolean()
})

/** The plan text; `serial` drops parallel and batch (the reference run). */
function planOf(specs: RunSpec[], serial: boolean): string {
  const ops = specs.map(s => {
    const batched = s.batch !== null && !serial
    const guard = s.guard ? `\n      creates: "{path}.g${s.letter}"` : ''
    const env = `\n      env: { K: "${s.letter}" }`
    const body = s.shell
      ? batched
        ? `\n      shell: 'set -- ; while IFS= read -r -d "" p; do set -- "$@" "$p"; done < "$BULK_OPS_PATHS_FILE"; ${SCRIPT}'`
        : `\n      shell: 'set -- "$BULK_OPS_PATH"; ${SCRIPT}'`
      : `\n      command: [bash, -c, '${SCRIPT}', x, "${batched ? '{paths}' : '{path}'}"]`
    const batch = batched ? `\n      batch: ${s.batch}` : ''
    const par = serial ? '' : `\n    parallel: ${s.parallel}`
    return `  - run:\n      files: "${s.glob}"${body}${env}${guard}${batch}${par}`
  })
  return `version: 1\ndefaults: { if-no-match: ignore }\noperations:\n  - write: { path: d0/a.g${specs[0].letter}, content: "" }\n${ops.join('\n')}\n`
}

describe('parallel and batched run operations', () => {
  it('leave the same tree as the plan run one at a time, unbatched', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, fc.array(specArb, { minLength: 1, maxLength: 3 }), async (tree, specs) => {
        const files = Object.fromEntries(tree.map(([d, n]) => [d === '.' ? n : `${d}/${n}`, `${n}\n`]))
        const fast = makeWs(files)
        const slow = makeWs(files)
        const a = await runYaml(fast, planOf(specs, false))
        const b = await runYaml(slow, planOf(specs, true))
        expect(a.counts).toEqual(b.counts)
        expect(snapshotTree(fast.ws)).toEqual(snapshotTree(slow.ws))
      }),
      { numRuns: 25 }
    )
  }, 240_000)
})
