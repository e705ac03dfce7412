// The demo's sample repository, shared by scripts/demo.mjs and the README test (which re-runs
// the demo and compares its summaries with the README's).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Writes the sample repository (legacy docs, JavaScript modules, a merge leftover) at `ws` and runs `git init`. */
export function makeDemoRepo(ws) {
  const write = (rel, content) => {
    mkdirSync(dirname(join(ws, rel)), { recursive: true })
    writeFileSync(join(ws, rel), content)
  }
  const sections = ['guide', 'api', 'howto']
  for (let i = 0; i < 24; i++) {
    const s = sections[i % 3]
    write(
      `legacy/${s}/page-${i}.md`,
      `# ${s} page ${i}\n\nSee [the next page](legacy/${s}/page-${i + 1}.md).\n`
    )
  }
  write('docs/README.md', '# Docs\n\nStart with [the guide](legacy/guide/page-0.md).\n')
  for (let i = 0; i < 12; i++) {
    write(`src/mod${i}/index.js`, `import { helper } from './helper.js'\nexport const v${i} = helper(${i})\n`)
    write(`src/mod${i}/helper.js`, `export const helper = x => x * 2\n`)
  }
  write('notes.orig', 'leftover from a merge\n')
  execFileSync('git', ['init', '-q'], { cwd: ws })
}
