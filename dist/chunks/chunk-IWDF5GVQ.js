import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  DEFAULT_SHARD_BY,
  Journal,
  MAX_SHARDS,
  PLAN_FILE,
  Progress,
  SNAPSHOT_FILE,
  SNAPSHOT_PREV_FILE,
  Sandbox,
  UsageError,
  WAL_FILE,
  assertSupportedRunner,
  clip,
  errorMessage,
  fenced,
  isFanOut,
  isInside,
  isPlainPath,
  loadPlanFile,
  nextRun,
  normalizeRel,
  num,
  opLabel,
  parseDuration,
  parseParallel,
  parseTemplate,
  pathProblem,
  preflight,
  renderCompact,
  renderSummary,
  renderTemplate,
  resolveOp,
  runPlan,
  shardKey,
  shardOf,
  shardTag,
  shardText,
  take,
  templateVars,
  writeAtomic,
  writeReportFile
} from "./chunk-HQZUGTBR.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-HMU2LS4R.js";

// src/action/main.ts
import { mkdirSync as mkdirSync10, rmSync as rmSync9 } from "node:fs";
import { dirname as dirname5, join as join15, relative as relative3, resolve as resolve5 } from "node:path";

// src/constants.ts
var Inputs = {
  Plan: "plan",
  WorkingDirectory: "working-directory",
  Store: "store",
  Resume: "resume",
  ResumeScope: "resume-scope",
  CheckpointEvery: "checkpoint-every",
  TimeBudget: "time-budget",
  MaxAttempts: "max-attempts",
  ContinueOnError: "continue-on-error",
  DryRun: "dry-run",
  Key: "key",
  Summary: "summary",
  GithubToken: "github-token",
  PrComment: "pr-comment",
  Parallel: "parallel",
  Shard: "shard",
  Merge: "merge"
};
var Outputs = {
  Total: "total",
  Executed: "executed",
  Skipped: "skipped",
  Failed: "failed",
  Pending: "pending",
  Complete: "complete",
  Resumed: "resumed",
  ResumedFrom: "resumed-from",
  PlanId: "plan-id",
  Report: "report",
  Summary: "summary",
  CheckpointKey: "checkpoint-key"
};
var State = {
  /** The plan's local directory under RUNNER_TEMP (journal, staging, base). */
  LocalDir: "local-dir",
  /** 'true' once main saved its final checkpoint (or had nothing to save). */
  Saved: "saved",
  PlanFile: "plan-file",
  Workspace: "workspace"
};
var STORE_TIMEOUT_ENV = "BULK_OPS_STORE_TIMEOUT";

// src/inputs.ts
import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
function oneOf(name, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new UsageError(`input '${name}': '${value}' is not one of ${allowed.join(", ")}`);
}
function bool(name, value) {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new UsageError(`input '${name}': '${value}' is not true or false`);
}
function getInputs(get, workspace) {
  const val = (name, fallback = "") => get(name).trim() || fallback;
  const planPath = val(Inputs.Plan);
  if (!planPath) throw new UsageError(`input '${Inputs.Plan}' is required`);
  const wd = val(Inputs.WorkingDirectory, ".");
  const workingDirectory = resolve(workspace, wd);
  const wdName = `input '${Inputs.WorkingDirectory}': '${wd}'`;
  if (isAbsolute(wd) || !isInside(workspace, workingDirectory))
    throw new UsageError(`${wdName} is not inside the workspace`);
  const rel = relative(workspace, workingDirectory);
  if (rel && pathProblem(rel.split("\\").join("/")))
    throw new UsageError(`${wdName} is inside .git or bulk-ops' own state`);
  const st = statSync(workingDirectory, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`${wdName} does not exist`);
  if (!st.isDirectory()) throw new UsageError(`${wdName} is not a directory`);
  const real = realpathSync(workingDirectory);
  const realTop = realpathSync(workspace);
  const realRel = relative(realTop, real);
  if (!isInside(realTop, real) || realRel && pathProblem(realRel.split("\\").join("/"))) {
    throw new UsageError(`${wdName} leads outside the workspace (or into .git) through a symlink`);
  }
  const storeText = val(Inputs.Store, "cache");
  const stores = [];
  const parts = storeText.split(",").map((s) => s.trim());
  if (parts.includes("none") && parts.length > 1) {
    throw new UsageError(
      `input '${Inputs.Store}': '${storeText}' combines 'none' with a store; use 'none' alone`
    );
  }
  if (storeText !== "none") {
    for (const part of storeText.split(",").map((s) => s.trim())) {
      if (part !== "cache" && part !== "artifact") {
        throw new UsageError(
          `input '${Inputs.Store}': '${storeText}' is not one of cache, artifact, cache,artifact, none`
        );
      }
      const s = part;
      if (stores.includes(s)) throw new UsageError(`input '${Inputs.Store}': '${storeText}' names ${s} twice`);
      stores.push(s);
    }
  }
  const maxText = val(Inputs.MaxAttempts, "3");
  const maxAttempts = Number(maxText);
  if (!/^\d+$/.test(maxText) || maxAttempts < 1 || maxAttempts > 100) {
    throw new UsageError(`input '${Inputs.MaxAttempts}': '${maxText}' is not a whole number from 1 to 100`);
  }
  const checkpointEveryMs = parseDuration(
    val(Inputs.CheckpointEvery, "60s"),
    `input '${Inputs.CheckpointEvery}'`
  );
  if (checkpointEveryMs < 1e3) {
    throw new UsageError(
      `input '${Inputs.CheckpointEvery}': '${val(Inputs.CheckpointEvery)}' is shorter than 1s`
    );
  }
  const budgetText = val(Inputs.TimeBudget);
  const timeBudgetMs = budgetText ? parseDuration(budgetText, `input '${Inputs.TimeBudget}'`) : void 0;
  if (timeBudgetMs !== void 0 && timeBudgetMs <= 0) {
    throw new UsageError(`input '${Inputs.TimeBudget}': '${budgetText}' must be longer than 0`);
  }
  const shard = parseShard(val(Inputs.Shard));
  const merge = bool(Inputs.Merge, val(Inputs.Merge, "false"));
  if (shard && merge) {
    throw new UsageError(
      `input '${Inputs.Shard}': '${val(Inputs.Shard)}' together with '${Inputs.Merge}: true': a job either runs a shard or merges them (the merge is a job of its own, after the matrix)`
    );
  }
  const dryRun = bool(Inputs.DryRun, val(Inputs.DryRun, "false"));
  if (merge && dryRun) {
    throw new UsageError(
      `input '${Inputs.DryRun}': 'true' with '${Inputs.Merge}: true': a merge applies the shards' results; run the shards with dry-run instead to see what they would do`
    );
  }
  if (shard && !stores.includes("artifact")) {
    throw new UsageError(
      `input '${Inputs.Store}': '${storeText}' with '${Inputs.Shard}: ${val(Inputs.Shard)}': a shard hands its result to the merge as an artifact, so store must include artifact (e.g. 'cache,artifact')`
    );
  }
  return {
    plan: resolve(workspace, planPath),
    workingDirectory,
    stores,
    resume: oneOf(Inputs.Resume, val(Inputs.Resume, "auto"), ["auto", "never", "require"]),
    resumeScope: oneOf(Inputs.ResumeScope, val(Inputs.ResumeScope, "run"), ["run", "ref"]),
    checkpointEveryMs,
    timeBudgetMs,
    maxAttempts,
    continueOnError: bool(Inputs.ContinueOnError, val(Inputs.ContinueOnError, "true")),
    dryRun,
    key: val(Inputs.Key),
    summary: bool(Inputs.Summary, val(Inputs.Summary, "true")),
    githubToken: get(Inputs.GithubToken),
    prComment: bool(Inputs.PrComment, val(Inputs.PrComment, "false")),
    parallel: parseParallel(val(Inputs.Parallel, "1"), `input '${Inputs.Parallel}'`),
    ...shard ? { shard } : {},
    merge
  };
}
function parseShard(text) {
  if (!text) return void 0;
  const m = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(text);
  const bad = (why) => {
    throw new UsageError(`input '${Inputs.Shard}': '${text}' ${why}`);
  };
  if (!m) return bad(`is not i/n (shard i of n, e.g. '2/4')`);
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || count > MAX_SHARDS) return bad(`has n = ${count}; n must be from 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) return bad(`has i = ${index}; i must be from 1 to n (${count})`);
  return { index, count };
}

// src/report/annotations.ts
var ANNOTATION_CAP = 10;
var MESSAGE_CHARS = 1e3;
function annotationsFor(report, fileOf = (p) => p, cap = ANNOTATION_CAP) {
  const { retried, gaveUp } = nextRun(report);
  return [
    ...capped(
      retried,
      cap,
      (r) => one(r, "error", fileOf),
      (n) => ({
        level: "error",
        title: "bulk-ops: more failed operations",
        message: `\u2026 and ${num(n)} more failed operations (a re-run retries them); the job summary lists them.`
      })
    ),
    ...capped(
      gaveUp,
      cap,
      (r) => one(r, "warning", fileOf),
      (n) => ({
        level: "warning",
        title: "bulk-ops: more operations gave up",
        message: `\u2026 and ${num(n)} more operations gave up after max-attempts (a re-run does not retry them); the job summary lists them.`
      })
    )
  ];
}
function capped(ops, cap, each, rest) {
  if (ops.length <= cap) return [...ops].map(each);
  const keep = Math.max(0, cap - 1);
  return [...take(ops, keep).map(each), rest(ops.length - keep)];
}
function one(r, level, fileOf) {
  const seq = r.seq === null ? "" : `#${r.seq} `;
  const paths = r.from && r.to ? `${r.from} \u2192 ${r.to}` : r.from ?? r.to ?? "";
  const title = level === "error" ? `bulk-ops: ${seq}${r.op} (${r.kind}) failed` : `bulk-ops: ${seq}${r.op} (${r.kind}) gave up after ${r.attempts} tries`;
  const next = level === "error" ? "A re-run retries it." : "A re-run does not retry it; raise max-attempts to try again.";
  const message = clip(`${paths ? `${paths}: ` : ""}${r.error ?? "failed"}
${next}`, MESSAGE_CHARS);
  const path = fileTarget(r);
  return { level, title, message, ...path ? { file: fileOf(path) } : {} };
}
function fileTarget(r) {
  const p = r.from ?? r.to;
  if (!p || r.seq === null || /[*?]/.test(p)) return void 0;
  return p;
}

// src/report/audit-store.ts
import { copyFileSync, existsSync } from "node:fs";
import { basename, join } from "node:path";
var ReportCarrier = class {
  constructor(inner, reportPath) {
    this.inner = inner;
    this.reportPath = reportPath;
  }
  inner;
  reportPath;
  /** Name of the artifact that carries the report, once saved. */
  artifact = "";
  get kind() {
    return this.inner.kind;
  }
  async save(dir, id) {
    const carry = this.inner.kind === "artifact" && id.final && existsSync(this.reportPath);
    if (carry) copyFileSync(this.reportPath, join(dir, basename(this.reportPath)));
    const name = await this.inner.save(dir, id);
    if (carry && name) this.artifact = name;
    return name;
  }
  candidates() {
    return this.inner.candidates();
  }
  lookingFor() {
    return this.inner.lookingFor();
  }
  restore(...a) {
    return this.inner.restore(...a);
  }
  cleanup() {
    return this.inner.cleanup();
  }
  storedBytes() {
    return this.inner.storedBytes();
  }
};

// src/report/outputs.ts
function actionOutputs(report, o) {
  const c = report.counts;
  return {
    [Outputs.Total]: String(c.total),
    [Outputs.Executed]: String(c.executed),
    [Outputs.Skipped]: String(c.skipped),
    [Outputs.Failed]: String(c.failed),
    [Outputs.Pending]: String(c.pending),
    [Outputs.Complete]: String(report.complete),
    [Outputs.Resumed]: String(o.resumed),
    [Outputs.ResumedFrom]: report.resumedFrom === null ? "" : String(report.resumedFrom),
    [Outputs.PlanId]: report.planId,
    [Outputs.Report]: o.reportPath,
    [Outputs.Summary]: o.summary,
    [Outputs.CheckpointKey]: o.checkpointKey
  };
}

// src/report/pr-comment.ts
import { readFileSync } from "node:fs";
function pullRequestOf(env = process.env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return null;
  try {
    const payload = JSON.parse(readFileSync(path, "utf8"));
    const n = payload.pull_request?.number;
    return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}
function commentMarker(planId, key) {
  const k = key.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 64);
  return `<!-- bulk-ops-summary plan=${planId}${k ? ` key=${k}` : ""} -->`;
}
var MAX_BODY = 65536;
async function upsertPrComment(o) {
  if (!o.token) {
    o.logger.warning("pr-comment: no github-token, so no comment on the pull request");
    return null;
  }
  const { getOctokit } = await import("./github-FA3EWKOM.js");
  const gh = getOctokit(o.token, { baseUrl: o.apiUrl, request: { retries: 0 } });
  let body = `${o.marker}
${o.body}`;
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 40)}

\u2026 (cut to GitHub's limit)
`;
  const where = { owner: o.owner, repo: o.repo };
  try {
    let found;
    for await (const page of gh.paginate.iterator(gh.rest.issues.listComments, {
      ...where,
      issue_number: o.pull,
      per_page: 100
    })) {
      found = page.data.find((c) => typeof c.body === "string" && c.body.includes(o.marker));
      if (found) break;
    }
    if (found) {
      const res2 = await gh.rest.issues.updateComment({ ...where, comment_id: found.id, body });
      o.logger.info(
        `pr-comment: updated the summary comment on pull request #${o.pull} (${res2.data.html_url})`
      );
      return { action: "updated", id: res2.data.id, url: res2.data.html_url };
    }
    const res = await gh.rest.issues.createComment({ ...where, issue_number: o.pull, body });
    o.logger.info(`pr-comment: commented the summary on pull request #${o.pull} (${res.data.html_url})`);
    return { action: "created", id: res.data.id, url: res.data.html_url };
  } catch (err) {
    const status = err.status;
    const hint = status === 403 || status === 404 ? " \u2014 the token may lack `pull-requests: write` (a pull request from a fork gets a read-only token)" : "";
    o.logger.warning(
      `pr-comment: could not comment on pull request #${o.pull}${status ? ` (HTTP ${status})` : ""}: ${errorMessage(err)}${hint}`
    );
    return null;
  }
}

// src/store/github-api.ts
function repoFromEnv(env = process.env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) return null;
  return { owner, repo, apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", ref: env.GITHUB_REF ?? "" };
}
async function restClient(token, r) {
  if (!token) return null;
  const { getOctokit } = await import("./github-FA3EWKOM.js");
  return getOctokit(token, { baseUrl: r.apiUrl, request: { retries: 0 } });
}
async function listCaches(token, r, prefix) {
  const gh = await restClient(token, r);
  if (!gh) throw new Error("no github-token");
  const res = await gh.request("GET /repos/{owner}/{repo}/actions/caches", {
    owner: r.owner,
    repo: r.repo,
    key: prefix,
    ref: r.ref || void 0,
    sort: "created_at",
    direction: "desc",
    per_page: 100
  });
  const entries = res.data.actions_caches ?? [];
  return entries.filter((e) => e.key.startsWith(prefix)).sort((a, b) => a.created_at < b.created_at ? 1 : -1);
}
async function deleteCache(token, r, key) {
  const gh = await restClient(token, r);
  if (!gh) throw new Error("no github-token");
  await gh.request("DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}", {
    owner: r.owner,
    repo: r.repo,
    key,
    ref: r.ref || void 0
  });
}

// src/shard/merge.ts
import { existsSync as existsSync4, lstatSync as lstatSync2, readFileSync as readFileSync4 } from "node:fs";
import { join as join8, posix as posix5 } from "node:path";

