// Sharded runs and their merge, in-process on fresh clones: shards plus merge equal one runner's
// run (byte for byte, operation for operation); the merge refuses, with nothing changed, missing
// or failed shards, plans their shard-by cannot split, and paths the shards changed differently.
import fc from 'fast-check'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckpointManifest } from '../src/checkpoint/checkpoint.js'
import type { Report } from '../src/report/model.js'
import { shardOfKey } from '../src/shard/assign.js'
import { MergeRefusal } from '../src/shard/merge.js'
import { makeOrigin } from './helpers/runner.js'
import { ShardLab } from './helpers/shards.js'
import { removeDir, snapshotTree, tempDir } from './helpers/tree.js'

let root: string
beforeAll(() => {
  root = tempDir('bulk-ops-shards-')
})
afterAll(() => removeDir(root))

let origins = 0
function lab(files: Record<string, string>): ShardLab {
  const dir = `${root}/lab-${origins++}`
  return new ShardLab(makeOrigin(`${dir}/origin`, files), dir)
}

/** What a report says of each operation, without seqs (the merge numbers them afresh). */
const lines = (r: Report): string[] =>
  r.operations.map(o => `${o.op} ${o.kind} ${o.from} ${o.to} ${o.outcome} ${o.reason}`)

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(MergeRefusal)
    return (err as Error).message
  }
  throw new Error('the merge went through')
}

const IMAGES: Record<string, string> = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`img/photo-${i}.png`, `png ${i}\n`])
)

const MIXED = `version: 1
operations:
  - mkdir: out
  - write: { path: NOTES.md, content: "sharded\\n" }
  - rename: { from: "img/*.png", to: "{stem}.img" }
  - run: { files: "img/*.img", shell: 'printf "done\\n" >> "$BULK_OPS_PATH"' }
  - move: { from: "img/*.img", to: "out/{name}" }
  - replace: { files: "out/*.img", find: "png", with: "PNG" }
  - copy: { from: "out/*.img", to: "out/copies/" }
  - delete: "img/keep-*.txt"
`

