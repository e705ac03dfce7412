import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  ReportCarrier,
  ReportState,
  State,
  checkpointer,
  coreLogger,
  getInputs,
  makeStores,
  publish,
  summaryContext
} from "./chunks/chunk-IWDF5GVQ.js";
import {
  Journal,
  RunState,
  WAL_FILE,
  code,
  errorMessage,
  loadPlanFile,
  num,
  opLabel,
  othersOf,
  renderCompact,
  replayBuffer,
  resolveOp,
  writeReportFile
} from "./chunks/chunk-HQZUGTBR.js";
import "./chunks/chunk-RRXU33PT.js";
import {
  getInput,
  getState,
  info,
  summary,
  warning
} from "./chunks/chunk-HMU2LS4R.js";
import "./chunks/chunk-PP6W5NFM.js";
import "./chunks/chunk-VRMLMZSR.js";

// src/action/post.ts
import { existsSync as existsSync2, mkdirSync } from "node:fs";
import { join as join2, resolve } from "node:path";

// src/report/from-journal.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function reportFromJournal(plan, journalDir, o = {}) {
  const wal = join(journalDir, WAL_FILE);
  const { records } = replayBuffer(existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0));
  const attempt = o.attempt ?? records.reduce((a, r) => r.t === "begin" ? r.a : a, 0);
  const state = new RunState();
  let resumedFrom = null;
  let began;
  const skippedWhy = /* @__PURE__ */ new Map();
  const failedNow = /* @__PURE__ */ new Set();
  for (const r of records) {
    if (r.t === "begin" && r.a === attempt) {
      resumedFrom = state.total > 0 ? state.firstUndone() ?? state.total : null;
      began = r.at;
      skippedWhy.clear();
      failedNow.clear();
    } else if (r.t === "k" && r.a === attempt) skippedWhy.set(r.q, r.r);
    else if (r.t === "f" && r.a === attempt) failedNow.add(r.q);
    state.apply(r);
  }
  const counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 };
  const operations = [];
  const push = (r) => {
    operations.push(r);
    counts.total++;
    counts[r.outcome]++;
  };
  const doneNow = attempt & 65535;
  for (const decl of plan.ops) {
    const op = opLabel(decl.index, decl.id);
    const exp = state.expansions[decl.index];
    if (!exp) {
      push({
        seq: null,
        op,
        kind: decl.kind,
        from: decl.each ?? decl.subject ?? null,
        to: decl.to ?? null,
        outcome: "pending",
        reason: "signal",
        attempts: 0,
        error: null
      });
      continue;
    }
    const count = exp.error !== void 0 ? 1 : exp.matches.length;
    for (let i = 0; i < count; i++) {
      const seq = exp.seq0 + i;
      const r = {
        seq,
        op,
        kind: decl.kind,
        from: null,
        to: null,
        outcome: "pending",
        reason: null,
        attempts: state.tries[seq],
        error: null
      };
      if (exp.error !== void 0) r.from = decl.each ?? decl.subject ?? null;
      else {
        try {
          const resolved = resolveOp(decl, exp.matches.get(i), exp.base, seq);
          r.from = resolved.src ?? null;
          r.to = resolved.dst ?? null;
        } catch (err) {
          r.from = exp.matches.get(i) || null;
          r.detail = errorMessage(err);
        }
      }
      const st = state.status[seq];
      const gaveUp = state.tries[seq] >= decl.policy.maxAttempts;
      if (st === 2 /* Executed */ || st === 3 /* Skipped */) {
        if (state.doneBy[seq] !== doneNow) Object.assign(r, { outcome: "skipped", reason: "done-earlier" });
        else if (st === 2 /* Executed */) r.outcome = "executed";
        else Object.assign(r, { outcome: "skipped", reason: skippedWhy.get(seq) ?? "satisfied" });
      } else if (st === 4 /* Failed */ && (failedNow.has(seq) || gaveUp)) {
        Object.assign(r, {
          outcome: "failed",
          reason: gaveUp ? "gave-up" : null,
          error: state.errors.get(seq) ?? null
        });
      } else {
        r.reason = "signal";
        if (st === 1 /* Started */)
          r.detail = "was running when the step stopped; a re-run checks whether it finished";
      }
      push(r);
    }
  }
  const now = o.now ?? Date.now();
  const startedAt = began ?? now;
  return {
    version: 1,
    planId: plan.planId,
    attempt,
    complete: counts.pending === 0,
    resumedFrom,
    dryRun: false,
    stoppedBy: counts.pending ? "signal" : null,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Math.max(0, now - startedAt),
    counts,
    attempts: state.attempts,
    operations
  };
}

// src/action/post.ts
async function runPost() {
  try {
    const localDir = getState(State.LocalDir);
    if (!localDir) return;
    const saved = getState(State.Saved) === "true";
    const reported = getState(ReportState.Reported) === "true";
    if (saved && reported) return;
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const inputs = getInputs((name) => getInput(name), workspace);
    const plan = await loadPlanFile(getState(State.PlanFile) || inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError
    });
    const reportPath = join2(localDir, "report.json");
    const stores = makeStores(inputs, plan, localDir, coreLogger).map((s) => new ReportCarrier(s, reportPath));
    const cp = checkpointer(inputs, plan, localDir, stores, coreLogger);
    if (!existsSync2(cp.paths.journal)) return;
    let report;
    if (!reported) {
      try {
        report = reportFromJournal(plan, cp.paths.journal, {
          attempt: Number(process.env.GITHUB_RUN_ATTEMPT ?? "") || void 0
        });
        if (inputs.shard) {
          const { state } = Journal.load(cp.paths.journal, { readOnly: true });
          report.shard = { ...inputs.shard, others: othersOf(state) };
        }
        const startedOver = stateJson(ReportState.StartedOver);
        if (startedOver) report.startedOver = startedOver;
        mkdirSync(localDir, { recursive: true });
        writeReportFile(reportPath, report);
      } catch (err) {
        warning(`post step: cannot summarise the journal: ${errorMessage(err)}`);
      }
    }
    let keys = [];
    let resumeAt;
    if (!saved && existsSync2(cp.paths.base)) {
      const { state } = Journal.load(cp.paths.journal, { readOnly: true });
      resumeAt = state.firstUndone() ?? state.total;
      info(
        `the main step did not save its checkpoint; saving it now (${state.total} operations known, resuming at #${resumeAt})`
      );
      if (stores.length) {
        await cp.reopen();
        keys = await cp.capture(true);
        if (keys.length)
          info(`checkpoint saved as ${keys.join(", ")}; "Re-run failed jobs" continues from it`);
      }
    }
    if (report) {
      const restoredFrom = stateJson(ReportState.RestoredFrom);
      const ctx = summaryContext(inputs, workspace, {
        byPostStep: true,
        restoredFrom,
        checkpointKey: keys[0] ?? (saved ? void 0 : ""),
        storedBytes: stores.length ? cp.storedBytes() : void 0,
        reportArtifact: stores.find((s) => s.artifact)?.artifact || void 0,
        reportPath
      });
      await publish(report, ctx, renderCompact(report, ctx), inputs, workspace);
    } else if (keys.length && inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
      await summary.addRaw(
        `
<sub>Post step: saved the checkpoint ${code(keys[0])}; "Re-run failed jobs" continues at #${num(resumeAt ?? 0)}.</sub>
`
      ).write();
    }
  } catch (err) {
    warning(`post step: ${errorMessage(err)}`);
  }
}
function stateJson(name) {
  try {
    return JSON.parse(getState(name) || "null") ?? void 0;
  } catch {
    return void 0;
  }
}

// src/post.ts
await runPost();
process.exit();