// src/checkpoint/checkpoint.ts
import { createHash } from "node:crypto";
import { copyFileSync as copyFileSync2, existsSync as existsSync2, mkdirSync as mkdirSync2, readFileSync as readFileSync2, rmSync as rmSync2, statSync as statSync2 } from "node:fs";
import { join as join4 } from "node:path";

// src/checkpoint/hasher.ts
import { closeSync, openSync, readSync } from "node:fs";
import { join as join3, posix as posix2 } from "node:path";
import { Worker } from "node:worker_threads";

// src/checkpoint/rollback.ts
import { cpSync, linkSync, lstatSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { dirname, join as join2, posix, sep } from "node:path";
var Rollback = class {
  /** `root` is the workspace; `dir` an empty scratch directory for the saved copies. */
  constructor(root, dir) {
    this.root = root;
    this.dir = dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  root;
  dir;
  saved = /* @__PURE__ */ new Map();
  /** Removed files whose content git holds: written again from git on rollback. */
  dropped = [];
  absent = /* @__PURE__ */ new Set();
  /** Directories found there already (so each is looked at once). */
  there = /* @__PURE__ */ new Set();
  n = 0;
  /**
   * Notes `rel` (workspace-relative) before the restore writes it: kept in place, linked aside.
   * `st` is what is there, when the caller has just looked (null: nothing).
   */
  keep(rel, st) {
    this.note(rel, false, st);
  }
  /**
   * Removes files or symlinks whose content git holds (each `sha`, of mode `mode`): a rollback
   * writes them again from git instead of from saved copies. They are unlinked side by side (off
   * the main thread, several directories at a time: thousands of removals one after another take
   * twice as long); those that were there are noted even when another fails.
   */
  async dropAll(items) {
    for (const d of items) this.noteAncestors(d.path);
    const done = await Promise.allSettled(items.map((d) => unlink(join2(this.root, d.path))));
    let failed = null;
    done.forEach((r, k) => {
      if (r.status === "fulfilled") this.dropped.push(items[k]);
      else if (r.reason.code === "ENOENT") this.absent.add(items[k].path);
      else failed ??= r.reason;
    });
    if (failed) throw failed;
  }
  /**
   * Renames a file whose content git holds (`from`: its path, mode and sha) to `to`, a path the
   * restore makes (noted with keep first): the removal of one and the making of the other in one
   * call, no inode freed or allocated. A rollback removes `to` and writes `from` again from git.
   */
  moveDropped(from, to) {
    this.noteAncestors(from.path);
    renameSync(under(this.root, from.path), under(this.root, to));
    this.dropped.push(from);
  }
  /** Moves `rel` aside: the restore's removal of it, undone by rollback. */
  remove(rel) {
    this.note(rel, true);
  }
  note(rel, move, known) {
    if (this.saved.has(rel) || this.absent.has(rel)) {
      if (move && this.saved.has(rel)) rmSync(join2(this.root, rel), { recursive: true, force: true });
      return;
    }
    this.noteAncestors(rel);
    const abs = join2(this.root, rel);
    const st = known === void 0 ? lstatIfAny(abs) : known;
    if (!st) {
      this.absent.add(rel);
      return;
    }
    if (!move && st.isDirectory()) return;
    const aside = join2(this.dir, String(this.n++));
    if (move) moveAside(abs, aside);
    else linkOrCopy(abs, aside);
    this.saved.set(rel, aside);
  }
  /** Directories on the way to `rel` that do not exist yet are the restore's to remove again. */
  noteAncestors(rel) {
    for (let d = posix.dirname(rel); d !== "." && !this.absent.has(d) && !this.there.has(d); d = posix.dirname(d)) {
      if (lstatIfAny(join2(this.root, d))) {
        this.there.add(d);
        break;
      }
      this.absent.add(d);
    }
  }
  /**
   * Puts the workspace back as it was before the first write: removes what the restore created
   * (deepest paths first), puts back the saved copies, and has `rewrite` write the dropped files
   * again from git.
   */
  async rollback(rewrite) {
    const created = [...this.absent].sort((a, b) => b.length - a.length);
    for (const rel of created) rmSync(join2(this.root, rel), { recursive: true, force: true });
    for (const [rel, aside] of this.saved) {
      const abs = join2(this.root, rel);
      rmSync(abs, { recursive: true, force: true });
      mkdirSync(dirname(abs), { recursive: true });
      moveAside(aside, abs);
    }
    for (const d of this.dropped) rmSync(join2(this.root, d.path), { recursive: true, force: true });
    await rewrite(this.dropped);
    this.commit();
  }
  /** The restore completed: the saved copies are not needed. */
  commit() {
    rmSync(this.dir, { recursive: true, force: true });
  }
};
function under(root, rel) {
  return sep === "/" ? `${root}/${rel}` : join2(root, rel);
}
function lstatIfAny(abs) {
  try {
    return lstatSync(abs, { throwIfNoEntry: false });
  } catch (err) {
    if (err.code === "ENOTDIR") return void 0;
    throw err;
  }
}
function linkOrCopy(from, to) {
  try {
    linkSync(from, to);
  } catch {
    cpSync(from, to, { verbatimSymlinks: true, preserveTimestamps: true });
  }
}
function moveAside(from, to) {
  try {
    renameSync(from, to);
  } catch (err) {
    if (err.code !== "EXDEV") throw err;
    cpSync(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    rmSync(from, { recursive: true, force: true });
  }
}

// src/checkpoint/hasher.ts
var sameFile = (a, b) => a.isFile() && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mode === b.mode && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
var HASHER = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { closeSync, constants, fstatSync, lstatSync, openSync, readSync } = require('node:fs')
const chunk = Buffer.allocUnsafe(1 << 20)
const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK
parentPort.postMessage(workerData.paths.map(p => {
  let fd
  try {
    const abs = workerData.root + '/' + p
    const was = lstatSync(abs, { throwIfNoEntry: false })
    if (!was || !was.isFile()) return ''
    fd = openSync(abs, flags)
    const st = fstatSync(fd)
    if (!st.isFile() || st.ino !== was.ino || st.dev !== was.dev) return ''
    const h = createHash('sha1').update('blob ' + st.size + '\\0')
    let total = 0
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      h.update(chunk.subarray(0, n))
      total += n
    }
    if (total !== st.size) return ''
    return [h.digest('hex'), st.dev, st.ino, st.size, st.mode, st.mtimeMs, st.ctimeMs]
  } catch {
    return ''
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}))
`;
var chunk = Buffer.allocUnsafe(1 << 20);
function* fileChunks(abs) {
  const fd = openSync(abs, "r");
  try {
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) yield chunk.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
function readable(ctx, paths) {
  const dirOk = /* @__PURE__ */ new Map();
  const reachable = (p) => {
    const d = posix2.dirname(p);
    if (d === ".") return true;
    let ok = dirOk.get(d);
    if (ok === void 0) {
      ok = reachable(d) && lstatIfAny(join3(ctx.workspace, d))?.isDirectory() === true;
      dirOk.set(d, ok);
    }
    return ok;
  };
  const files = [];
  for (const p of new Set(paths))
    if (pathProblem(p) === null && normalizeRel(p) === p && reachable(p)) files.push(p);
  return files;
}
function runHasher(root, files) {
  if (!files.length) return Promise.resolve([]);
  return new Promise((resolve6) => {
    const w = new Worker(HASHER, { eval: true, workerData: { root, paths: files } });
    w.once("message", (list) => resolve6(list));
    w.once("error", () => resolve6([]));
    w.once("exit", () => resolve6([]));
  });
}
var isId = (x) => typeof x === "string" && /^[0-9a-f]{40}$/.test(x);
function hashEarly(ctx, paths) {
  const files = readable(ctx, paths);
  const ids = runHasher(ctx.workspace, files).then((list) => {
    const out = /* @__PURE__ */ new Map();
    files.forEach((p, k) => {
      const r = list[k];
      if (!Array.isArray(r) || !isId(r[0])) return;
      const [id, dev, ino, size, mode, mtimeMs, ctimeMs] = r;
      out.set(p, { id, st: { dev, ino, size, mode, mtimeMs, ctimeMs } });
    });
    return out;
  });
  return { ids };
}

// src/checkpoint/checkpoint.ts
var MANIFEST_FILE = "checkpoint.json";
var PACK_FILE = "delta.pack";
var IDX_FILE = "delta.idx";
var CHECKPOINT_FILES = [SNAPSHOT_FILE, WAL_FILE, PLAN_FILE, PACK_FILE, IDX_FILE];
var MAX_CHECKPOINT_BYTES = 4 * 1024 * 1024 * 1024;
var CheckpointError = class extends Error {
};
function sha256File(p) {
  const h = createHash("sha256");
  for (const part of fileChunks(p)) h.update(part);
  return h.digest("hex");
}
function sealCheckpoint(dir, journalDir, meta) {
  rmSync2(join4(dir, MANIFEST_FILE), { force: true });
  for (const f of [SNAPSHOT_FILE, WAL_FILE, PLAN_FILE]) {
    const src = join4(journalDir, f);
    if (existsSync2(src)) copyFileSync2(src, join4(dir, f));
    else rmSync2(join4(dir, f), { force: true });
  }
  const files = {};
  for (const f of CHECKPOINT_FILES) {
    const p = join4(dir, f);
    if (existsSync2(p)) files[f] = { bytes: statSync2(p).size, sha256: sha256File(p) };
  }
  const manifest = {
    format: "bulk-ops-checkpoint",
    version: 2,
    ...meta,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    files
  };
  writeAtomic(join4(dir, MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}
function openCheckpoint(dir, planId, maxBytes = MAX_CHECKPOINT_BYTES) {
  const m = readCheckpoint(dir, planId, maxBytes);
  checkSums(dir, m);
  return m;
}
function readCheckpoint(dir, planId, maxBytes = MAX_CHECKPOINT_BYTES) {
  const mpath = join4(dir, MANIFEST_FILE);
  if (!existsSync2(mpath)) throw new CheckpointError("it has no manifest (an incomplete save)");
  if (statSync2(mpath).size > 512 * 1024 * 1024) throw new CheckpointError("its manifest is implausibly large");
  let m;
  try {
    m = JSON.parse(readFileSync2(mpath, "utf8"));
  } catch {
    throw new CheckpointError("its manifest is not JSON");
  }
  if (m?.format !== "bulk-ops-checkpoint") throw new CheckpointError("it is not a bulk-ops checkpoint");
  if (m.version !== 2)
    throw new CheckpointError(
      `it is a checkpoint of format ${String(m.version)}, made by another version of bulk-ops (this one reads format 2)`
    );
  if (m.planId !== planId)
    throw new CheckpointError(`it belongs to another plan (${String(m.planId)}, this is ${planId})`);
  if (!m.delta || !Array.isArray(m.delta.entries) || !m.delta.base || typeof m.delta.base.tree !== "string") {
    throw new CheckpointError("its delta manifest is malformed");
  }
  let total = 0;
  for (const f of CHECKPOINT_FILES) {
    const want = m.files?.[f];
    const p = join4(dir, f);
    if (!want) {
      if (f === SNAPSHOT_FILE || f === WAL_FILE) throw new CheckpointError(`it lacks ${f}`);
      continue;
    }
    if (!existsSync2(p)) throw new CheckpointError(`${f} is missing`);
    const bytes = statSync2(p).size;
    total += bytes;
    if (bytes !== want.bytes)
      throw new CheckpointError(`${f} has ${bytes} bytes, the manifest says ${want.bytes}`);
    if (total > maxBytes) throw new CheckpointError(`it is larger than ${maxBytes} bytes`);
  }
  return m;
}
function checkSums(dir, m, files = CHECKPOINT_FILES) {
  for (const f of files) {
    const want = m.files?.[f];
    if (want && sha256File(join4(dir, f)) !== want.sha256) throw new CheckpointError(`${f} fails its checksum`);
  }
}
function installJournal(dir, journalDir) {
  mkdirSync2(journalDir, { recursive: true });
  rmSync2(join4(journalDir, SNAPSHOT_PREV_FILE), { force: true });
  for (const f of [SNAPSHOT_FILE, WAL_FILE, PLAN_FILE]) {
    rmSync2(join4(journalDir, f), { force: true });
    if (existsSync2(join4(dir, f))) copyFileSync2(join4(dir, f), join4(journalDir, f));
  }
}

// src/checkpoint/delta.ts
import { chmod, copyFile, rename, rm, stat, utimes } from "node:fs/promises";
import { dirname as dirname2, join as join6, posix as posix3, resolve as resolve3 } from "node:path";

// src/checkpoint/git.ts
import { execFile, spawn } from "node:child_process";
import { closeSync as closeSync2, openSync as openSync2 } from "node:fs";
var GitError = class extends Error {
  constructor(message, code, stderr) {
    super(message);
    this.code = code;
    this.stderr = stderr;
  }
  code;
  stderr;
};
function git(args, o) {
  const env = gitEnv(o);
  const full = fixedSettings(args);
  if (o.stdoutFile || o.stdinFile) return gitWithFiles(full, args[0], o, env);
  return new Promise((resolve6, reject) => {
    const child = execFile(
      "git",
      full,
      { cwd: o.cwd, env, encoding: "buffer", maxBuffer: 4 * 1024 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? err.code ?? null : 0;
        if (!err || typeof code === "number" && o.okCodes?.includes(code)) return resolve6(stdout);
        reject(failure(args[0], typeof code === "number" ? code : null, stderr.toString("utf8"), err.message));
      }
    );
    if (o.input !== void 0) child.stdin.end(o.input);
  });
}
function gitStream(args, o, onStdout) {
  return new Promise((resolve6, reject) => {
    const child = spawn("git", fixedSettings(args), { cwd: o.cwd, env: gitEnv(o), stdio: "pipe" });
    let stderr = "";
    let failed = null;
    child.stderr.on("data", (d) => {
      if (stderr.length < 64 * 1024) stderr += d.toString("utf8");
    });
    child.stdout.on("data", (d) => {
      if (failed) return;
      try {
        onStdout(d);
      } catch (err) {
        failed = { err };
        child.kill();
      }
    });
    child.stdin.on("error", () => {
    });
    child.on("error", (err) => failed ??= { err: failure(args[0], null, stderr, err.message) });
    child.on("close", (code) => {
      if (failed) reject(failed.err);
      else if (code === 0) resolve6();
      else reject(failure(args[0], code, stderr, `exit ${code}`));
    });
    child.stdin.end(o.input ?? "");
  });
}
function gitEnv(o) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  if (o.indexFile) env.GIT_INDEX_FILE = o.indexFile;
  return Object.assign(env, o.env);
}
function failure(what, code, stderr, fallback) {
  const text = stderr.trim();
  return new GitError(
    `git ${what} failed${code !== null ? ` (exit ${code})` : ""}: ${text || fallback}`,
    code,
    text
  );
}
function gitWithFiles(full, what, o, env) {
  return new Promise((resolve6, reject) => {
    const inFd = o.stdinFile ? openSync2(o.stdinFile, "r") : void 0;
    const outFd = o.stdoutFile ? openSync2(o.stdoutFile, "w") : void 0;
    const child = spawn("git", full, { cwd: o.cwd, env, stdio: [inFd ?? "pipe", outFd ?? "pipe", "pipe"] });
    for (const fd of [inFd, outFd]) if (fd !== void 0) closeSync2(fd);
    const out = [];
    child.stdout?.on("data", (d) => out.push(d));
    let stderr = "";
    let tail = "";
    child.stderr.on("data", (d) => {
      const text = d.toString("utf8");
      if (stderr.length < 64 * 1024) stderr += text;
      if (o.onStderrTail) tail = (tail + text).slice(-4096);
    });
    child.on("error", (err) => reject(failure(what, null, stderr, err.message)));
    child.on("close", (code) => {
      if (code === 0 || code !== null && o.okCodes?.includes(code)) {
        o.onStderrTail?.(tail);
        resolve6(Buffer.concat(out));
      } else reject(failure(what, code, stderr, `exit ${code}`));
    });
    child.stdin?.end(o.input ?? "");
  });
}
function fixedSettings(args) {
  return [
    "-c",
    "core.quotepath=off",
    "-c",
    "core.autocrlf=false",
    "-c",
    "core.safecrlf=false",
    "-c",
    "core.symlinks=true",
    "-c",
    "core.fileMode=true",
    "-c",
    "diff.renameLimit=100000",
    ...args
  ];
}

// src/checkpoint/private-git.ts
import { appendFileSync, existsSync as existsSync3, mkdirSync as mkdirSync3, readFileSync as readFileSync3, rmSync as rmSync3, writeFileSync } from "node:fs";
import { join as join5, relative as relative2, resolve as resolve2 } from "node:path";
var RAW_ATTRIBUTES = "* -text -crlf -eol -filter -ident -working-tree-encoding !diff !merge\n";
async function openPrivateGit(workspace, dir) {
  const where = await locate(workspace);
  if (!where) throw new Error(`'${workspace}' is not inside a git work tree; the workspace delta needs git`);
  const { top } = where;
  const gitDir = join5(dir, "git");
  const pg = {
    top,
    prefix: relative2(top, workspace).split("\\").join("/"),
    dir,
    gitDir,
    indexFile: join5(dir, "index")
  };
  if (!existsSync3(join5(gitDir, "HEAD"))) {
    rmSync3(gitDir, { recursive: true, force: true });
    mkdirSync3(dir, { recursive: true });
    await git(["init", "-q", "--bare", "--template=", gitDir], { cwd: dir, env: isolated() });
    appendFileSync(
      join5(gitDir, "config"),
      "[core]\n	bare = false\n	attributesFile = /dev/null\n	looseCompression = 0\n	fsync = none\n"
    );
  }
  mkdirSync3(join5(gitDir, "info"), { recursive: true });
  mkdirSync3(join5(gitDir, "objects", "info"), { recursive: true });
  writeFileSync(join5(gitDir, "info", "attributes"), RAW_ATTRIBUTES);
  writeFileSync(join5(gitDir, "info", "exclude"), existsSync3(where.exclude) ? readFileSync3(where.exclude) : "");
  writeFileSync(join5(gitDir, "objects", "info", "alternates"), `${where.objects}
`);
  return pg;
}
async function locate(workspace) {
  let out;
  try {
    out = (await git(["rev-parse", "--show-toplevel", "--git-path", "info/exclude", "--git-path", "objects"], {
      cwd: workspace
    })).toString("utf8");
  } catch {
    return null;
  }
  const [top, exclude, objects] = out.replace(/\n$/, "").split("\n");
  return { top, exclude: resolve2(workspace, exclude), objects: resolve2(workspace, objects) };
}
function isolated() {
  return { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
}
function privateOpts(pg, cwd, more = {}) {
  return {
    ...more,
    cwd,
    indexFile: more.indexFile ?? pg.indexFile,
    env: {
      ...isolated(),
      GIT_DIR: pg.gitDir,
      GIT_WORK_TREE: pg.top,
      ...more.env
    }
  };
}

// src/checkpoint/delta.ts
var ZERO = "0000000000000000000000000000000000000000";
var DeltaMismatchError = class extends Error {
  constructor(message, paths) {
    super(message);
    this.paths = paths;
  }
  paths;
};
async function deltaContext(workspace, dir) {
  const ws = resolve3(workspace);
  return { workspace: ws, ...await openPrivateGit(ws, dir) };
}
var ADD = ["-c", "core.bigFileThreshold=1", "-c", "pack.compression=1", "add"];
function addEnv() {
  return {
    MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? String(64 << 20),
    MALLOC_TOP_PAD_: process.env.MALLOC_TOP_PAD_ ?? String(1 << 20)
  };
}
async function stage(ctx, touched = []) {
  const here = privateOpts(ctx, ctx.workspace, { env: addEnv() });
  await git([...ADD, "-A", "--", "."], here);
  const forced = await ignoredAmong(ctx, touched);
  if (forced.length) {
    await git([...ADD, "-f", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"], {
      ...here,
      input: forced.join("\0"),
      env: { ...here.env, GIT_LITERAL_PATHSPECS: "1" }
    });
  }
  return (await git(["write-tree", "--missing-ok"], here)).toString("utf8").trim();
}
async function ignoredAmong(ctx, paths) {
  if (!paths.length) return [];
  const listed = await git(["ls-files", "-z"], privateOpts(ctx, ctx.workspace));
  const known = /* @__PURE__ */ new Set();
  for (const f of listed.toString("utf8").split("\0")) {
    if (!f) continue;
    for (let p = f; p !== "." && !known.has(p); p = posix3.dirname(p)) known.add(p);
  }
  return paths.filter((p) => !known.has(p));
}
async function captureBase(ctx) {
  await rm(ctx.indexFile, { force: true });
  const here = privateOpts(ctx, ctx.workspace);
  const tracked = trackedFiles(await git(["ls-files", "-z", "-s", "--", "."], { cwd: ctx.workspace }));
  if (tracked.length) {
    const stage2 = (paths) => git(["update-index", "--add", "--remove", "--info-only", "-z", "--stdin"], {
      ...here,
      input: paths.join("\0")
    });
    await stage2(tracked).catch(async (err) => {
      const kept = tracked.filter((p) => !lstatIfAny(join6(ctx.workspace, p))?.isDirectory());
      if (kept.length === tracked.length) throw err;
      if (kept.length) await stage2(kept);
    });
  }
  const others = (await git(["ls-files", "-z", "-o", "--exclude-standard"], here)).toString("utf8").split("\0").filter(Boolean);
  if (others.length > FEW_PATHSPECS) {
    await git(["add", "-A", "--", "."], here);
  } else if (others.length) {
    await git(["add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"], {
      ...here,
      input: others.join("\0"),
      env: { ...here.env, GIT_LITERAL_PATHSPECS: "1" }
    });
  }
  const tree = await treeOfCopy(ctx);
  let head;
  try {
    head = (await git(["rev-parse", "--verify", "-q", "HEAD"], { cwd: ctx.top })).toString("utf8").trim() || null;
  } catch {
    head = null;
  }
  return { tree, head };
}
var FEW_PATHSPECS = 100;
async function treeOfCopy(ctx) {
  const copy = join6(ctx.dir, "tree-index");
  await rm(copy, { force: true });
  if (await stat(ctx.indexFile).catch(() => null)) {
    await copyFile(ctx.indexFile, copy);
    const ahead = new Date(Date.now() + 864e5);
    await utimes(copy, ahead, ahead);
  }
  const tree = (await git(["write-tree", "--missing-ok"], privateOpts(ctx, ctx.workspace, { indexFile: copy }))).toString("utf8").trim();
  await rm(copy, { force: true });
  return tree;
}
async function refreshIndex(ctx) {
  const written2 = await stat(ctx.indexFile).catch(() => null);
  if (!written2 || Date.now() < refreshDue(written2.mtimeMs)) return false;
  const copy = join6(ctx.dir, "refresh-index");
  await rm(copy, { force: true });
  await copyFile(ctx.indexFile, copy);
  const dated = new Date(Math.floor(written2.mtimeMs / 1e3) * 1e3);
  await utimes(copy, dated, dated);
  await git(["update-index", "-q", "--refresh", "--force-write-index"], {
    ...privateOpts(ctx, ctx.top, { indexFile: copy }),
    okCodes: [1]
  });
  await rename(copy, ctx.indexFile);
  return true;
}
function refreshDue(mtimeMs) {
  return (Math.floor(mtimeMs / 1e3) + 1) * 1e3 + 20;
}
function trackedFiles(raw) {
  const out = [];
  for (const rec of raw.toString("utf8").split("\0")) {
    const tab = rec.indexOf("	");
    if (tab < 0 || rec.startsWith("160000 ") || !rec.slice(0, tab).endsWith(" 0")) continue;
    out.push(rec.slice(tab + 1));
  }
  return out;
}
function parseRaw(raw) {
  const parts = raw.toString("utf8").split("\0");
  const out = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const m = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}) ([0-9a-f]{40}) [A-Z]\d*$/.exec(parts[i]);
    if (!m) throw new Error(`unexpected git diff output: ${parts[i].slice(0, 80)}`);
    out.push({ oldMode: m[1], newMode: m[2], oldSha: m[3], newSha: m[4], path: parts[i + 1] });
  }
  return out;
}
var CONTENT_MODES = /* @__PURE__ */ new Set(["100644", "100755", "120000"]);
var COMMIT_ENV = {
  GIT_AUTHOR_NAME: "bulk-ops",
  GIT_AUTHOR_EMAIL: "bulk-ops@localhost",
  GIT_AUTHOR_DATE: "1970-01-01T00:00:00Z",
  GIT_COMMITTER_NAME: "bulk-ops",
  GIT_COMMITTER_EMAIL: "bulk-ops@localhost",
  GIT_COMMITTER_DATE: "1970-01-01T00:00:00Z"
};
async function sideTree(ctx, entries, side, scratch = `${side}-index`) {
  const index = join6(ctx.dir, scratch);
  await rm(index, { force: true });
  const opts = privateOpts(ctx, ctx.top, { indexFile: index });
  const lines = entries.filter((e) => CONTENT_MODES.has(side === "old" ? e.oldMode : e.newMode)).map(
    (e) => `${side === "old" ? e.oldMode : e.newMode} ${side === "old" ? e.oldSha : e.newSha}	${topPath(ctx, e.path)}\0`
  );
  if (lines.length) await git(["update-index", "-z", "--index-info"], { ...opts, input: lines.join("") });
  const tree = (await git(["write-tree", "--missing-ok"], opts)).toString("utf8").trim();
  await rm(index, { force: true });
  return tree;
}
function topPath(ctx, rel) {
  return ctx.prefix ? `${ctx.prefix}/${rel}` : rel;
}
async function oldSideTree(ctx, entries, scratch) {
  return sideTree(ctx, entries, "old", scratch);
}
async function oldSideCommit(ctx, entries) {
  const opts = privateOpts(ctx, ctx.top, { env: COMMIT_ENV });
  const env = { ...opts.env, ...COMMIT_ENV };
  const tree = await oldSideTree(ctx, entries);
  return (await git(["commit-tree", tree], { ...opts, env, input: "old side\n" })).toString("utf8").trim();
}
async function packNewSide(ctx, entries, packFile, thin, idxFile) {
  const opts = privateOpts(ctx, ctx.top, { env: COMMIT_ENV });
  const env = { ...opts.env, ...COMMIT_ENV };
  let before;
  let after;
  if (thin) {
    const [old, tree] = await Promise.all([oldSideCommit(ctx, entries), sideTree(ctx, entries, "new")]);
    before = old;
    after = (await git(["commit-tree", "-p", before, tree], { ...opts, env, input: "new side\n" })).toString("utf8").trim();
  } else {
    ;
    [before, after] = await Promise.all([oldSideTree(ctx, entries), sideTree(ctx, entries, "new")]);
  }
  const args = [
    "-c",
    "pack.compression=1",
    "-c",
    "pack.writeReverseIndex=false",
    "pack-objects",
    "--revs",
    "--window=1"
  ];
  const input = `${after}
^${before}
`;
  if (!thin) {
    const named = join6(dirname2(packFile), "new-side");
    const hash = (await git([...args, named], { ...opts, input })).toString("utf8").trim();
    if (!/^[0-9a-f]{40,64}$/.test(hash))
      throw new Error(`git pack-objects named no pack: '${hash.slice(0, 80)}'`);
    for (const [from, to] of [
      [`${named}-${hash}.pack`, packFile],
      [`${named}-${hash}.idx`, idxFile]
    ]) {
      await chmod(from, 420);
      await rename(from, to);
    }
    return false;
  }
  let deltas = null;
  await git([...args, "--thin", "--stdout", "--progress"], {
    ...opts,
    input,
    stdoutFile: packFile,
    onStderrTail: (tail) => {
      const m = /(?:^|[\r\n])Total \d+ \(delta (\d+)\)/.exec(tail);
      if (m) deltas = Number(m[1]);
    }
  });
  return deltas !== 0;
}
async function captureDelta(ctx, base, touched, createdDirs, packFile, whole = false, idxFile = packFile.replace(/(\.pack)?$/, ".idx")) {
  const present = [];
  const absent = [];
  for (const p of new Set(touched)) (lstatIfAny(join6(ctx.workspace, p)) ? present : absent).push(p);
  const tree = await stage(ctx, present);
  const entries = parseRaw(
    await git(
      ["diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--relative", base.tree, tree],
      privateOpts(ctx, ctx.workspace)
    )
  );
  const thin = await packNewSide(ctx, entries, packFile, !whole, idxFile);
  const inDelta = new Set(entries.map((e) => e.path));
  const removedUntracked = absent.filter((p) => !inDelta.has(p));
  const candidates = new Set(createdDirs);
  for (const p of [...entries.filter((e) => e.newSha === ZERO).map((e) => e.path), ...removedUntracked]) {
    for (let d = posix3.dirname(p); d !== "." && !candidates.has(d); d = posix3.dirname(d)) candidates.add(d);
  }
  const dirs = [];
  for (const d of candidates) if (lstatIfAny(join6(ctx.workspace, d))?.isDirectory()) dirs.push(d);
  return {
    base,
    tree,
    entries,
    createdDirs: dirs.sort(),
    removedUntracked: removedUntracked.sort(),
    packBytes: (await stat(packFile)).size,
    packThin: thin
  };
}
async function treeIndex(ctx, tree) {
  const out = /* @__PURE__ */ new Map();
  const raw = await git(["ls-tree", "-r", "-z", tree], privateOpts(ctx, ctx.workspace));
  for (const rec of raw.toString("utf8").split("\0")) {
    if (!rec) continue;
    const tab = rec.indexOf("	");
    const [mode, , sha] = rec.slice(0, tab).split(" ");
    out.set(rec.slice(tab + 1), [mode, sha]);
  }
  return out;
}
function written(m) {
  return m.entries.filter((e) => CONTENT_MODES.has(e.newMode));
}

// src/checkpoint/restore.ts
import { createHash as createHash2 } from "node:crypto";
import {
  chmodSync,
  closeSync as closeSync3,
  constants,
  ftruncateSync,
  mkdirSync as mkdirSync4,
  openSync as openSync3,
  readlinkSync,
  rmdirSync,
  writeSync
} from "node:fs";
import { copyFile as copyFile2, mkdir, open, rm as rm2 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join as join7, posix as posix4 } from "node:path";

// src/checkpoint/listing.ts
import { readdirSync } from "node:fs";
var Listing = class {
  constructor(root) {
    this.root = root;
  }
  root;
  /** Per directory (relative; '' for the root): its names, case folded; null when it rules nothing out. */
  dirs = /* @__PURE__ */ new Map();
  lstat(rel) {
    const slash = rel.lastIndexOf("/");
    const dir = slash < 0 ? "" : rel.slice(0, slash);
    let names = this.dirs.get(dir);
    if (names === void 0) this.dirs.set(dir, names = this.list(dir));
    return ruledOut(names, rel.slice(slash + 1)) ? void 0 : lstatIfAny(under(this.root, rel));
  }
  list(dir) {
    try {
      return foldNames(readdirSync(dir ? under(this.root, dir) : this.root));
    } catch (err) {
      const code = err.code;
      return code === "ENOENT" || code === "ENOTDIR" ? /* @__PURE__ */ new Set() : null;
    }
  }
};
function foldNames(names) {
  const folded = /* @__PURE__ */ new Set();
  for (const n of names) {
    for (let i = 0; i < n.length; i++) if (n.charCodeAt(i) > 127) return null;
    folded.add(n.toLowerCase().replace(/[. ]+$/, ""));
  }
  return folded;
}
function ruledOut(folded, name) {
  if (!folded || !name.length) return false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 126) return false;
  const last = name.charCodeAt(name.length - 1);
  return last !== 32 && last !== 46 && !folded.has(name.toLowerCase());
}

// src/checkpoint/restore.ts
function linkProblem(path, target) {
  if (target.includes("\0") || target === "") return "with an unreadable target";
  if (target.startsWith("/")) return `pointing to the absolute path '${target}'`;
  const resolved = posix4.normalize(posix4.join(posix4.dirname(path), target));
  if (resolved === ".." || resolved.startsWith("../")) return `pointing outside the workspace ('${target}')`;
  if (resolved.split("/").some((s) => s.toLowerCase() === ".git")) return `pointing into .git ('${target}')`;
  return null;
}
function catFile(ctx, mode, shas) {
  return git(["cat-file", mode, "--buffer"], {
    ...privateOpts(ctx, ctx.top),
    input: shas.join("\n") + "\n"
  });
}
async function readBlobs(ctx, shas) {
  const out = /* @__PURE__ */ new Map();
  if (!shas.length) return out;
  const raw = await catFile(ctx, "--batch", shas);
  let at = 0;
  while (at < raw.length) {
    const nl = raw.indexOf(10, at);
    const [sha, type, size] = raw.subarray(at, nl).toString("utf8").split(" ");
    at = nl + 1;
    if (type === "missing" || size === void 0) continue;
    const n = Number(size);
    if (type === "blob") out.set(sha, raw.subarray(at, at + n));
    at += n + 1;
  }
  return out;
}
async function verifyDelta(ctx, now, m, packs, started) {
  const all = [...m.entries.map((e) => e.path), ...m.createdDirs, ...m.removedUntracked];
  const unsafe = all.filter((p) => pathProblem(p) !== null || normalizeRel(p) !== p);
  if (unsafe.length)
    throw new DeltaMismatchError(`the delta names unsafe paths: ${unsafe.slice(0, 10).join(", ")}`, unsafe);
  const odd = m.entries.filter(
    (e) => !CONTENT_MODES.has(e.newMode) && e.newMode !== "000000" && e.newMode !== "160000"
  );
  if (odd.length)
    throw new DeltaMismatchError(`the delta gives '${odd[0].path}' the unknown mode ${odd[0].newMode}`, [
      odd[0].path
    ]);
  const sources = typeof packs === "string" ? [{ file: packs, entries: m.entries, thin: m.packThin }] : packs;
  const rest = sources.filter((p) => !started?.packs.includes(p));
  const untracked = !now && rest.some((p) => p.thin !== false) ? storeUntrackedPreimages(ctx, m) : Promise.resolve();
  const indexing = Promise.all([
    started?.settled ?? [],
    Promise.allSettled(
      rest.map(async (p, k) => {
        if (p.thin !== false) await Promise.all([oldSideTree(ctx, p.entries, `old-index-${k}`), untracked]);
        await indexPack(ctx, p, sources.length > 1);
      })
    )
  ]).then(([a, b]) => [...a, ...b]);
  const removedSizes = started?.held ?? heldPreimages(ctx, m.entries);
  let found = /* @__PURE__ */ new Map();
  let bad = null;
  let refused = null;
  try {
    found = pathsClear(ctx, m);
    if (!now && !m.entries.some((e) => e.oldMode === "160000"))
      bad = await preimagesOnDisk(ctx, m, found, started?.hashed);
  } catch (err) {
    refused = err;
  }
  const [indexed, removed] = await Promise.all([indexing, removedSizes]);
  const failed = indexed.find((r) => r.status === "rejected");
  if (refused) throw refused;
  if (failed) throw bad?.length ? differs(bad) : failed.reason;
  const news = written(m);
  const [blobs, have] = await Promise.all([
    readBlobs(ctx, [...new Set(news.filter((e) => e.newMode === "120000").map((e) => e.newSha))]),
    blobSizes(
      ctx,
      news.map((e) => e.newSha)
    )
  ]);
  for (const [sha, size] of removed) have.set(sha, size);
  const lacking = news.filter((e) => !have.has(e.newSha)).map((e) => e.path);
  if (lacking.length)
    throw new DeltaMismatchError(
      `the checkpoint lacks the content of ${lacking.slice(0, 10).join(", ")}`,
      lacking
    );
  for (const e of news) {
    if (e.newMode !== "120000") continue;
    const problem = linkProblem(e.path, blobs.get(e.newSha)?.toString("utf8") ?? "");
    if (problem) throw new DeltaMismatchError(`the delta makes '${e.path}' a symlink ${problem}`, [e.path]);
  }
  if (!bad) {
    const base = now ?? await captureBase(ctx);
    bad = base.tree === m.base.tree ? [] : await preimagesInTree(ctx, m, base, found);
  }
  if (bad.length) throw differs(bad);
  return { sizes: have, found };
}
function differs(bad) {
  return new DeltaMismatchError(
    `the workspace differs from what the checkpoint was made against at ${bad.length} path(s): ${bad.slice(0, 20).join(", ")}${bad.length > 20 ? ", \u2026" : ""}`,
    bad
  );
}
async function storeUntrackedPreimages(ctx, m) {
  const olds = m.entries.filter((e) => CONTENT_MODES.has(e.oldMode)).map((e) => e.path);
  if (!olds.length) return;
  const listed = await git(["ls-files", "-z", "--", "."], { cwd: ctx.workspace });
  const tracked = new Set(listed.toString("utf8").split("\0"));
  const paths = olds.filter((p) => !tracked.has(p));
  if (!paths.length) return;
  const index = join7(ctx.dir, "untracked-index");
  await rm2(index, { force: true });
  await git(["update-index", "--add", "-z", "--stdin"], {
    ...privateOpts(ctx, ctx.workspace, { indexFile: index }),
    input: paths.join("\0")
  }).catch(() => void 0);
  await rm2(index, { force: true });
}
function heldPreimages(ctx, entries) {
  const olds = new Set(entries.filter((e) => e.newMode === "000000" && e.oldSha !== ZERO).map((e) => e.oldSha));
  return blobSizes(ctx, [...olds]).catch(() => /* @__PURE__ */ new Map());
}
function indexWholePacks(ctx, packs, several = packs.length > 1) {
  const whole = packs.filter((p) => p.thin === false);
  return { packs: whole, settled: Promise.allSettled(whole.map((p) => indexPack(ctx, p, several))) };
}
async function indexPack(ctx, p, several) {
  if (p.idx && p.thin === false) return installPack(ctx, p.file, p.idx);
  await git(["index-pack", ...several ? ["--threads=1"] : [], "--fix-thin", "--stdin"], {
    ...privateOpts(ctx, ctx.top),
    stdinFile: p.file
  }).catch((err) => {
    throw new DeltaMismatchError(`the checkpoint's content does not unpack here: ${err.message}`, []);
  });
}
async function installPack(ctx, file, idx) {
  await idx.checked;
  try {
    const dir = join7(ctx.gitDir, "objects", "pack");
    await mkdir(dir, { recursive: true });
    const name = join7(dir, `pack-${await packHash(file)}`);
    await copyFile2(file, `${name}.pack`);
    await copyFile2(idx.file, `${name}.idx`);
  } catch (err) {
    throw new DeltaMismatchError(
      `the checkpoint's content cannot be installed here: ${errorMessage(err)}`,
      []
    );
  }
}
async function packHash(file) {
  const fh = await open(file, "r");
  try {
    const { size } = await fh.stat();
    const tail = Buffer.alloc(20);
    if (size < 32 || (await fh.read(tail, 0, 20, size - 20)).bytesRead !== 20)
      throw new Error(`${file} is too short to be a pack`);
    return tail.toString("hex");
  } finally {
    await fh.close();
  }
}
async function preimagesInTree(ctx, m, base, found) {
  const cur = await treeIndex(ctx, base.tree);
  const bad = [];
  for (const e of m.entries) {
    const had = cur.get(e.path);
    if (e.oldSha === ZERO) {
      if (had || found.get(e.path)) bad.push(e.path);
    } else if (!had || had[0] !== e.oldMode || had[1] !== e.oldSha) {
      bad.push(e.path);
    }
  }
  return bad;
}
async function preimagesOnDisk(ctx, m, found, early) {
  const hashed = early ? await early.ids : void 0;
  const bad = [];
  for (const e of m.entries) {
    const s = found.get(e.path) ?? null;
    const then = hashed?.get(e.path);
    const id = s && then && sameFile(s, then.st) ? then.id : void 0;
    const had = id ? [s.mode & 64 ? "100755" : "100644", id] : onDisk(ctx.workspace, e.path, s);
    if (e.oldSha === ZERO ? had !== null : !had || had[0] !== e.oldMode || had[1] !== e.oldSha)
      bad.push(e.path);
  }
  return bad;
}
async function blobSizes(ctx, shas) {
  const out = /* @__PURE__ */ new Map();
  if (!shas.length) return out;
  const listed = await catFile(ctx, "--batch-check", shas);
  for (const l of listed.toString("utf8").split("\n")) {
    const m = /^([0-9a-f]{40}) blob (\d+)$/.exec(l);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}
function blobId(size, parts) {
  const h = createHash2("sha1").update(`blob ${size}\0`);
  for (const p of parts) h.update(p);
  return h.digest("hex");
}
function onDisk(workspace, rel, s) {
  const abs = under(workspace, rel);
  if (!s) return null;
  if (s.isSymbolicLink()) {
    const target = readlinkSync(abs, { encoding: "buffer" });
    return ["120000", blobId(target.length, [target])];
  }
  if (!s.isFile()) return ["dir", ""];
  return [s.mode & 64 ? "100755" : "100644", blobId(s.size, fileChunks(abs))];
}
function pathsClear(ctx, m) {
  const goes = /* @__PURE__ */ new Set([
    ...m.entries.filter((e) => e.newMode === "000000").map((e) => e.path),
    ...m.removedUntracked
  ]);
  const seen = /* @__PURE__ */ new Set();
  const refuse = (p, why) => {
    throw new DeltaMismatchError(`the delta writes '${p}', but ${why} in this workspace`, [p]);
  };
  for (const p of [...m.entries.map((e) => e.path), ...m.createdDirs, ...m.removedUntracked]) {
    for (let d = posix4.dirname(p); d !== "." && !seen.has(d); d = posix4.dirname(d)) {
      seen.add(d);
      const s = lstatIfAny(under(ctx.workspace, d));
      if (s?.isSymbolicLink()) refuse(p, `'${d}' is a symlink`);
      if (s && !s.isDirectory() && !goes.has(d)) refuse(p, `'${d}' is a file`);
    }
  }
  const found = /* @__PURE__ */ new Map();
  const listing = new Listing(ctx.workspace);
  for (const e of m.entries) {
    const s = listing.lstat(e.path) ?? null;
    found.set(e.path, s);
    if (s?.isDirectory() && CONTENT_MODES.has(e.newMode)) refuse(e.path, "it is a directory");
  }
  return found;
}
async function applyDelta(ctx, m, verified, meanwhile) {
  const guard = new Rollback(ctx.workspace, join7(ctx.dir, "rollback"));
  try {
    const news = written(m);
    const sizes = verified?.sizes ?? await blobSizes(
      ctx,
      news.map((e) => e.newSha)
    );
    const removed = m.entries.filter((e) => e.newMode === "000000");
    for (const e of m.entries) if (e.newMode !== "000000") guard.keep(e.path, verified?.found.get(e.path));
    for (const d of m.createdDirs) guard.keep(d);
    const made = [...news.map((e) => e.path), ...m.createdDirs];
    const held = (e) => verified?.sizes.has(e.oldSha) === true && CONTENT_MODES.has(e.oldMode);
    const removeFirst = crosses(
      removed.map((e) => e.path),
      news.map((e) => e.path),
      m.createdDirs
    );
    const takenOver = removeFirst || !verified ? [] : reusable(news, removed.filter(held), verified.found, sizes);
    const moved = new Set(takenOver.map((t) => t.from.path));
    const byGit = new Set(news);
    for (const t of takenOver) byGit.delete(t.to);
    const removeAll = async () => {
      const gone = removed.filter((e) => !moved.has(e.path));
      for (const e of gone) if (!held(e)) guard.remove(e.path);
      await guard.dropAll(gone.filter(held).map((e) => ({ path: e.path, mode: e.oldMode, sha: e.oldSha })));
      pruneEmptied(
        ctx.workspace,
        removed.map((e) => e.path),
        made
      );
    };
    if (removeFirst) await removeAll();
    await writeBlobs(
      ctx,
      [...byGit].map((e) => ({ mode: e.newMode, sha: e.newSha, path: e.path })),
      "apply-index",
      async () => {
        meanwhile?.();
        await takeOver(ctx, guard, takenOver);
      },
      // The take-over keeps this thread busy meanwhile: a core less for git.
      takenOver.length ? Math.max(1, availableParallelism() - 1) : 0
    );
    if (!removeFirst) await removeAll();
    for (const d of m.createdDirs) await mkdir(join7(ctx.workspace, d), { recursive: true });
    for (const p of m.removedUntracked) guard.remove(p);
    checkApplied(ctx, m, sizes);
  } catch (err) {
    try {
      await guard.rollback((dropped) => writeBlobs(ctx, dropped, "rollback-index"));
    } catch (undo) {
      throw new Error(
        `${errorMessage(err)}; putting the workspace back failed too (${errorMessage(undo)}); the saved files are in ${join7(ctx.dir, "rollback")}`,
        { cause: undo }
      );
    }
    throw new Error(`${errorMessage(err)}; the workspace was put back as the checkout made it`, {
      cause: err
    });
  }
  guard.commit();
}
var REGULAR = /* @__PURE__ */ new Set(["100644", "100755"]);
function reusable(news, removed, found, sizes) {
  const usable = removed.filter((e) => {
    const st = found.get(e.path);
    return REGULAR.has(e.oldMode) && st?.isFile() === true && st.nlink === 1;
  });
  if (!usable.length) return [];
  const bySha = groupBy(usable, (e) => e.oldSha);
  const out = [];
  const take2 = (from, to) => {
    out.push({ from, to, st: found.get(from.path) });
  };
  const rest = [];
  for (const e of news) {
    if (!REGULAR.has(e.newMode)) continue;
    const same2 = bySha.get(e.newSha);
    if (same2?.length) take2(same2.pop(), e);
    else rest.push({ e, size: sizes.get(e.newSha) ?? Infinity });
  }
  const bySize = (x, y) => x.size - y.size;
  const fit = (ns, rs) => {
    ns.sort(bySize);
    rs.sort(bySize);
    const leftNew2 = [];
    let k = 0;
    for (const n of ns) {
      if (k < rs.length && rs[k].size <= n.size) take2(rs[k++].e, n.e);
      else leftNew2.push(n);
    }
    return [leftNew2, rs.slice(k)];
  };
  const dirOf = (x) => posix4.dirname(x.e.path);
  const spare = [...bySha.values()].flat().map((e) => ({ e, size: found.get(e.path).size }));
  const spareByDir = groupBy(spare, dirOf);
  const leftNew = [];
  const leftOld = [];
  for (const [d, ns] of groupBy(rest, dirOf)) {
    const [n, r] = fit(ns, spareByDir.get(d) ?? []);
    spareByDir.delete(d);
    leftNew.push(...n);
    leftOld.push(...r);
  }
  for (const r of spareByDir.values()) leftOld.push(...r);
  fit(leftNew, leftOld);
  return out;
}
function groupBy(list, key) {
  const by = /* @__PURE__ */ new Map();
  for (const x of list) {
    const k = key(x);
    const group2 = by.get(k);
    if (group2) group2.push(x);
    else by.set(k, [x]);
  }
  return by;
}
async function takeOver(ctx, guard, list) {
  if (!list.length) return;
  const dirs = /* @__PURE__ */ new Set();
  const content = /* @__PURE__ */ new Map();
  for (const { from, to, st } of list) {
    const abs = under(ctx.workspace, to.path);
    const d = posix4.dirname(to.path);
    if (d !== "." && !dirs.has(d)) {
      mkdirSync4(join7(ctx.workspace, d), { recursive: true });
      dirs.add(d);
    }
    guard.moveDropped({ path: from.path, mode: from.oldMode, sha: from.oldSha }, to.path);
    const exec = to.newMode === "100755";
    if (exec !== ((st.mode & 64) !== 0)) {
      const perm = st.mode & 4095;
      chmodSync(abs, exec ? perm | (perm & 292) >> 2 : perm & ~73);
    }
    if (from.oldSha === to.newSha) continue;
    const files = content.get(to.newSha);
    if (files) files.push({ abs, size: st.size });
    else content.set(to.newSha, [{ abs, size: st.size }]);
  }
  if (content.size) await overwriteBlobs(ctx, content);
}
async function overwriteBlobs(ctx, targets) {
  let head = [];
  const fds = [];
  let longer = [];
  let size = 0;
  let left = -1;
  const closeAll = () => {
    for (const fd of fds.splice(0)) closeSync3(fd);
  };
  try {
    await gitStream(
      ["cat-file", "--batch", "--buffer"],
      { ...privateOpts(ctx, ctx.top), input: [...targets.keys()].join("\n") + "\n" },
      (d) => {
        let at = 0;
        while (at < d.length) {
          if (left < 0) {
            const nl = d.indexOf(10, at);
            head.push(d.subarray(at, nl < 0 ? d.length : nl));
            if (nl < 0) return;
            const line = Buffer.concat(head).toString("utf8");
            head = [];
            at = nl + 1;
            const [sha, type, bytes] = line.split(" ");
            const files = targets.get(sha);
            if (type !== "blob" || bytes === void 0 || !files)
              throw new Error(`git has no blob to write for '${line}'`);
            size = Number(bytes);
            longer = [];
            for (const f of files) {
              const fd = openSync3(f.abs, constants.O_WRONLY | constants.O_NOFOLLOW);
              fds.push(fd);
              if (f.size > size) longer.push(fd);
            }
            left = size + 1;
            continue;
          }
          const n = Math.min(left, d.length - at);
          const body = d.subarray(at, at + (n === left ? n - 1 : n));
          const offset = size + 1 - left;
          for (const fd of fds)
            for (let k = 0; k < body.length; ) k += writeSync(fd, body, k, body.length - k, offset + k);
          left -= n;
          at += n;
          if (left === 0) {
            for (const fd of longer) ftruncateSync(fd, size);
            closeAll();
            left = -1;
          }
        }
      }
    );
    if (left !== -1) throw new Error("git cat-file ended in the middle of a blob");
  } finally {
    closeAll();
  }
}
function crosses(removed, files, dirs) {
  if (!removed.length || !files.length && !dirs.length) return false;
  const fold = (p) => p.normalize("NFC").toLowerCase();
  const gone = new Set(removed.map(fold));
  for (const p of [...files, ...dirs])
    for (let d = fold(p); d !== "."; d = posix4.dirname(d)) if (gone.has(d)) return true;
  const written2 = new Set(files.map(fold));
  for (const r of gone)
    for (let d = posix4.dirname(r); d !== "."; d = posix4.dirname(d)) if (written2.has(d)) return true;
  return false;
}
function pruneEmptied(root, removed, next) {
  const ancestors = (paths) => {
    const dirs2 = /* @__PURE__ */ new Set();
    for (const p of paths) {
      for (let d = posix4.dirname(p); d !== "." && !dirs2.has(d); d = posix4.dirname(d)) dirs2.add(d);
    }
    return dirs2;
  };
  const kept = ancestors(next);
  for (const d of next) kept.add(d);
  const dirs = [...ancestors(removed)].filter((d) => !kept.has(d));
  for (const d of dirs.sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join7(root, d));
    } catch {
    }
  }
}
async function writeBlobs(ctx, items, scratch, meanwhile, workers = 0) {
  const writing = items.length ? checkoutBlobs(ctx, items, scratch, workers) : Promise.resolve();
  const [wrote, other] = await Promise.allSettled([writing, (async () => meanwhile?.())()]);
  if (wrote.status === "rejected") throw wrote.reason;
  if (other.status === "rejected") throw other.reason;
}
async function checkoutBlobs(ctx, items, scratch, workers) {
  const index = join7(ctx.dir, scratch);
  await rm2(index, { force: true });
  const opts = privateOpts(ctx, ctx.top, { indexFile: index });
  await git(["update-index", "-z", "--index-info"], {
    ...opts,
    input: items.map((e) => `${e.mode} ${e.sha}	${topPath(ctx, e.path)}\0`).join("")
  });
  const config = {
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_KEY_0: "checkout.workers",
    GIT_CONFIG_VALUE_0: String(workers)
  };
  await git(["checkout-index", "-f", "-z", "--stdin"], {
    ...opts,
    env: { ...opts.env, ...config },
    input: items.map((e) => `${topPath(ctx, e.path)}\0`).join("")
  });
  await rm2(index, { force: true });
}
function checkApplied(ctx, m, sizes) {
  const wrong = [];
  const files = /* @__PURE__ */ new Map();
  let dirs;
  const madeDir = (p) => {
    dirs ??= /* @__PURE__ */ new Set([
      ...m.createdDirs,
      ...written(m).flatMap((e) => {
        const up = [];
        for (let d = posix4.dirname(e.path); d !== "."; d = posix4.dirname(d)) up.push(d);
        return up;
      })
    ]);
    return dirs.has(p);
  };
  const listing = new Listing(ctx.workspace);
  for (const e of m.entries) {
    if (e.newMode === "160000") continue;
    const s = listing.lstat(e.path);
    if (e.newSha === ZERO) {
      if (s && !(s.isDirectory() && madeDir(e.path))) wrong.push(`'${e.path}' is still there`);
      continue;
    }
    const kind = e.newMode === "120000" ? s?.isSymbolicLink() : s?.isFile() && e.newMode === "100755" === !!(s.mode & 64);
    if (!s || !kind || s.size !== sizes.get(e.newSha)) {
      wrong.push(
        `'${e.path}' is not the ${e.newMode} blob ${e.newSha.slice(0, 12)} of ${sizes.get(e.newSha)} bytes`
      );
      continue;
    }
    const id = `${s.dev}:${s.ino}`;
    const other = files.get(id);
    if (other !== void 0) wrong.push(`'${e.path}' and '${other}' are one file here`);
    files.set(id, e.path);
  }
  if (wrong.length) {
    throw new Error(
      `after applying the delta, ${wrong.length} path(s) differ: ${wrong.slice(0, 10).join(", ")}${wrong.length > 10 ? ", \u2026" : ""}`
    );
  }
}

