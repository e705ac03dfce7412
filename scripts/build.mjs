// Bundles the three entry points (action main, action post, CLI) into dist/.
// `node scripts/build.mjs [OUTDIR]` — the check-dist test builds into a temp dir and diffs.
import { build } from 'esbuild'
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'

const outdir = resolve(process.argv[2] ?? 'dist')
await rm(outdir, { recursive: true, force: true })
await mkdir(outdir, { recursive: true })
await build({
  entryPoints: { index: 'src/index.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);"
  }
})
await writeFile(resolve(outdir, 'package.json'), '{ "type": "module" }\n')
// The spawner (src/ops/launch-perl.ts) is a perl script, found beside the entry points.
await copyFile('src/ops/spawner.pl', resolve(outdir, 'spawner.pl'))