describe('shards and their merge', () => {
  it('3 shards of a plan of every kind merge into the single run, byte for byte', async () => {
    const l = lab({ ...IMAGES, 'img/keep-a.txt': 'a', 'img/keep-b.txt': 'b', 'README.md': '# r\n' })
    const single = await l.single(MIXED)
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(MIXED, i, 3)))
    for (const s of shards) {
      expect(s.report.counts.failed + s.report.counts.pending).toBe(0)
      expect(s.report.shard).toMatchObject({ index: s.index, count: 3 })
    }
    // Every fan-out operation is in exactly one shard; the others run in all three.
    const fanOut = single.report.counts.total - 2
    expect(shards.reduce((n, s) => n + s.report.counts.total - 2, 0)).toBe(fanOut)
    // Every shard's first fan-out saw all 12 images, and ran its own.
    for (const s of shards) {
      const own = s.report.operations.filter(o => o.kind === 'rename').length
      expect(s.report.shard!.others).toBeGreaterThanOrEqual(12 - own)
    }
    const ws = l.checkout()
    const merged = await l.merge(MIXED, ws, shards, 3)
    expect(snapshotTree(ws, ['.git'])).toEqual(single.tree)
    expect(merged.counts).toEqual(single.report.counts)
    expect(lines(merged)).toEqual(lines(single.report))
    expect(merged.operations.map(o => o.seq)).toEqual(single.report.operations.map(o => o.seq))
    expect(merged.merge).toMatchObject({ count: 3, shards: [{ index: 1 }, { index: 2 }, { index: 3 }] })
    // Written alike by every shard, taken once.
    expect(merged.merge!.shared).toBeGreaterThanOrEqual(1)
  })

  it("merges shards whose packs are thin against their old side's trees (made again before indexing)", async () => {
    const l = lab(IMAGES)
    const plan =
      'version: 1\noperations:\n  - rename: { from: "img/*.png", to: "{stem}.webp" }\n  - write: { path: A.md, content: "x" }\n'
    // A shard's final result is cut whole: it indexes as it comes, and its manifest says so.
    const whole = await l.shard(plan, 3, 3)
    expect(
      (JSON.parse(readFileSync(join(whole.dir, 'checkpoint.json'), 'utf8')) as CheckpointManifest).delta
        .packThin
    ).toBe(false)
    execFileSync('git', ['index-pack', '--fix-thin', '--stdin'], {
      cwd: l.checkout(),
      input: readFileSync(join(whole.dir, 'delta.pack')),
      stdio: 'pipe'
    })
    // Results cut thin, whose manifests do not say so (as earlier versions made them).
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(plan, i, 3, { thin: true })))
    // Shard 3's pack holds a tree stored as a delta against a tree of its old side, which a fresh
    // checkout does not have: indexed as it comes, it does not resolve.
    const plain = l.checkout()
    const pack = readFileSync(join(shards[2].dir, 'delta.pack'))
    expect(() =>
      execFileSync('git', ['index-pack', '--fix-thin', '--stdin'], { cwd: plain, input: pack, stdio: 'pipe' })
    ).toThrow(/unresolved delta/)
    const single = await l.single(plan)
    const ws = l.checkout()
    expect((await l.merge(plan, ws, shards, 3)).counts).toEqual(single.report.counts)
    expect(snapshotTree(ws, ['.git'])).toEqual(single.tree)
  })

  it('refuses, naming the shards, when one is missing and another failed; nothing changed', async () => {
    const l = lab({ ...IMAGES, 'img/photo-3.img': 'in the way\n', 'img/keep-a.txt': 'a' })
    const plan = MIXED.replace('version: 1\n', 'version: 1\ndefaults: { on-conflict: fail }\n')
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(plan, i, 3)))
    const failed = shards.filter(s => s.report.counts.failed > 0).map(s => s.index)
    expect(failed).toHaveLength(1)
    const missing = [1, 2, 3].find(i => i !== failed[0])!
    const ws = l.checkout()
    const before = snapshotTree(ws)
    const why = await refusal(
      l.merge(
        plan,
        ws,
        shards.filter(s => s.index !== missing),
        3
      )
    )
    expect(why).toContain(`shard ${missing}: missing`)
    expect(why).toContain(`shard ${failed[0]}: failed`)
    expect(why).toContain('"Re-run failed jobs" re-runs')
    expect(snapshotTree(ws)).toEqual(before)
  })

  it('refuses a result whose pack fails its checksum, listing every shard at fault in order; nothing changed', async () => {
    const l = lab({ ...IMAGES, 'img/keep-a.txt': 'a' })
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(MIXED, i, 3)))
    // Shard 3's pack: one byte changed, its size as the manifest says.
    const pack = join(shards[2].dir, 'delta.pack')
    const bytes = readFileSync(pack)
    bytes[bytes.length - 30] ^= 0xff
    writeFileSync(pack, bytes)
    const ws = l.checkout()
    const before = snapshotTree(ws)
    const why = await refusal(l.merge(MIXED, ws, shards.slice(1), 3))
    expect(why).toMatch(
      /shard 1: missing[^]*shard 3: its result .* cannot be used \(delta\.pack fails its checksum\)/
    )
    expect(snapshotTree(ws)).toEqual(before)
  })

  it('installs each pack with the index git wrote beside it (no pack is indexed again), only once both pass their checksums; results without an index still merge', async () => {
    const l = lab({ ...IMAGES, 'img/keep-a.txt': 'a' })
    const single = await l.single(MIXED)
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(MIXED, i, 3)))
    for (const s of shards) {
      const m = JSON.parse(readFileSync(join(s.dir, 'checkpoint.json'), 'utf8')) as CheckpointManifest
      expect(m.files['delta.idx']?.bytes).toBe(statSync(join(s.dir, 'delta.idx')).size)
    }
    const packsIn = (localDir: string): string[] => {
      const dir = join(localDir, 'git', 'git', 'objects', 'pack')
      return existsSync(dir) ? readdirSync(dir).sort() : []
    }
    // Shard 2's index, one byte changed (its size as the manifest says): refused, and no pack
    // of any shard is installed before its checks are over.
    const idx = join(shards[1].dir, 'delta.idx')
    const good = readFileSync(idx)
    const bad = Buffer.from(good)
    bad[100] ^= 0xff
    writeFileSync(idx, bad)
    const refusedWs = l.checkout()
    const before = snapshotTree(refusedWs)
    const refusedAt = join(root, `merge-local-refused-${origins}`)
    const why = await refusal(l.merge(MIXED, refusedWs, shards, 3, refusedAt))
    expect(why).toMatch(/shard 2: its result .* cannot be used \(delta\.idx fails its checksum\)/)
    expect(snapshotTree(refusedWs)).toEqual(before)
    const installed = packsIn(refusedAt).filter(f => f.endsWith('.idx'))
    for (const f of installed)
      expect(readFileSync(join(refusedAt, 'git', 'git', 'objects', 'pack', f)).equals(bad)).toBe(false)
    writeFileSync(idx, good)
    // Whole: git runs no index-pack; each index is installed as the shard's git wrote it.
    const trace = join(root, `trace-${origins}.txt`)
    const at = join(root, `merge-local-whole-${origins}`)
    const ws = l.checkout()
    process.env.GIT_TRACE2 = trace
    try {
      expect((await l.merge(MIXED, ws, shards, 3, at)).counts).toEqual(single.report.counts)
    } finally {
      delete process.env.GIT_TRACE2
    }
    const commands = readFileSync(trace, 'utf8')
    expect(commands).toContain('checkout-index')
    expect(commands).not.toContain('index-pack')
    const idxs = packsIn(at).filter(f => f.endsWith('.idx'))
    expect(idxs).toHaveLength(3)
    const shipped = shards.map(s => readFileSync(join(s.dir, 'delta.idx')).toString('hex')).sort()
    expect(
      idxs.map(f => readFileSync(join(at, 'git', 'git', 'objects', 'pack', f)).toString('hex')).sort()
    ).toEqual(shipped)
    expect(snapshotTree(ws, ['.git'])).toEqual(single.tree)
    // Results of an earlier version, whose manifests list no index: their packs are indexed.
    for (const s of shards) {
      const file = join(s.dir, 'checkpoint.json')
      const m = JSON.parse(readFileSync(file, 'utf8')) as CheckpointManifest
      delete (m.files as Record<string, unknown>)['delta.idx']
      writeFileSync(file, JSON.stringify(m))
      rmSync(join(s.dir, 'delta.idx'))
    }
    const older = l.checkout()
    expect((await l.merge(MIXED, older, shards, 3)).counts).toEqual(single.report.counts)
    expect(snapshotTree(older, ['.git'])).toEqual(single.tree)
  })

  it('refuses a checkout that differs at a path the shards changed (an edit of the same size, a symlink), naming the paths; nothing changed', async () => {
    const l = lab({ ...IMAGES, 'img/keep-a.txt': 'a' })
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(MIXED, i, 3)))
    const ws = l.checkout()
    writeFileSync(join(ws, 'img/photo-1.png'), 'PNG 1\n')
    rmSync(join(ws, 'img/photo-2.png'))
    symlinkSync('photo-3.png', join(ws, 'img/photo-2.png'))
    const before = snapshotTree(ws)
    const why = await refusal(l.merge(MIXED, ws, shards, 3))
    expect(why).toMatch(
      /differs from what the checkpoint was made against at 2 path\(s\): img\/photo-1\.png, img\/photo-2\.png/
    )
    expect(snapshotTree(ws)).toEqual(before)
  })

  it('refuses a plan whose files cross shards, naming the operation, path, key and a shard-by that keeps them together', async () => {
    const l = lab(IMAGES)
    const plan = `version: 1
operations:
  - copy: { from: "img/*.png", to: "{dir}/{stem}-copy.png" }
  - id: shrink-copies
    rename: { from: "img/*-copy.png", to: "{stem}.small" }
`
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(plan, i, 3)))
    const ws = l.checkout()
    const before = snapshotTree(ws)
    const why = await refusal(l.merge(plan, ws, shards, 3))
    expect(why).toMatch(/shrink-copies \(rename\) cannot be sharded by shard-by '\{stem\}'/)
    expect(why).toMatch(/found 'img\/photo-\d+-copy\.png'/)
    expect(why).toMatch(/its key 'photo-\d+-copy' belongs to shard \d/)
    expect(why).toContain('shard-by: "{dir}"')
    expect(snapshotTree(ws)).toEqual(before)
    // With that shard-by the same plan merges into the single run.
    const kept = plan.replace('version: 1\n', 'version: 1\ndefaults: { shard-by: "{dir}" }\n')
    const single = await l.single(kept)
    const again = await Promise.all([1, 2, 3].map(i => l.shard(kept, i, 3)))
    const ws2 = l.checkout()
    expect((await l.merge(kept, ws2, again, 3)).counts).toEqual(single.report.counts)
    expect(snapshotTree(ws2, ['.git'])).toEqual(single.tree)
  })

  it('refuses a plan where one shard acts on a file another shard had removed (shard-bys that differ)', async () => {
    const l = lab(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`tmp/a${i}.tmp`, `${i}\n`])))
    const plan = `version: 1
operations:
  - delete: "tmp/*.tmp"
    shard-by: "{name}"
  - id: keep
    rename: { from: "tmp/*.tmp", to: "{stem}.bak" }
    if-no-match: ignore
`
    const shards = await Promise.all([1, 2, 3].map(i => l.shard(plan, i, 3)))
    const ws = l.checkout()
    const before = snapshotTree(ws)
    const why = await refusal(l.merge(plan, ws, shards, 3))
    expect(why).toMatch(
      /keep \(rename\) cannot be sharded by shard-by '\{stem\}': shard \d acted on 'tmp\/a\d\.tmp' \(key 'a\d'\), which the checkout has, but shard \d had moved or removed it by then \(operations\[0\], delete\)/
    )
    expect(why).toContain('one shard-by in defaults')
    expect(snapshotTree(ws)).toEqual(before)
  })

  it('fails a glob that matched nothing in any shard under if-no-match: error, as a single run would', async () => {
    const l = lab(IMAGES)
    const plan =
      'version: 1\noperations:\n  - rename: { from: "img/*.png", to: "{stem}.webp" }\n  - delete: "img/*.gif"\n'
    const shards = await Promise.all([1, 2].map(i => l.shard(plan, i, 2)))
    for (const s of shards) expect(s.report.counts.failed).toBe(0)
    const ws = l.checkout()
    const before = snapshotTree(ws)
    const why = await refusal(l.merge(plan, ws, shards, 2))
    expect(why).toContain("operations[1] (delete): its glob 'img/*.gif' matched nothing in any shard")
    expect(snapshotTree(ws)).toEqual(before)
  })

  it('refuses a file one shard made where another wrote inside it as a directory', async () => {
    // Two names whose {stem}s fall in different shards of 2.
    const names = ['a', 'b', 'c', 'd', 'e', 'f']
    const first = names[0]
    const other = names.find(n => shardOfKey(n, 2) !== shardOfKey(first, 2))!
    const l = lab({ [`src/${first}.txt`]: '1\n', [`src/${other}.txt`]: '2\n' })
    const plan = `version: 1
operations:
  - run:
      files: "src/*.txt"
      shell: 'if [ "$BULK_OPS_PATH" = src/${first}.txt ]; then echo > out; else mkdir -p out && echo > out/x; fi'
`
    const shards = await Promise.all([1, 2].map(i => l.shard(plan, i, 2)))
    const ws = l.checkout()
    const before = snapshotTree(ws)
    const why = await refusal(l.merge(plan, ws, shards, 2))
    expect(why).toMatch(/'out': shard \d made it a file, shard \d wrote 'out\/x' inside it/)
    expect(snapshotTree(ws)).toEqual(before)
  })

  it('refuses a path the shards changed differently, naming it and the shards; nothing changed', async () => {
    const l = lab(IMAGES)
    const plan = `version: 1
operations:
  - rename: { from: "img/*.png", to: "{stem}.webp" }
  - run: { shell: 'ls img > listing.txt' }
`
    const shards = await Promise.all([1, 2].map(i => l.shard(plan, i, 2)))
    const ws = l.checkout()
    const before = snapshotTree(ws)
    const why = await refusal(l.merge(plan, ws, shards, 2))
    expect(why).toMatch(/changed 1 path\(s\) differently/)
    expect(why).toMatch(/'listing.txt': shard 1 made blob [0-9a-f]{12} \(mode 100644\), shard 2 made blob/)
    expect(snapshotTree(ws)).toEqual(before)
  })
})