// src/shard/saw-alike.ts
var NONE = { bytes: Buffer.alloc(0), ends: new Uint32Array(0), length: 0 };
function packed(list) {
  if (!list || list.length === 0) return NONE;
  const p = list.packedBytes();
  if (p) return { ...p, length: list.length };
  const strings = list.slice();
  if (!strings.every((x) => x.isWellFormed())) return null;
  const parts = strings.map((x) => Buffer.from(x, "utf8"));
  const ends = new Uint32Array(parts.length);
  let at = 0;
  parts.forEach((b, i) => ends[i] = at += b.length);
  return { bytes: Buffer.concat(parts), ends, length: parts.length };
}
var startOf = (l, i) => i === 0 ? 0 : l.ends[i - 1];
function compare(a, i, b, j) {
  const as = startOf(a, i);
  const bs = startOf(b, j);
  const an = a.ends[i] - as;
  const bn = b.ends[j] - bs;
  const n = Math.min(an, bn);
  for (let k = 0; k < n; k++) {
    const d = a.bytes[as + k] - b.bytes[bs + k];
    if (d !== 0) return d;
  }
  return an - bn;
}
function same(a, i, b, j) {
  return a.ends[i] - startOf(a, i) === b.ends[j] - startOf(b, j) && compare(a, i, b, j) === 0;
}
function sawAlike(seen) {
  const lists = [];
  for (const s of seen) {
    const own = packed(s.matches);
    const others = packed(s.others);
    if (!own || !others) return false;
    lists.push([own, others]);
  }
  if (!lists.length) return false;
  const total = lists[0][0].length + lists[0][1].length;
  if (lists.some(([a, b]) => a.length + b.length !== total)) return false;
  const [own1, others1] = lists[0];
  const refList = new Array(total);
  const refAt = new Uint32Array(total);
  for (let r = 0, i = 0, j = 0; r < total; r++) {
    const fromOwn = j >= others1.length || i < own1.length && compare(own1, i, others1, j) < 0;
    refList[r] = fromOwn ? own1 : others1;
    refAt[r] = fromOwn ? i++ : j++;
    if (r > 0 && compare(refList[r - 1], refAt[r - 1], refList[r], refAt[r]) >= 0) return false;
  }
  const owners = new Uint16Array(total);
  for (const [own, others] of lists) {
    let i = 0;
    let j = 0;
    for (let r = 0; r < total; r++) {
      const list = refList[r];
      const at = refAt[r];
      if (i < own.length && same(own, i, list, at)) {
        owners[r]++;
        i++;
      } else if (j < others.length && same(others, j, list, at)) j++;
      else return false;
    }
  }
  return owners.every((n) => n === 1);
}

