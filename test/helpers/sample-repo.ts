import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { makeOrigin } from './runner.js'

/**
 * A plan that exercises what a checkpoint must carry: moves, renames, commands guarded by
 * `creates`, a gate that fails (FAIL_ONCE) or hangs (SLOW) on demand, edits, a mode-755 copy,
 * deletions, an empty directory, an ignored file the plan writes, and binary bytes.
 */
export const SAMPLE_PLAN = `version: 1
operations:
  - mkdir: docs/archive
  - move: { from: "legacy/**/*.md", to: "docs/archive/{relpath}" }
  - rename: { from: "src/**/*.js", to: "{stem}.mjs" }
  - id: build
    run:
      files: "src/**/*.mjs"
      shell: 'sleep "\${STEP_SLEEP:-0}"; printf built > "$BULK_OPS_PATH.built"'
      creates: "{path}.built"
  - id: gate
    run:
      shell: |
        if [ -n "$FAIL_ONCE" ]; then echo "gate closed" >&2; exit 3; fi
        if [ -n "$SLOW" ]; then touch "$MARK_DIR/slow-started"; sleep 30; fi
        echo open > gate.txt
      creates: gate.txt
  - replace: { files: "docs/**/*.md", find: "](legacy/", with: "](docs/archive/" }
  - copy: { from: bin/tool.sh, to: tools/tool.sh }
  - delete: "**/*.orig"
  - mkdir: empty/dir
  - write: { path: logs/run.log, content: "ignored, but touched by the plan\\n" }
  - copy: { from: assets/logo.bin, to: public/logo.bin }
`

/** The files of the sample repository. */
export function sampleFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    '.github/bulk/plan.yml': SAMPLE_PLAN,
    '.gitignore': '*.log\n',
    'bin/tool.sh': '#!/bin/sh\necho tool\n',
    'assets/logo.bin': Buffer.from([0, 1, 2, 255, 0, 10, 13, 0]),
    'old.orig': 'x\n'
  }
  for (let i = 0; i < 8; i++)
    files[`legacy/s${i % 2}/p${i}.md`] = `# ${i}\n[next](legacy/s${i % 2}/p${i + 1}.md)\n`
  for (let i = 0; i < 6; i++) files[`src/m${i}/index.js`] = `export default ${i}\n`
  return files
}

/** Creates the sample repository as a clone source at `dir` (bin/tool.sh committed as 755). */
export function makeSampleOrigin(dir: string, extra: Record<string, string | Buffer> = {}): string {
  const origin = makeOrigin(dir, { ...sampleFiles(), ...extra })
  execFileSync('chmod', ['755', join(origin, 'bin/tool.sh')])
  commitAll(origin, 'mode')
  return origin
}

/** Commits every change in `repo`. */
export function commitAll(repo: string, message: string): void {
  execFileSync('git', ['add', '-A'], { cwd: repo })
  execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', message], {
    cwd: repo
  })
}
