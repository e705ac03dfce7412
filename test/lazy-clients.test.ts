// The action's steps start without loading the cache, artifact and REST clients (megabytes of
// modules, 0.1 to 0.2 s to load): the built entry points reach them only through dynamic imports,
// so they load when a store is first used, while git reads the checkout.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'

/** Every file an entry point loads before it runs: its static imports, followed through the chunks. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    // `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;(]*?["'](\.{1,2}\/[^"']+)["']/g))
      visit(join(dirname(file), m[1]))
  }
  visit(entry)
  return [...seen]
}

describe('the built steps', () => {
  it.each(['index.js', 'post.js', 'cli.js'])('%s loads no store client before it runs', name => {
    const files = staticGraph(join(inject('distDir'), name))
    expect(files.length).toBeGreaterThan(1)
    for (const f of files) {
      const text = readFileSync(f, 'utf8')
      for (const pkg of ['@actions/artifact', '@actions/cache', '@actions/github', '@azure/storage-blob'])
        expect(text.includes(`node_modules/${pkg}/`), `${f} holds ${pkg}`).toBe(false)
    }
  })
})