// src/shard/merge.ts
var REPORT_FILE = "report.json";
var MergeRefusal = class extends Error {
};
var RERUN = '"Re-run failed jobs" re-runs the shards that failed or were lost (each resumes from its own checkpoint) and then this merge.';
async function mergeShards(o) {
  const startedAt = Date.now();
  const ctx = await deltaContext(o.workspace, join8(o.localDir, "git"));
  const packs = [];
  const early = [];
  let held;
  let hashed;
  const started = () => ({
    packs: early.flatMap((e) => e.packs),
    // Settled once the look-up and hashing below are over too: nothing is left running when the
    // merge refuses.
    settled: Promise.all([held, hashed?.ids]).then(
      async () => (await Promise.all(early.map((e) => e.settled))).flat()
    ),
    ...held ? { held } : {},
    ...hashed ? { hashed } : {}
  });
  let loaded;
  let combined;
  try {
    loaded = await loadResults(
      o,
      (dir, manifest, checked) => {
        const pack = {
          file: join8(dir, PACK_FILE),
          entries: manifest.delta.entries,
          thin: manifest.delta.packThin,
          ...manifest.files?.[IDX_FILE] ? { idx: { file: join8(dir, IDX_FILE), checked } } : {}
        };
        if (!existsSync4(pack.file)) return;
        packs.push(pack);
        early.push(indexWholePacks(ctx, [pack], o.count > 1));
      },
      // While the results are checked: the removed preimages that git holds are looked up, and
      // git hashes the files the shards changed (their preimages).
      (manifests) => {
        const entries = manifests.flatMap((m) => m.delta.entries);
        held = heldPreimages(ctx, entries);
        const regular = /* @__PURE__ */ new Set(["100644", "100755"]);
        hashed = hashEarly(
          ctx,
          entries.filter((e) => regular.has(e.oldMode)).map((e) => e.path)
        );
      }
    );
    checkShardable(o, loaded);
    combined = combineDeltas(loaded);
  } catch (err) {
    await started().settled;
    throw err;
  }
  const { delta, shared } = combined;
  let verified;
  try {
    verified = await verifyDelta(ctx, null, delta, packs, started());
  } catch (err) {
    await started().settled;
    throw new MergeRefusal(
      `cannot merge: the shards' combined changes cannot be applied to this checkout: ${errorMessage(err)}. Nothing was changed; the merge job must check out the commit the shards ran on.`
    );
  }
  let report;
  const made = () => wholeReport(o, loaded, {
    startedAt,
    paths: delta.entries.length + delta.removedUntracked.length,
    shared,
    dirs: delta.createdDirs.length
  });
  await applyDelta(ctx, delta, verified, () => report = made());
  report ??= made();
  report.durationMs = Date.now() - startedAt;
  o.logger.info(
    `applied the combined changes of ${o.count} shards: ${delta.entries.length} paths (${shared} changed alike by several shards), ${delta.createdDirs.length} directories created`
  );
  return report;
}
async function loadResults(o, opened, allRead) {
  const problems = [];
  const read = [];
  const refused = (i, r, err) => {
    const why = err instanceof CheckpointError ? err.message : errorMessage(err);
    problems[i] = [`shard ${i}: its result ${r.artifact} cannot be used (${why})`];
  };
  for (let i = 1; i <= o.count; i++) {
    const r = o.results.find((x) => x.index === i);
    if (!r) {
      problems[i] = [
        `shard ${i}: ${o.without?.get(i) ?? "missing (no result was uploaded: the job did not run, or its runner was lost before it saved anything)"}`
      ];
      continue;
    }
    try {
      const manifest = readCheckpoint(r.dir, o.plan.planId);
      if (manifest.shard?.index !== i || manifest.shard.count !== o.count)
        throw new CheckpointError(
          `it was made by ${manifest.shard ? shardText(manifest.shard) : "a run that was not a shard"}, not ${shardText({ index: i, count: o.count })}`
        );
      const sums = Promise.withResolvers();
      sums.promise.catch(() => void 0);
      read.push({ r, manifest, sums });
    } catch (err) {
      refused(i, r, err);
    }
  }
  for (const x of read) opened(x.r.dir, x.manifest, x.sums.promise);
  allRead(read.map((x) => x.manifest));
  const loaded = [];
  for (const { r, manifest, sums } of read) {
    const i = r.index;
    try {
      try {
        checkSums(r.dir, manifest);
      } catch (err) {
        sums.reject(err);
        throw err;
      }
      sums.resolve();
      const reportPath = join8(r.dir, REPORT_FILE);
      if (!existsSync4(reportPath)) throw new CheckpointError(`it carries no ${REPORT_FILE}`);
      const report = JSON.parse(readFileSync4(reportPath, "utf8"));
      const c = report.counts;
      if (c.failed > 0) {
        problems[i] = [
          `shard ${i}: failed (${c.failed} of ${c.total} operations failed in attempt ${report.attempt}; artifact ${r.artifact})`
        ];
        continue;
      }
      if (c.pending > 0 || !report.complete) {
        problems[i] = [
          `shard ${i}: incomplete (${c.pending} of ${c.total} operations pending after attempt ${report.attempt}${report.stoppedBy ? `, stopped by ${report.stoppedBy}` : ""}; artifact ${r.artifact})`
        ];
        continue;
      }
      const { state } = Journal.load(r.dir, { readOnly: true });
      loaded.push({ r, manifest, report, state });
    } catch (err) {
      refused(i, r, err);
    }
  }
  const listed = problems.flat();
  if (listed.length) {
    throw new MergeRefusal(
      `cannot merge: ${listed.length} of ${o.count} shards ${listed.length === 1 ? "has" : "have"} no complete result, so nothing was changed.
  ${listed.join("\n  ")}
${RERUN}`
    );
  }
  const trees = new Set(loaded.map((l) => l.manifest.delta.base.tree));
  if (trees.size > 1) {
    throw new MergeRefusal(
      `cannot merge: the shards ran on different checkouts (${loaded.map((l) => `shard ${l.r.index}: ${l.manifest.delta.base.head ?? "no commit"}`).join(", ")}), so nothing was changed. Every shard must check out the same commit.`
    );
  }
  return loaded;
}
var SUGGESTIONS = ["{stem}", "{name}", "{dir}", "{path}"];
function checkShardable(o, loaded) {
  const checkout = new Listing(o.workspace);
  const inCheckout = (path) => (isPlainPath(path) ? checkout.lstat(path) : lstatSync2(join8(o.workspace, path), { throwIfNoEntry: false })) !== void 0;
  for (const decl of o.plan.ops) {
    if (!isFanOut(decl)) continue;
    const seen = (l) => {
      const e = l.state.expansions[decl.index];
      return e?.error !== void 0 ? 1 : (e?.matches.length ?? 0) + (e?.others?.length ?? 0);
    };
    if (decl.policy.ifNoMatch === "error" && loaded.every((l) => seen(l) === 0)) {
      throw new MergeRefusal(
        `cannot merge: ${opLabel(decl.index, decl.id)} (${decl.kind}): its glob '${decl.each ?? decl.subject}' matched nothing in any shard (if-no-match: error), so a single run would fail it; nothing was changed. Fix the glob, or set if-no-match: warn or ignore.`
      );
    }
    const exps = loaded.map((l) => l.state.expansions[decl.index]);
    if (exps.every((e) => e !== void 0 && e.error === void 0) && sawAlike(exps)) continue;
    const at = /* @__PURE__ */ new Map();
    const names = [];
    const first = [];
    const sawIt = [];
    loaded.forEach((l, k) => {
      const exp = l.state.expansions[decl.index];
      if (!exp || exp.error !== void 0) return;
      for (const p of exp.matches) {
        const j = at.get(p);
        if (j !== void 0) {
          sawIt[j]++;
          continue;
        }
        at.set(p, names.length);
        names.push(p);
        first.push(k);
        sawIt.push(1);
      }
    });
    for (const l of loaded) {
      const exp = l.state.expansions[decl.index];
      const counted = exp !== void 0 && exp.error === void 0;
      for (const p of exp?.others ?? []) {
        const j = at.get(p);
        if (j !== void 0) {
          if (counted) sawIt[j]++;
          continue;
        }
        if (inCheckout(p)) continue;
        throw new MergeRefusal(unshardable(decl, p, exp.base, l, shardOf(decl, p, exp.base, o.count)));
      }
    }
    for (let j = 0; j < names.length; j++) {
      const p = names[j];
      if (sawIt[j] === loaded.length || !inCheckout(p)) continue;
      const b = loaded[first[j]];
      const gone = loaded.find(
        (a) => a !== b && ![...a.state.expansions[decl.index]?.others ?? []].includes(p)
      );
      throw new MergeRefusal(goneElsewhere(decl, p, b.state.expansions[decl.index].base, b, gone));
    }
  }
}
function goneElsewhere(decl, path, base, b, a) {
  const by = a.report.operations.find((r) => r.from === path && r.outcome === "executed");
  const how = by ? ` (${by.op}, ${by.kind}${by.to ? ` to '${by.to}'` : ""})` : "";
  return `cannot merge: ${opLabel(decl.index, decl.id)} (${decl.kind}) cannot be sharded by shard-by '${decl.shardBy ?? DEFAULT_SHARD_BY}': shard ${b.r.index} acted on '${path}' (key '${shardKey(decl, path, base)}'), which the checkout has, but shard ${a.r.index} had moved or removed it by then${how}, so a single run would not have seen it. Nothing was changed. Give every fan-out that touches '${path}' the same shard-by (one shard-by in defaults, none per operation), so one shard does all of it.`;
}
function unshardable(decl, path, base, l, owner) {
  const key = shardKey(decl, path, base);
  const current = decl.shardBy ?? DEFAULT_SHARD_BY;
  const source = l.report.operations.find((r) => r.to === path && r.from)?.from ?? void 0;
  let advice;
  if (source) {
    const keyOf = (t, p) => renderTemplate(parseTemplate(t), templateVars(p, "."));
    const keeps = SUGGESTIONS.find((t) => t !== current && keyOf(t, source) === keyOf(t, path));
    advice = keeps ? `'${path}' was made from '${source}' in shard ${l.r.index}; shard-by: "${keeps}" (in defaults, so every fan-out uses it) gives both the key '${keyOf(keeps, path)}' and keeps them in one shard` : `'${path}' was made from '${source}' in shard ${l.r.index}, and no placeholder gives both the same key; a shard-by without placeholders (e.g. shard-by: "all") keeps everything in one shard`;
  } else {
    advice = `an earlier operation made it in shard ${l.r.index}; choose a shard-by that gives it the same key as what it was made from (e.g. "{dir}" for files made beside their source), in defaults so every fan-out uses it`;
  }
  return `cannot merge: ${opLabel(decl.index, decl.id)} (${decl.kind}) cannot be sharded by shard-by '${current}': shard ${l.r.index} found '${path}' in its expansion, the checkout does not have it, and its key '${key}' belongs to shard ${owner}, which never saw it; so no shard acted on '${path}', where a single run would have. Nothing was changed. ${advice}.`;
}
var sameEntry = (a, b) => a.oldMode === b.oldMode && a.oldSha === b.oldSha && a.newMode === b.newMode && a.newSha === b.newSha;
var describe = (e) => e.newSha === ZERO ? "removed it" : `made blob ${e.newSha.slice(0, 12)} (mode ${e.newMode})`;
function combineDeltas(loaded) {
  const entries = /* @__PURE__ */ new Map();
  const conflicts = [];
  let shared = 0;
  for (const l of loaded) {
    for (const e of l.manifest.delta.entries) {
      const had = entries.get(e.path);
      if (!had) {
        entries.set(e.path, { e, shards: [l.r.index] });
      } else if (sameEntry(had.e, e)) {
        if (had.shards.length === 1) shared++;
        had.shards.push(l.r.index);
      } else {
        conflicts.push(
          `'${e.path}': shard ${had.shards.join(", ")} ${describe(had.e)}, shard ${l.r.index} ${describe(e)}`
        );
      }
    }
  }
  for (const [path, x] of entries) {
    if (x.e.newSha === ZERO) continue;
    for (let d = posix5.dirname(path); d !== "."; d = posix5.dirname(d)) {
      const parent = entries.get(d);
      if (parent && parent.e.newSha !== ZERO)
        conflicts.push(
          `'${d}': shard ${parent.shards.join(", ")} made it a file, shard ${x.shards.join(", ")} wrote '${path}' inside it`
        );
    }
  }
  const removedUntracked = /* @__PURE__ */ new Set();
  for (const l of loaded) {
    for (const p of l.manifest.delta.removedUntracked) {
      const had = entries.get(p);
      if (had && had.e.newSha !== ZERO)
        conflicts.push(
          `'${p}': shard ${had.shards.join(", ")} ${describe(had.e)}, shard ${l.r.index} removed it`
        );
      removedUntracked.add(p);
    }
  }
  if (conflicts.length) {
    throw new MergeRefusal(
      `cannot merge: the shards changed ${conflicts.length} path(s) differently, so nothing was changed:
  ${conflicts.slice(0, 20).join("\n  ")}${conflicts.length > 20 ? "\n  \u2026" : ""}
Operations that every shard runs (not fan-outs) must not depend on what the fan-outs did; or choose a shard-by that keeps the files such a path depends on in one shard.`
    );
  }
  const first = loaded[0].manifest.delta;
  const dirs = new Set(loaded.flatMap((l) => l.manifest.delta.createdDirs));
  const byPath = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  return {
    delta: {
      base: first.base,
      tree: "",
      entries: [...entries.values()].map((x) => x.e).sort((a, b) => byPath(a.path, b.path)),
      createdDirs: [...dirs].sort(byPath),
      removedUntracked: [...removedUntracked].sort(byPath),
      packBytes: loaded.reduce((n, l) => n + l.manifest.delta.packBytes, 0)
    },
    shared
  };
}
function speaksFor(line, touched) {
  const paths = [line?.from, line?.to].filter((p) => !!p);
  if (!paths.length) return 0;
  const k = touched.findIndex((t) => paths.some((p) => t.reaches(p)));
  return k < 0 ? 0 : k;
}
var Touched = class {
  paths = /* @__PURE__ */ new Set();
  above = /* @__PURE__ */ new Set();
  add(p) {
    this.paths.add(p);
    for (let d = posix5.dirname(p); d !== "." && d !== "/" && !this.above.has(d); d = posix5.dirname(d)) {
      this.above.add(d);
    }
  }
  /** True when `p` was acted on, lies inside what was, or holds something that was. */
  reaches(p) {
    if (this.above.has(p)) return true;
    for (let d = p; d !== "." && d !== "/"; d = posix5.dirname(d)) if (this.paths.has(d)) return true;
    return false;
  }
};
function wholeReport(o, loaded, did) {
  const lines = loaded.map((l) => {
    const bySeq = /* @__PURE__ */ new Map();
    for (const r of l.report.operations) if (r.seq !== null) bySeq.set(r.seq, r);
    return bySeq;
  });
  const counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 };
  const operations = [];
  const touched = loaded.map(() => new Touched());
  for (const decl of o.plan.ops) {
    const speaker = (first, j) => {
      const k = speaksFor(first, touched);
      const exp = loaded[k].state.expansions[decl.index];
      return exp ? lines[k].get(exp.seq0 + j) : void 0;
    };
    const fanOut = isFanOut(decl);
    const from = fanOut ? loaded.map((_, k) => k) : [0];
    const rows = [];
    for (const k of from) {
      const exp = loaded[k].state.expansions[decl.index];
      if (!exp) continue;
      const n = exp.error !== void 0 ? 1 : exp.matches.length;
      if (exp.error !== void 0 && k > 0) continue;
      for (let j = 0; j < n; j++) {
        const r = fanOut ? lines[k].get(exp.seq0 + j) : speaker(lines[0].get(exp.seq0 + j), j);
        if (r) rows.push([j < exp.matches.length ? exp.matches.get(j) : "", r]);
      }
    }
    if (fanOut) {
      rows.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
      for (let k = 0; k < loaded.length; k++) {
        const exp = loaded[k].state.expansions[decl.index];
        if (!exp || exp.error !== void 0) continue;
        for (let j = 0; j < exp.matches.length; j++) {
          const r = lines[k].get(exp.seq0 + j);
          for (const p of [r?.from, r?.to]) if (p) touched[k].add(p);
        }
      }
    }
    for (const [, r] of rows) {
      operations.push({ ...r, seq: operations.length });
      counts.total++;
      counts[r.outcome]++;
    }
  }
  const shards = loaded.map((l) => ({
    index: l.r.index,
    artifact: l.r.artifact,
    attempt: l.r.attempt,
    attempts: l.state.attempts,
    counts: l.report.counts
  }));
  return {
    version: 1,
    planId: o.plan.planId,
    attempt: o.attempt,
    complete: counts.pending === 0,
    resumedFrom: null,
    dryRun: false,
    stoppedBy: null,
    startedAt: new Date(did.startedAt).toISOString(),
    durationMs: Date.now() - did.startedAt,
    counts,
    attempts: [],
    merge: { count: o.count, shards, paths: did.paths, shared: did.shared, dirs: did.dirs },
    operations
  };
}

