// Tree layout shared by scripts/bench.mjs and scripts/bench-bare.mjs: N files spread over
// subdirectories of 1,000 files each, `<top>/0000/f0000000<ext>`, `<top>/0001/f0001000<ext>`, …
import { mkdirSync, writeFileSync } from 'node:fs'

export const PER_DIR = 1000

/** Subdirectory (relative to the top) that file `i` lives in. */
export function dirOf(i) {
  return String(Math.floor(i / PER_DIR)).padStart(4, '0')
}

/** Workspace-relative path of file `i` without its extension. */
export function stemOf(top, i) {
  return `${top}/${dirOf(i)}/f${String(i).padStart(7, '0')}`
}

/**
 * Creates the directories for files [from, to) under `root/top` and, unless `dirsOnly`, the files
 * themselves (empty, with extension `ext`), with a tight synchronous loop.
 */
export function genTree(root, top, from, to, { ext = '.txt', dirsOnly = false } = {}) {
  for (let i = from; i < to; i++) {
    if (i === from || i % PER_DIR === 0) mkdirSync(`${root}/${top}/${dirOf(i)}`, { recursive: true })
    if (!dirsOnly) writeFileSync(`${root}/${stemOf(top, i)}${ext}`, '')
  }
}