/** A random plan that keeps every file's {stem} through what it does to it: shardable by default. */
const planArb = fc
  .subarray(
    [
      '  - rename: { from: "src/*.txt", to: "{stem}.md" }',
      '  - copy: { from: "src/*.md", to: "copies/{name}" }',
      '  - move: { from: "docs/**/*.md", to: "moved/{relpath}" }',
      '  - replace: { files: "**/*.md", find: "a", with: "A" }',
      '  - delete: "**/*.tmp"',
      '  - write: { path: STAMP, content: "x\\n" }',
      '  - mkdir: made/empty',
      '  - run: { files: "src/*", shell: \'printf "+" >> "$BULK_OPS_PATH"\' }'
    ],
    { minLength: 1 }
  )
  .chain(ops => fc.shuffledSubarray(ops, { minLength: ops.length }))
  .map(
    ops =>
      `version: 1\ndefaults: { if-no-match: ignore, on-conflict: overwrite }\noperations:\n${ops.join('\n')}\n`
  )

const treeArb = fc.dictionary(
  fc
    .tuple(
      fc.constantFrom('src', 'docs', 'docs/deep'),
      fc.stringMatching(/^[a-d]{1,3}$/),
      fc.constantFrom('.txt', '.md', '.tmp')
    )
    .map(([d, n, e]) => `${d}/${n}${e}`),
  fc.stringMatching(/^[ab\n]{0,6}$/),
  { minKeys: 1, maxKeys: 10 }
)