// src/action/merge.ts
import { mkdirSync as mkdirSync7, rmSync as rmSync6 } from "node:fs";
import { dirname as dirname3, join as join11 } from "node:path";

// src/store/shard-results.ts
import { mkdirSync as mkdirSync6, rmSync as rmSync5 } from "node:fs";
import { join as join10 } from "node:path";

// src/store/artifact-store.ts
import { mkdirSync as mkdirSync5, readdirSync as readdirSync2, rmSync as rmSync4, statSync as statSync3 } from "node:fs";
import { join as join9 } from "node:path";

// src/store/types.ts
function keyPart(key) {
  const clean = key.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
  return clean ? `${clean}-` : "";
}
function withTimeout(p, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1e3)}s`)), ms);
    timer.unref();
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

// src/store/artifact-store.ts
var NAME = /-a(\d+)(?:-s(\d+))?$/;
function runFindBy(o) {
  if (!o.token || !o.repo) return void 0;
  return {
    findBy: {
      token: o.token,
      workflowRunId: Number(o.runId),
      repositoryOwner: o.repo.owner,
      repositoryName: o.repo.repo
    }
  };
}
function lazyArtifactClient() {
  let client;
  return () => client ??= import("./artifact-MTHULSII.js").then((m) => new m.DefaultArtifactClient());
}
async function listRunArtifacts(lazyClient, o, keep) {
  const seen = /* @__PURE__ */ new Map();
  const failures = [];
  const fb = runFindBy(o);
  const client = await lazyClient();
  const listings = [["runtime listing", () => client.listArtifacts()]];
  if (fb) listings.push(["REST listing", () => client.listArtifacts(fb)]);
  for (const [what, list] of listings) {
    try {
      for (const a of (await withTimeout(list(), o.timeoutMs, "artifact listing")).artifacts)
        if (keep(a.name)) seen.set(a.name, a);
    } catch (err) {
      failures.push(`${what} failed: ${errorMessage(err)}`);
    }
  }
  return { seen, failures, tried: listings.length };
}
var ArtifactStore = class {
  constructor(o) {
    this.o = o;
  }
  o;
  kind = "artifact";
  client = lazyArtifactClient();
  prefix() {
    return `bulk-ops-${keyPart(this.o.key)}${this.o.planId}-a`;
  }
  findBy() {
    return runFindBy(this.o);
  }
  async save(dir, id) {
    const name = `${this.prefix()}${id.attempt}${id.final ? "" : `-s${id.seq}`}`;
    if (this.o.ledger.entries.some((e) => e.store === "artifact" && e.name === name)) {
      if (!id.final) return null;
      this.o.logger.warning(`artifact: ${name} was already uploaded in this attempt`);
      return null;
    }
    const files = readdirSync2(dir).map((f) => join9(dir, f));
    const bytes = files.reduce((n, f) => n + statSync3(f).size, 0);
    try {
      await withTimeout(
        this.client().then((c) => c.uploadArtifact(name, files, dir, { retentionDays: 7 })),
        this.o.timeoutMs,
        "artifact upload"
      );
    } catch (err) {
      this.o.logger.warning(`artifact: checkpoint ${name} not uploaded: ${errorMessage(err)}`);
      return null;
    }
    const previous = this.o.ledger.live("artifact").filter((e) => NAME.exec(e.name)?.[2] !== void 0);
    this.o.ledger.add({ store: "artifact", name, bytes, seq: id.seq });
    this.o.logger.info(`artifact: uploaded checkpoint ${name} (${bytes} bytes)`);
    for (const p of previous) {
      try {
        await withTimeout(
          this.client().then((c) => c.deleteArtifact(p.name)),
          this.o.timeoutMs,
          "artifact delete"
        );
        this.o.ledger.markDeleted("artifact", p.name);
      } catch (err) {
        this.o.logger.debug(`artifact: could not delete superseded ${p.name}: ${errorMessage(err)}`);
      }
    }
    return name;
  }
  async candidates() {
    const { seen, failures } = await listRunArtifacts(
      this.client,
      this.o,
      (name) => name.startsWith(this.prefix()) && NAME.test(name)
    );
    for (const f of failures) this.o.logger.debug(`artifact: ${f}`);
    const rank = (a) => {
      const m = NAME.exec(a.name);
      return [Number(m[1]), m[2] === void 0 ? Number.MAX_SAFE_INTEGER : Number(m[2])];
    };
    return [...seen.values()].filter((a) => rank(a)[0] <= this.o.attempt).sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return y[0] - x[0] || y[1] - x[1];
    }).map((a) => ({
      store: "artifact",
      name: a.name,
      exact: true,
      artifactId: a.id,
      attempt: rank(a)[0]
    }));
  }
  lookingFor() {
    return `artifacts named '${this.prefix()}<attempt>' or '${this.prefix()}<attempt>-s<seq>' of run ${this.o.runId}, attempts 1 to ${this.o.attempt}`;
  }
  async restore(c, dir) {
    rmSync4(dir, { recursive: true, force: true });
    mkdirSync5(dir, { recursive: true });
    await withTimeout(
      this.client().then((client) => client.downloadArtifact(c.artifactId, { path: dir, ...this.findBy() })),
      this.o.timeoutMs,
      "artifact download"
    );
    return true;
  }
  async cleanup() {
  }
  storedBytes() {
    return this.o.ledger.live("artifact").reduce((n, e) => n + e.bytes, 0);
  }
};

// src/store/shard-results.ts
var ShardResults = class {
  constructor(o) {
    this.o = o;
  }
  o;
  client = lazyArtifactClient();
  prefix() {
    return `bulk-ops-${keyPart(this.o.key)}${this.o.planId}-shard`;
  }
  /** Where the listing looked, in words. */
  lookingFor() {
    return `artifacts of run ${this.o.runId} named '${this.prefix()}<i>of<n>-a<attempt>'`;
  }
  async list() {
    const name = new RegExp(`^${escapeRe(this.prefix())}(\\d+)of(\\d+)-a(\\d+)(?:-s(\\d+))?$`);
    const { seen, failures, tried } = await listRunArtifacts(this.client, this.o, (n) => name.test(n));
    if (tried === 1)
      this.o.logger.warning(
        "merge: no github-token, so only this attempt's artifacts are listed; shards that passed in an earlier attempt are not found"
      );
    if (failures.length === tried) throw new Error(`cannot list the run's artifacts (${failures.join("; ")})`);
    for (const f of failures) this.o.logger.warning(`merge: ${f}`);
    const counts = /* @__PURE__ */ new Set();
    const finals = /* @__PURE__ */ new Map();
    const periodic = /* @__PURE__ */ new Map();
    for (const a of seen.values()) {
      const m = name.exec(a.name);
      const [i, n, attempt] = [Number(m[1]), Number(m[2]), Number(m[3])];
      counts.add(n);
      if (m[4] !== void 0) {
        periodic.set(i, Math.max(periodic.get(i) ?? 0, attempt));
        continue;
      }
      const had = finals.get(i);
      if (!had || had.attempt < attempt) finals.set(i, { artifact: a, attempt });
    }
    const without = /* @__PURE__ */ new Map();
    for (const [i, attempt] of periodic) {
      if ((finals.get(i)?.attempt ?? 0) >= attempt) continue;
      without.set(
        i,
        `incomplete (attempt ${attempt} saved checkpoints but no final result: its runner was lost or cancelled before the end)`
      );
    }
    return {
      count: counts.size === 1 ? [...counts][0] : 0,
      finals,
      without,
      counts: [...counts].sort((a, b) => a - b)
    };
  }
  /** Downloads one shard's final result into `dir` (emptied first). */
  async download(i, listing, dir) {
    const f = listing.finals.get(i);
    rmSync5(dir, { recursive: true, force: true });
    mkdirSync6(dir, { recursive: true });
    await withTimeout(
      this.client().then((c) => c.downloadArtifact(f.artifact.id, { path: dir, ...runFindBy(this.o) })),
      this.o.timeoutMs,
      "artifact download"
    );
    return { index: i, artifact: f.artifact.name, attempt: f.attempt, dir };
  }
};
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function shardDir(localDir, i) {
  return join10(localDir, "shards", String(i));
}

