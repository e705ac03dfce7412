// Child-process helpers for `npm run bench` that need no bundle: the bare loops bulk-ops is
// compared with, the reference design's whole-state-JSON baseline, and tree generation.
// `node scripts/bench-bare.mjs MODE '<json args>'`; prints one line `BENCH_RESULT <json>`.
import * as glob from '@actions/glob'
import {
  appendFileSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync
} from 'node:fs'
import * as fsp from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { genTree, stemOf } from './bench-tree.mjs'

const [mode, json] = process.argv.slice(2)
const a = JSON.parse(json ?? '{}')

function done(result) {
  result.maxRssMiB = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`)
}

/** Absolute [source, target] of every rename in the tree, in the engine's (sorted) order. */
function renamePairs(root, n) {
  const out = []
  for (let i = 0; i < n; i++) {
    const stem = join(root, stemOf('d', i))
    out.push([`${stem}.txt`, `${stem}.md`])
  }
  return out
}

const byPath = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
const pairsOf = paths => paths.sort(byPath).map(p => [p, `${p.slice(0, -'.txt'.length)}.md`])

/** The same pairs, found as the engine finds them: @actions/glob with the engine's options. */
async function globPairs(root) {
  const globber = await glob.create(`${root}/d/**/*.txt`, {
    followSymbolicLinks: false,
    implicitDescendants: false,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: false
  })
  return pairsOf(await globber.glob())
}

/** The pairs of a JSON plan of `rename` operations, as the engine reads them: JSON.parse of the file. */
function jsonPairs(root, plan) {
  return JSON.parse(readFileSync(plan, 'utf8')).operations.map(op => {
    const src = join(root, op.rename.from)
    return [src, join(dirname(src), op.rename.to)]
  })
}

/** The same pairs, found by a plain synchronous directory walk. */
function walkPairs(root) {
  const paths = []
  for (const e of readdirSync(join(root, 'd'), { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.txt')) paths.push(join(e.parentPath, e.name))
  }
  return pairsOf(paths)
}

async function lstatOrNull(p) {
  try {
    return await fsp.lstat(p)
  } catch (err) {
    if (err.code === 'ENOENT') return null
    throw err
  }
}

/** lstat source + lstat target + rename per file, with fs/promises awaited in turn (the API the engine uses). */
async function bareRenameAsync(pairs) {
  const t = performance.now()
  for (const [src, dst] of pairs) {
    if (!(await lstatOrNull(src))) throw new Error(`missing ${src}`)
    if (await lstatOrNull(dst)) throw new Error(`exists ${dst}`)
    await fsp.rename(src, dst)
  }
  return performance.now() - t
}

/** The same calls, synchronous: the floor of what this filesystem allows from Node. */
function bareRenameSync(pairs) {
  const t = performance.now()
  for (const [src, dst] of pairs) {
    if (!lstatSync(src, { throwIfNoEntry: false })) throw new Error(`missing ${src}`)
    if (lstatSync(dst, { throwIfNoEntry: false })) throw new Error(`exists ${dst}`)
    renameSync(src, dst)
  }
  return performance.now() - t
}

/**
 * Writes each file. With `plan`, the paths and contents come from that JSON plan (read and parsed
 * inside the measured time, as the engine must), and each target is first looked at (lstat) and
 * then created exclusively, as the engine creates a new file.
 */
async function bareWrite(root, n, content, sync, plan) {
  const t = performance.now()
  if (plan) {
    for (const op of JSON.parse(readFileSync(plan, 'utf8')).operations) {
      const p = join(root, op.write.path)
      if (lstatSync(p, { throwIfNoEntry: false })) throw new Error(`exists ${p}`)
      writeFileSync(p, op.write.content, { flag: 'wx' })
    }
    return performance.now() - t
  }
  const paths = []
  for (let i = 0; i < n; i++) paths.push(join(root, `${stemOf('w', i)}.txt`))
  if (sync) for (const p of paths) writeFileSync(p, content)
  else for (const p of paths) await fsp.writeFile(p, content)
  return performance.now() - t
}

/**
 * The reference design this project grew from (shared/reference/000_*.txt), faithfully in Node:
 * StateManager keeps every task's state and save() rewrites ALL of it as indented JSON to a
 * temporary file and renames it over the state file, after mark_started and after
 * mark_completed; the operation log appends planned/started/completed lines, opening the file
 * each time; the task is the idempotent rename (exists checks + rename), synchronous as in Python.
 */
function referenceBaseline(root, stateDir, n) {
  const stateFile = join(stateDir, 'batch_state.json')
  const tmpFile = join(stateDir, 'batch_state.tmp')
  const logFile = join(stateDir, 'operations.log')
  const pairs = renamePairs(root, n)
  const iso = () => new Date().toISOString()
  let state = null
  let saves = 0

  const save = () => {
    saves++
    state.updated_at = iso()
    const tasks = {}
    for (const [k, v] of Object.entries(state.tasks)) {
      tasks[k] = {
        status: v.status,
        started_at: v.started_at,
        completed_at: v.completed_at,
        error: v.error,
        attempts: v.attempts
      }
    }
    const data = {
      batch_id: state.batch_id,
      created_at: state.created_at,
      updated_at: state.updated_at,
      total_tasks: state.total_tasks,
      tasks
    }
    writeFileSync(tmpFile, JSON.stringify(data, null, 2))
    renameSync(tmpFile, stateFile)
  }
  const load = () => {
    if (!existsSync(stateFile)) return null
    const data = JSON.parse(readFileSync(stateFile, 'utf8'))
    const tasks = {}
    for (const [k, v] of Object.entries(data.tasks)) tasks[k] = { index: Number(k), ...v }
    return { ...data, tasks }
  }
  const logEntry = (index, src, dst, status, error = null) =>
    appendFileSync(
      logFile,
      JSON.stringify({
        timestamp: iso(),
        operation_index: index,
        operation_type: 'rename',
        source: src,
        target: dst,
        status,
        error
      }) + '\n'
    )
  const idempotentRename = (src, dst) => {
    const s = existsSync(src)
    const d = existsSync(dst)
    if (!s && d) return
    if (s && d) throw new Error(`target exists: ${dst}`)
    if (!s && !d) throw new Error(`source missing: ${src}`)
    renameSync(src, dst)
  }

  const t = performance.now()
  state = load()
  if (state === null) {
    const now = iso()
    const tasks = {}
    for (let i = 0; i < n; i++)
      tasks[i] = {
        index: i,
        status: 'pending',
        started_at: null,
        completed_at: null,
        error: null,
        attempts: 0
      }
    state = { batch_id: 'bench', created_at: now, updated_at: now, total_tasks: n, tasks }
    save()
  }
  const pending = Object.values(state.tasks)
    .filter(x => x.status === 'pending' || x.status === 'failed')
    .map(x => x.index)
  for (const idx of pending) {
    const task = state.tasks[idx]
    if (task.attempts >= 3) continue
    task.status = 'running'
    task.started_at = iso()
    task.attempts++
    save()
    const [src, dst] = pairs[idx]
    logEntry(idx, src, dst, 'planned')
    logEntry(idx, src, dst, 'started')
    try {
      idempotentRename(src, dst)
      logEntry(idx, src, dst, 'completed')
      task.status = 'completed'
      task.completed_at = iso()
      save()
    } catch (err) {
      logEntry(idx, src, dst, 'failed', err.message)
      task.status = 'failed'
      task.completed_at = iso()
      task.error = err.message
      save()
    }
  }
  const final = load()
  const ms = performance.now() - t
  const completed = Object.values(final.tasks).filter(x => x.status === 'completed').length
  return { ms, completed, saves, stateBytes: statSync(stateFile).size, logBytes: statSync(logFile).size }
}

switch (mode) {
  case 'gen': {
    const t = performance.now()
    genTree(a.root, a.top, a.from, a.to, { ext: a.ext, dirsOnly: a.dirsOnly })
    done({ ms: performance.now() - t })
    break
  }
  case 'rename': {
    // With `list`, finding the files is part of the measured time, as it is for the engine.
    const t = performance.now()
    const pairs =
      a.list === 'glob'
        ? await globPairs(a.root)
        : a.list === 'walk'
          ? walkPairs(a.root)
          : a.list === 'json'
            ? jsonPairs(a.root, a.plan)
            : renamePairs(a.root, a.n)
    const listMs = a.list ? performance.now() - t : 0
    if (pairs.length !== a.n) throw new Error(`listed ${pairs.length} files, expected ${a.n}`)
    const loopMs = a.sync ? bareRenameSync(pairs) : await bareRenameAsync(pairs)
    done({ ms: listMs + loopMs, listMs, loopMs })
    break
  }
  case 'write':
    done({ ms: await bareWrite(a.root, a.n, a.content, a.sync, a.plan) })
    break
  case 'baseline':
    done(referenceBaseline(a.root, a.stateDir, a.n))
    break
  default:
    throw new Error(`unknown mode ${mode}`)
}