describe('property: shards plus merge equal a single run', () => {
  it('for random shardable plans over random trees and n from 1 to 5', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, treeArb, fc.integer({ min: 1, max: 5 }), async (plan, files, n) => {
        const l = lab({ 'README.md': 'r\n', ...files })
        const single = await l.single(plan)
        const shards = []
        for (let i = 1; i <= n; i++) shards.push(await l.shard(plan, i, n))
        const ws = l.checkout()
        const merged = await l.merge(plan, ws, shards, n)
        expect(snapshotTree(ws, ['.git'])).toEqual(single.tree)
        expect(merged.counts).toEqual(single.report.counts)
        expect(lines(merged)).toEqual(lines(single.report))
      }),
      { numRuns: 12 }
    )
  }, 240_000)
})

/** Operations that may carry files across shards: copies under other stems, shard-bys that differ. */
const riskyPlanArb = fc
  .array(
    fc.constantFrom(
      '  - copy: { from: "src/*.txt", to: "src/{stem}-c.txt" }',
      '  - rename: { from: "src/*.txt", to: "{stem}.md" }',
      '  - rename: { from: "src/*.txt", to: "{stem}.md" }\n    shard-by: "{name}"',
      '  - delete: "src/*-c.txt"',
      '  - delete: "src/*-c.txt"\n    shard-by: "{path}"',
      '  - replace: { files: "src/*", find: "a", with: "A" }',
      '  - write: { path: src/new.txt, content: "a\\n" }',
      '  - run: { files: "src/*.md", shell: \'printf "+" >> "$BULK_OPS_PATH"\' }'
    ),
    { minLength: 2, maxLength: 5 }
  )
  .map(
    ops =>
      `version: 1\ndefaults: { if-no-match: ignore, on-conflict: overwrite }\noperations:\n${ops.join('\n')}\n`
  )