// src/action/merge.ts
async function runMergeJob(inputs, plan, workspace) {
  if (!process.env.ACTIONS_RESULTS_URL || !process.env.ACTIONS_RUNTIME_TOKEN) {
    throw new MergeRefusal(
      "merge: the Actions runtime (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN) is not available, so the shards' artifacts cannot be listed"
    );
  }
  const temp = process.env.RUNNER_TEMP;
  if (!temp) throw new Error("RUNNER_TEMP is not set; bulk-ops keeps its work there");
  const localDir = join11(temp, "bulk-ops", `${keyPart(inputs.key)}${plan.planId}-merge`);
  rmSync6(localDir, { recursive: true, force: true });
  mkdirSync7(localDir, { recursive: true });
  const runId = process.env.GITHUB_RUN_ID ?? "0";
  const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? "1") || 1;
  const source = new ShardResults({
    planId: plan.planId,
    runId,
    key: inputs.key,
    token: inputs.githubToken,
    repo: repoFromEnv(),
    logger: coreLogger,
    timeoutMs: (Number(process.env[STORE_TIMEOUT_ENV] ?? "") || 300) * 1e3
  });
  const listing = await group("Find the shards", () => source.list());
  if (listing.counts.length > 1) {
    throw new MergeRefusal(
      `cannot merge: the run's artifacts hold shards of ${listing.counts.join(" and ")} (shard inputs with different n), so nothing was changed; every shard of one matrix must use the same n`
    );
  }
  if (!listing.count) {
    throw new MergeRefusal(
      `cannot merge: no shard of plan ${plan.planId} uploaded a result in this run (looked for ${source.lookingFor()}), so nothing was changed. The matrix job must run with shard: i/n and a store that includes artifact, and the merge job must need it.`
    );
  }
  const results = [];
  await group("Download the shards' results", async () => {
    for (let i = 1; i <= listing.count; i++) {
      if (!listing.finals.has(i) || listing.without.has(i)) continue;
      results.push(await source.download(i, listing, shardDir(localDir, i)));
      info(`shard ${i}: ${results[results.length - 1].artifact}`);
    }
  });
  const report = await mergeShards({
    plan,
    workspace: inputs.workingDirectory,
    localDir,
    count: listing.count,
    results,
    without: listing.without,
    attempt,
    logger: coreLogger
  });
  const reportPath = join11(localDir, "report.json");
  mkdirSync7(dirname3(reportPath), { recursive: true });
  writeAtomic(reportPath, JSON.stringify(report, null, 2) + "\n");
  const ctx = summaryContext(inputs, workspace, { reportPath });
  const compact = renderCompact(report, ctx);
  const outputs = actionOutputs(report, { resumed: false, reportPath, summary: compact, checkpointKey: "" });
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
  setOutput(Outputs.PlanId, plan.planId);
  await publish(report, ctx, compact, inputs, workspace);
}

// src/action/setup.ts
import { join as join14, resolve as resolve4 } from "node:path";

// src/store/cache-store.ts
import { mkdirSync as mkdirSync8, readdirSync as readdirSync3, rmSync as rmSync7, statSync as statSync4 } from "node:fs";
import { basename as basename2, dirname as dirname4, join as join12 } from "node:path";
var cacheClient = () => import("./cache-3D44F7ZT.js");
var turn = Promise.resolve();
function atFixedPath(dir, fn) {
  const run = async () => {
    const cwd = process.cwd();
    const had = Object.hasOwn(process.env, "GITHUB_WORKSPACE");
    const ws = process.env.GITHUB_WORKSPACE;
    process.chdir(dirname4(dir));
    process.env.GITHUB_WORKSPACE = dirname4(dir);
    try {
      return await fn(basename2(dir));
    } finally {
      process.chdir(cwd);
      if (had) process.env.GITHUB_WORKSPACE = ws;
      else delete process.env.GITHUB_WORKSPACE;
    }
  };
  const p = turn.then(run, run);
  turn = p.catch(() => {
  });
  return p;
}
function bytesOf(dir) {
  let n = 0;
  for (const f of readdirSync3(dir)) n += statSync4(join12(dir, f)).size;
  return n;
}
var CacheStore = class {
  constructor(o) {
    this.o = o;
  }
  o;
  kind = "cache";
  deleteDenied = false;
  /** Key prefix of the checkpoints this run may resume from. */
  prefix() {
    const base = `bulk-ops-${keyPart(this.o.key)}${this.o.planId}-`;
    return this.o.scope === "run" ? `${base}${this.o.runId}-` : base;
  }
  async save(dir, id) {
    const mode = (process.env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
    if (mode === "read" || mode === "none") {
      this.o.logger.warning(
        `cache: ACTIONS_CACHE_MODE=${mode} forbids saving; checkpoint not saved to the cache`
      );
      return null;
    }
    const base = `bulk-ops-${keyPart(this.o.key)}${id.planId}-${id.runId}-${id.attempt}-${id.seq}`;
    const used = new Set(this.o.ledger.entries.filter((e) => e.store === "cache").map((e) => e.name));
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}.${n}`;
    const bytes = bytesOf(dir);
    let cacheId;
    try {
      cacheId = await withTimeout(
        atFixedPath(dir, async (name) => (await cacheClient()).saveCache([name], key)),
        this.o.timeoutMs,
        "cache save"
      );
    } catch (err) {
      this.o.logger.warning(`cache: checkpoint ${key} not saved: ${errorMessage(err)}`);
      return null;
    }
    if (cacheId === -1) {
      this.o.logger.warning(
        `cache: checkpoint ${key} not saved (the cache service refused it; see the lines above)`
      );
      return null;
    }
    const previous = this.o.ledger.live("cache");
    this.o.ledger.add({ store: "cache", name: key, bytes, seq: id.seq });
    this.o.logger.info(`cache: saved checkpoint ${key} (${bytes} bytes)`);
    for (const p of previous) await this.remove(p.name);
    return key;
  }
  async remove(key) {
    if (this.deleteDenied || !this.o.repo || !this.o.token) return;
    try {
      await withTimeout(deleteCache(this.o.token, this.o.repo, key), this.o.timeoutMs, "cache delete");
      this.o.ledger.markDeleted("cache", key);
    } catch (err) {
      this.deleteDenied = true;
      this.o.logger.warning(
        `cache: could not delete superseded checkpoint ${key} (${errorMessage(err)}); grant 'actions: write' to let bulk-ops keep the cache tidy`
      );
    }
  }
  async candidates() {
    const prefix = this.prefix();
    if (this.o.repo && this.o.token) {
      try {
        const list = await withTimeout(
          listCaches(this.o.token, this.o.repo, prefix),
          this.o.timeoutMs,
          "cache listing"
        );
        if (list.length) {
          return list.map((e) => ({ store: "cache", name: e.key, exact: true, createdAt: e.created_at }));
        }
      } catch (err) {
        this.o.logger.debug(
          `cache: listing by REST failed (${errorMessage(err)}); asking for the newest by prefix`
        );
      }
    }
    return [{ store: "cache", name: prefix, exact: false }];
  }
  lookingFor() {
    return `cache entries with the key prefix '${this.prefix()}'`;
  }
  async restore(c, dir) {
    rmSync7(dir, { recursive: true, force: true });
    mkdirSync8(dir, { recursive: true });
    const got = await withTimeout(
      atFixedPath(
        dir,
        async (name) => (await cacheClient()).restoreCache([name], c.name, c.exact ? [] : [c.name])
      ),
      this.o.timeoutMs,
      "cache restore"
    );
    if (!got) return false;
    if (c.exact && got !== c.name) return false;
    c.name = got;
    c.exact = true;
    return true;
  }
  async cleanup() {
    for (const e of this.o.ledger.live("cache")) await this.remove(e.name);
  }
  storedBytes() {
    return this.o.ledger.live("cache").reduce((n, e) => n + e.bytes, 0);
  }
};

// src/store/ledger.ts
import { existsSync as existsSync5, readFileSync as readFileSync5 } from "node:fs";
var Ledger = class {
  constructor(path) {
    this.path = path;
    if (existsSync5(path)) {
      try {
        this.entries = JSON.parse(readFileSync5(path, "utf8"));
      } catch {
        this.entries = [];
      }
    }
  }
  path;
  entries = [];
  add(e) {
    this.entries.push(e);
    this.write();
  }
  markDeleted(store, name) {
    for (const e of this.entries) if (e.store === store && e.name === name) e.deleted = true;
    this.write();
  }
  live(store) {
    return this.entries.filter((e) => e.store === store && !e.deleted);
  }
  last(store) {
    const l = this.entries.filter((e) => e.store === store);
    return l[l.length - 1];
  }
  write() {
    writeAtomic(this.path, JSON.stringify(this.entries));
  }
};

// src/checkpoint/manager.ts
import { existsSync as existsSync6, mkdirSync as mkdirSync9, readFileSync as readFileSync6, rmSync as rmSync8, statSync as statSync5 } from "node:fs";
import { join as join13 } from "node:path";

// src/checkpoint/touched.ts
function touchedPaths(plan, state) {
  const out = /* @__PURE__ */ new Set();
  for (const decl of plan.ops) {
    if (decl.kind === "run") continue;
    const exp = state.expansions[decl.index];
    if (!exp || exp.error !== void 0) continue;
    for (let i = 0; i < exp.matches.length; i++) {
      const seq = exp.seq0 + i;
      if (state.status[seq] !== 2 /* Executed */ && state.status[seq] !== 1 /* Started */) continue;
      try {
        const op = resolveOp(decl, exp.matches.get(i), exp.base, seq);
        if (op.src) out.add(op.src);
        if (op.dst) out.add(op.dst);
      } catch {
      }
    }
  }
  return out;
}

// src/checkpoint/manager.ts
function localPaths(localDir) {
  return {
    journal: join13(localDir, "journal"),
    staging: join13(localDir, "checkpoint"),
    // The cache is handed this directory by its name alone (see atFixedPath): restore under the same name.
    restore: join13(localDir, "checkpoint"),
    git: join13(localDir, "git"),
    base: join13(localDir, "base.json"),
    ledger: join13(localDir, "stores.json")
  };
}
var Checkpointer = class {
  constructor(o) {
    this.o = o;
    this.paths = localPaths(o.localDir);
  }
  o;
  paths;
  ctx;
  base;
  lastKey = "";
  lastManifest;
  /** The private index's refresh after the base (see refreshIndex): due at `at`, then running. */
  refresh;
  /** Records the workspace as this attempt found it (before any restore). */
  async begin() {
    mkdirSync9(this.o.localDir, { recursive: true });
    this.ctx = await deltaContext(this.o.workspace, this.paths.git);
    this.base = await captureBase(this.ctx);
    writeAtomic(this.paths.base, JSON.stringify(this.base));
    this.scheduleRefresh();
  }
  /**
   * Refreshes the private index in the background once the second the base was hashed in is over,
   * while the plan runs, so that the captures hash only what changed (see refreshIndex).
   */
  scheduleRefresh() {
    const written2 = statSync5(this.ctx.indexFile, { throwIfNoEntry: false });
    if (!written2) return;
    const r = {
      at: refreshDue(written2.mtimeMs),
      timer: null,
      running: null
    };
    r.timer = setTimeout(
      () => {
        r.timer = null;
        r.running = refreshIndex(this.ctx).catch(() => false);
      },
      Math.max(0, r.at - Date.now())
    );
    r.timer.unref();
    this.refresh = r;
  }
  /** The refresh is over before a capture stages (they share the index); one not yet due is left to the capture's own stage. */
  async refreshed() {
    const r = this.refresh;
    if (!r) return;
    this.refresh = void 0;
    if (r.timer) {
      clearTimeout(r.timer);
      if (Date.now() >= r.at) r.running = refreshIndex(this.ctx).catch(() => false);
    }
    await r.running;
  }
  /** For the post step: the base and index the main step left behind. */
  async reopen() {
    this.ctx = await deltaContext(this.o.workspace, this.paths.git);
    this.base = JSON.parse(readFileSync6(this.paths.base, "utf8"));
  }
  /**
   * Restores the newest usable checkpoint. Each candidate is downloaded, verified (checksums,
   * plan, delta preimage) and only then applied. Throws when checkpoints exist but none can be
   * used: a checkpoint is never silently replaced by a fresh start.
   *
   * `begun` is begin's outcome, which may still be on its way: the stores are listed and the
   * newest checkpoint downloaded and checked meanwhile (none of that needs the base); nothing is
   * installed before it is true, and nothing is restored when it is false (checkpoints are off).
   */
  async restore(scope, begun = Promise.resolve(true)) {
    const refused = [];
    const looked = [];
    for (const store of this.o.stores) {
      let candidates;
      try {
        candidates = await store.candidates();
      } catch (err) {
        this.o.logger.warning(`${store.kind}: cannot list checkpoints: ${errorMessage(err)}`);
        looked.push(`${store.lookingFor()}: the listing failed (${errorMessage(err)})`);
        continue;
      }
      let found = 0;
      for (const c of candidates) {
        const label = `${store.kind} ${c.name}`;
        try {
          if (!await store.restore(c, this.paths.restore)) continue;
          found++;
          const m = openCheckpoint(this.paths.restore, this.o.plan.planId);
          if (!await begun) return { restored: false, reverify: false, lookedFor: [] };
          const otherCommit = scope === "ref" && m.delta.base.head !== this.base.head;
          installJournal(this.paths.restore, this.paths.journal);
          Journal.load(this.paths.journal);
          if (!otherCommit) {
            const verified = await verifyDelta(this.ctx, this.base, m.delta, [
              {
                file: join13(this.paths.restore, PACK_FILE),
                entries: m.delta.entries,
                thin: m.delta.packThin,
                // openCheckpoint checked every file's checksum.
                ...m.files[IDX_FILE] ? { idx: { file: join13(this.paths.restore, IDX_FILE), checked: Promise.resolve() } } : {}
              }
            ]);
            await applyDelta(this.ctx, m.delta, verified);
          }
          this.o.logger.info(
            `restored checkpoint ${c.name} from the ${store.kind} (attempt ${m.attempt}, ${m.done} operations done, resuming at #${m.seq})${otherCommit ? "; it was made on another commit, so done operations are re-checked instead of applying its changes" : ""}`
          );
          return {
            restored: true,
            from: { store: store.kind, name: c.name, attempt: m.attempt, seq: m.seq, done: m.done },
            reverify: otherCommit
          };
        } catch (err) {
          const why = err instanceof CheckpointError ? `refused: ${err.message}` : errorMessage(err);
          refused.push(`${label}: ${why}`);
          this.o.logger.warning(`checkpoint ${label} cannot be used (${why}); trying an older one`);
          rmSync8(this.paths.journal, { recursive: true, force: true });
        }
      }
      if (!found)
        looked.push(
          `${store.lookingFor()}: ${candidates.some((c) => c.exact) ? `${candidates.length} listed, none could be downloaded` : "none found"}`
        );
    }
    if (!await begun) return { restored: false, reverify: false, lookedFor: [] };
    if (refused.length > 0) {
      throw new Error(
        `found ${refused.length} checkpoint(s) but none can be used, so nothing was restored:
  ${refused.join("\n  ")}
Set resume: never to start over deliberately, or fix the workspace so it matches.`
      );
    }
    for (const l of looked) this.o.logger.info(`no checkpoint to resume from: ${l}`);
    return { restored: false, reverify: false, lookedFor: looked };
  }
  /** Captures the delta and journal into the staging directory and saves it to every store. */
  async capture(final, live) {
    if (!existsSync6(join13(this.paths.journal, SNAPSHOT_FILE))) {
      const j = Journal.open(this.paths.journal, this.o.plan);
      j.snapshot();
      j.close();
    }
    const state = live ?? Journal.load(this.paths.journal, { readOnly: true }).state;
    rmSync8(this.paths.staging, { recursive: true, force: true });
    mkdirSync9(this.paths.staging, { recursive: true });
    await this.refreshed();
    const delta = await captureDelta(
      this.ctx,
      this.base,
      touchedPaths(this.o.plan, state),
      state.createdDirs,
      join13(this.paths.staging, PACK_FILE),
      // A shard's final result is for the merge, which then needs no bases, nor to index it.
      final && this.o.shard !== void 0,
      join13(this.paths.staging, IDX_FILE)
    );
    let done = 0;
    for (let q = 0; q < state.total; q++) if (state.isDone(q)) done++;
    const seq = state.firstUndone() ?? state.total;
    this.lastManifest = sealCheckpoint(this.paths.staging, this.paths.journal, {
      planId: this.o.plan.planId,
      runId: this.o.runId,
      attempt: this.o.attempt,
      seq,
      done,
      delta,
      ...this.o.shard ? { shard: this.o.shard } : {}
    });
    const keys = [];
    for (const store of this.o.stores) {
      try {
        const key = await store.save(this.paths.staging, {
          planId: this.o.tag ?? this.o.plan.planId,
          runId: this.o.runId,
          attempt: this.o.attempt,
          seq,
          final
        });
        if (key) keys.push(key);
      } catch (err) {
        this.o.logger.warning(`${store.kind}: checkpoint not saved: ${errorMessage(err)}`);
      }
    }
    if (keys.length) this.lastKey = keys[0];
    return keys;
  }
  /** Bytes stored now across the stores. */
  storedBytes() {
    return this.o.stores.reduce((n, s) => n + s.storedBytes(), 0);
  }
};