describe('the line of an operation every shard ran', () => {
  it('comes from the shard whose fan-out acted on its path, as a single run saw it', async () => {
    // 'a' and 'new' fall in different shards of 2: only the shard of 'new' renamed src/new.txt
    // away, so only there was the second write executed, as in a single run.
    const plan = `version: 1
defaults: { if-no-match: ignore, on-conflict: overwrite }
operations:
  - write: { path: src/new.txt, content: "a\\n" }
  - rename: { from: "src/*.txt", to: "{stem}.md" }
  - write: { path: src/new.txt, content: "a\\n" }
`
    const l = lab({ 'README.md': 'r\n', 'src/a.txt': '' })
    const single = await l.single(plan)
    const shards = [await l.shard(plan, 1, 2), await l.shard(plan, 2, 2)]
    const ws = l.checkout()
    const merged = await l.merge(plan, ws, shards, 2)
    expect(snapshotTree(ws, ['.git'])).toEqual(single.tree)
    expect(lines(merged)).toEqual(lines(single.report))
    expect(lines(merged).at(-1)).toMatch(/ executed /)
  }, 60_000)
})

// (About a third of these plans are refused; the refusals themselves are pinned down above.)
describe('property: a merge equals a single run or refuses with nothing changed', () => {
  it('for random plans that may carry files across shards, n from 2 to 4', async () => {
    await fc.assert(
      fc.asyncProperty(riskyPlanArb, treeArb, fc.integer({ min: 2, max: 4 }), async (plan, files, n) => {
        const l = lab({ 'README.md': 'r\n', ...files })
        const single = await l.single(plan)
        const shards = []
        for (let i = 1; i <= n; i++) shards.push(await l.shard(plan, i, n))
        const ws = l.checkout()
        const before = snapshotTree(ws, ['.git'])
        try {
          const merged = await l.merge(plan, ws, shards, n)
          expect(snapshotTree(ws, ['.git'])).toEqual(single.tree)
          expect(lines(merged)).toEqual(lines(single.report))
        } catch (err) {
          if (!(err instanceof MergeRefusal)) throw err
          expect(snapshotTree(ws, ['.git'])).toEqual(before)
        }
      }),
      { numRuns: 10 }
    )
  }, 240_000)
})