// src/action/setup.ts
function localDirFor(planId, key) {
  const temp = process.env.RUNNER_TEMP;
  if (!temp) throw new Error("RUNNER_TEMP is not set; bulk-ops keeps its journal there");
  return join14(resolve4(temp), "bulk-ops", `${keyPart(key)}${planId}`);
}
function makeStores(inputs, plan, localDir, logger) {
  const runId = process.env.GITHUB_RUN_ID ?? "0";
  const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? "1") || 1;
  const repo = repoFromEnv();
  const ledger = new Ledger(localPaths(localDir).ledger);
  const timeoutMs = (Number(process.env[STORE_TIMEOUT_ENV] ?? "") || 300) * 1e3;
  const common = {
    planId: storeTag(plan, inputs),
    runId,
    key: inputs.key,
    token: inputs.githubToken,
    repo,
    ledger,
    logger,
    timeoutMs
  };
  const out = [];
  for (const kind of inputs.stores) {
    if (!process.env.ACTIONS_RESULTS_URL || !process.env.ACTIONS_RUNTIME_TOKEN) {
      logger.warning(
        `${kind}: the Actions runtime (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN) is not available; checkpoints are kept locally only`
      );
      continue;
    }
    if (kind === "cache") out.push(new CacheStore({ ...common, scope: inputs.resumeScope }));
    else out.push(new ArtifactStore({ ...common, attempt }));
  }
  return out;
}
function storeTag(plan, inputs) {
  return inputs.shard ? `${plan.planId}-${shardTag(inputs.shard)}` : plan.planId;
}
function checkpointer(inputs, plan, localDir, stores, logger) {
  return new Checkpointer({
    plan,
    workspace: inputs.workingDirectory,
    localDir,
    runId: process.env.GITHUB_RUN_ID ?? "0",
    attempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? "1") || 1,
    stores,
    logger,
    tag: storeTag(plan, inputs),
    ...inputs.shard ? { shard: inputs.shard } : {}
  });
}

// src/action/main.ts
var coreLogger = {
  info: (m) => info(m),
  warning: (m) => warning(m),
  // Failed operations become annotations on their files once the report is known (at most 10
  // show per step); here they are log lines, so they do not use up those 10.
  error: (m) => info(`Error: ${m}`),
  debug: (m) => debug(m)
};
var ReportState = {
  /** 'true' once the main step reported (outputs, annotations, job summary, PR comment). */
  Reported: "reported",
  /** JSON of RestoreResult.from: the checkpoint this attempt resumed from. */
  RestoredFrom: "restored-from",
  /** JSON of Report.startedOver: an attempt after the first found no checkpoint. */
  StartedOver: "started-over"
};
var PROGRESS_EVERY_MS = 6e4;
async function runMain() {
  let running = false;
  try {
    assertSupportedRunner();
    const token = getInput("github-token");
    if (token) setSecret(token);
    const workspace = resolve5(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const inputs = getInputs((name) => getInput(name), workspace);
    const plan = await loadPlanFile(inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError,
      parallel: inputs.parallel
    });
    const sandbox = new Sandbox(inputs.workingDirectory);
    await sandbox.init();
    await preflight(plan, sandbox);
    if (inputs.merge) {
      setOutput(Outputs.PlanId, plan.planId);
      await runMergeJob(inputs, plan, workspace);
      return;
    }
    const localDir = localDirFor(storeTag(plan, inputs), inputs.key);
    const reportPath = join15(localDir, "report.json");
    saveState(State.LocalDir, localDir);
    saveState(State.PlanFile, inputs.plan);
    saveState(State.Workspace, inputs.workingDirectory);
    setOutput(Outputs.PlanId, plan.planId);
    const progress = new Progress({
      write: (s) => info(s.trimEnd()),
      tty: false,
      everyMs: PROGRESS_EVERY_MS
    });
    if (inputs.dryRun) {
      const { report: report2 } = await runPlan({
        plan,
        workspace: inputs.workingDirectory,
        dryRun: true,
        ...inputs.shard ? { shard: inputs.shard } : {},
        logger: coreLogger,
        onProgress: (c, r, live) => progress.update(c, r, live)
      });
      saveState(State.Saved, "true");
      writeReport(reportPath, report2);
      await finish(report2, { inputs, workspace, reportPath, restore: null });
      return;
    }
    rmSync9(localDir, { recursive: true, force: true });
    const stores = makeStores(inputs, plan, localDir, coreLogger).map((s) => new ReportCarrier(s, reportPath));
    const cp = checkpointer(inputs, plan, localDir, stores, coreLogger);
    let restore = { restored: false, reverify: false };
    const begun = cp.begin().then(
      () => true,
      (err) => {
        if (stores.length) warning(`checkpoints are disabled: ${errorMessage(err)}`);
        return false;
      }
    );
    if (inputs.resume !== "never" && stores.length > 0) {
      restore = await group("Restore checkpoint", () => cp.restore(inputs.resumeScope, begun));
      if (restore.from) saveState(ReportState.RestoredFrom, JSON.stringify(restore.from));
    }
    const canCheckpoint = await begun && stores.length > 0;
    const lookedFor = canCheckpoint ? restore.lookedFor ?? [] : stores.length ? ["the workspace delta cannot be taken here (see the warning above)"] : inputs.stores.length ? inputs.stores.map((s) => `${s}: the Actions runtime is not available to this step`) : ["store: none keeps no checkpoints"];
    if (inputs.resume === "require" && !restore.restored) {
      throw new Error(
        `resume: require, but no checkpoint of plan ${plan.planId} was found for this ${inputs.resumeScope === "run" ? "run" : "ref"}. Looked for:
  ${lookedFor.join("\n  ")}`
      );
    }
    const attemptNo = Number(process.env.GITHUB_RUN_ATTEMPT ?? "") || 1;
    const startedOver = attemptNo > 1 && !restore.restored && inputs.resume !== "never";
    if (startedOver) {
      warning(
        `started over: attempt ${attemptNo} found no checkpoint of an earlier attempt, so every operation runs again. Looked for:
  ${lookedFor.join("\n  ")}`
      );
      saveState(ReportState.StartedOver, JSON.stringify({ lookedFor }));
    }
    const controller = new AbortController();
    let signalled = false;
    const onSignal = (sig) => {
      signalled = true;
      warning(
        `${sig} received: stopping (nothing new starts, running commands get a grace period); the post step saves the checkpoint`
      );
      controller.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    running = true;
    const { report } = await runPlan({
      plan,
      workspace: inputs.workingDirectory,
      stateDir: cp.paths.journal,
      attempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? "") || void 0,
      timeBudgetMs: inputs.timeBudgetMs,
      signal: controller.signal,
      logger: coreLogger,
      checkpointEveryMs: inputs.checkpointEveryMs,
      reverifyDone: restore.reverify,
      ...inputs.shard ? { shard: inputs.shard } : {},
      onCheckpoint: canCheckpoint ? async (j) => void await cp.capture(false, j.state) : void 0,
      onProgress: (c, r, live) => progress.update(c, r, live)
    });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (startedOver) report.startedOver = { lookedFor };
    writeReport(reportPath, report);
    const handedOn = () => !inputs.shard || stores.some((s) => s.artifact);
    if (canCheckpoint && !signalled) {
      const keys = await group("Save checkpoint", async () => {
        const saved = await cp.capture(true);
        if (saved.length && handedOn() && report.complete && report.counts.failed === 0)
          for (const s of stores) await s.cleanup();
        return saved;
      });
      if (keys.length && handedOn()) saveState(State.Saved, "true");
    } else if (!canCheckpoint) {
      saveState(State.Saved, "true");
    }
    await finish(report, {
      inputs,
      workspace,
      reportPath,
      restore,
      cp: canCheckpoint ? cp : void 0,
      carriers: stores,
      savedByPost: canCheckpoint && signalled
    });
    if (inputs.shard && !signalled && !handedOn()) {
      setFailed(
        `${shardText(inputs.shard)}: its final result was not uploaded as an artifact, so the merge job cannot use it; the post step tries once more, and "Re-run failed jobs" runs this shard again from its checkpoint`
      );
    }
  } catch (err) {
    setFailed(errorMessage(err));
    if (!running) await failureSummary(errorMessage(err), err instanceof MergeRefusal);
  }
}
function writeReport(path, report) {
  mkdirSync10(dirname5(path), { recursive: true });
  writeReportFile(path, report);
}
async function finish(report, f) {
  const ctx = summaryContext(f.inputs, f.workspace, {
    restoredFrom: f.restore?.from,
    checkpointKey: f.savedByPost ? void 0 : f.cp?.lastKey ?? "",
    checkpointInPost: f.savedByPost,
    storedBytes: f.cp?.storedBytes(),
    reportArtifact: f.carriers?.find((c2) => c2.artifact)?.artifact || void 0,
    reportPath: f.reportPath
  });
  const compact = renderCompact(report, ctx);
  const outputs = actionOutputs(report, {
    resumed: !!f.restore?.restored,
    reportPath: f.reportPath,
    summary: compact,
    checkpointKey: f.cp?.lastKey ?? ""
  });
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
  if (f.cp) info(`checkpoints stored now: ${f.cp.storedBytes()} bytes`);
  await publish(report, ctx, compact, f.inputs, f.workspace);
  const c = report.counts;
  if (c.failed > 0) {
    const gaveUp = nextRun(report).gaveUp.length;
    const retried = c.failed - gaveUp;
    setFailed(
      `${c.failed} of ${c.total} operations failed; ` + (retried ? `a re-run retries ${retried}` : "a re-run retries none of them") + (gaveUp ? `${retried ? " and" : ":"} ${gaveUp} gave up after max-attempts` : "")
    );
  } else if (c.pending > 0) {
    setFailed(
      `${c.pending} of ${c.total} operations are pending (${report.stoppedBy}); re-run the job to continue`
    );
  }
}
function summaryContext(inputs, workspace, more) {
  const env = process.env;
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ""}` : void 0;
  return {
    mode: "action",
    planFile: relative3(workspace, inputs.plan),
    stores: inputs.stores,
    runUrl,
    ...more
  };
}
async function publish(report, ctx, compact, inputs, workspace) {
  const fileOf = (p) => relative3(workspace, join15(inputs.workingDirectory, p));
  for (const a of annotationsFor(report, fileOf)) {
    const props = { title: a.title, ...a.file ? { file: a.file } : {} };
    if (a.level === "error") error(a.message, props);
    else warning(a.message, props);
  }
  if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
    try {
      await summary.addRaw(renderSummary(report, ctx)).write();
    } catch (err) {
      warning(`job summary not written: ${errorMessage(err)}`);
    }
  }
  if (inputs.prComment) await commentOnPullRequest(report.planId, inputs, compact);
  saveState(ReportState.Reported, "true");
}
async function commentOnPullRequest(planId, inputs, body) {
  const pull = pullRequestOf();
  const repo = repoFromEnv();
  if (!pull || !repo) {
    warning(
      `pr-comment: this run is not for a pull request (event: ${process.env.GITHUB_EVENT_NAME || "unknown"}), so there is nothing to comment on`
    );
    return;
  }
  await upsertPrComment({
    token: inputs.githubToken,
    apiUrl: repo.apiUrl,
    owner: repo.owner,
    repo: repo.repo,
    pull,
    marker: commentMarker(planId, inputs.key),
    body,
    logger: coreLogger
  });
}
async function failureSummary(message, merge = false) {
  saveState(ReportState.Reported, "true");
  if (!process.env.GITHUB_STEP_SUMMARY || /^(false|no|0)$/i.test(getInput("summary").trim())) return;
  try {
    await summary.addRaw(
      merge ? `## \u274C bulk-ops: did not merge

The merge of the shards was refused, and nothing was changed:

${fenced(message, "text")}
` : `## \u274C bulk-ops: did not run

The step stopped with an error before it changed anything:

${fenced(message, "text")}
`
    ).write();
  } catch (err) {
    warning(`job summary not written: ${errorMessage(err)}`);
  }
}

export {
  State,
  getInputs,
  ReportCarrier,
  makeStores,
  checkpointer,
  coreLogger,
  ReportState,
  runMain,
  summaryContext,
  publish
};
