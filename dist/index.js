import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  Inputs,
  Outputs,
  State
} from "./chunks/chunk-7B4CTAU6.js";
import {
  Sandbox,
  formatDuration,
  loadPlanFile,
  parseDuration,
  preflight,
  runPlan
} from "./chunks/chunk-TOAA6VKP.js";
import {
  UsageError,
  debug,
  error,
  errorMessage,
  getInput,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning,
  writeAtomic
} from "./chunks/chunk-P26FLWO2.js";

// src/action/main.ts
import { mkdirSync } from "node:fs";
import { join, resolve as resolve2 } from "node:path";

// src/inputs.ts
import { isAbsolute, resolve } from "node:path";
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
  if (isAbsolute(wd) || !(workingDirectory === workspace || workingDirectory.startsWith(workspace + "/"))) {
    throw new UsageError(`input '${Inputs.WorkingDirectory}': '${wd}' is not inside the workspace`);
  }
  const storeText = val(Inputs.Store, "cache");
  const stores = [];
  if (storeText !== "none") {
    for (const part of storeText.split(",").map((s) => s.trim())) {
      const s = oneOf(Inputs.Store, part, ["cache", "artifact"]);
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
    dryRun: bool(Inputs.DryRun, val(Inputs.DryRun, "false")),
    key: val(Inputs.Key),
    summary: bool(Inputs.Summary, val(Inputs.Summary, "true")),
    githubToken: get(Inputs.GithubToken),
    prComment: bool(Inputs.PrComment, val(Inputs.PrComment, "false"))
  };
}

// src/report/markdown.ts
function mdCell(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/`/g, "&#96;").replace(/[*_[\]\\]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, " \u23CE ");
}
var MAX_FAILED_ROWS = 100;
function pathsOf(r) {
  if (r.from && r.to) return `${mdCell(r.from)} \u2192 ${mdCell(r.to)}`;
  return mdCell(r.from ?? r.to ?? "");
}
function renderMarkdown(report, maxChars = 6e4) {
  const c = report.counts;
  const title = report.dryRun ? "dry-run" : report.complete ? c.failed ? "complete, with failures" : "complete" : "incomplete";
  const lines = [];
  lines.push(`### bulk-ops: ${title}`);
  lines.push("");
  const resumed = report.resumedFrom !== null ? `, resumed from #${report.resumedFrom}` : "";
  lines.push(
    `Attempt ${report.attempt}${resumed}; plan \`${report.planId}\`; ${formatDuration(report.durationMs)}.`
  );
  lines.push("");
  lines.push("| total | executed | skipped | failed | pending |");
  lines.push("|---:|---:|---:|---:|---:|");
  lines.push(`| ${c.total} | ${c.executed} | ${c.skipped} | ${c.failed} | ${c.pending} |`);
  const failed = report.operations.filter((r) => r.outcome === "failed");
  if (failed.length) {
    lines.push("");
    lines.push("| seq | operation | kind | paths | tries | error |");
    lines.push("|---:|---|---|---|---:|---|");
    for (const r of failed.slice(0, MAX_FAILED_ROWS)) {
      lines.push(
        `| ${r.seq ?? "-"} | ${mdCell(r.op)} | ${r.kind} | ${pathsOf(r)} | ${r.attempts} | ${mdCell((r.error ?? "").slice(0, 500))} |`
      );
    }
    if (failed.length > MAX_FAILED_ROWS)
      lines.push(`
\u2026 and ${failed.length - MAX_FAILED_ROWS} more failed operations.`);
  }
  if (c.pending || failed.some((r) => r.reason !== "gave-up")) {
    lines.push("");
    lines.push(
      `A re-run resumes here: ${c.pending} pending operations run, ${failed.filter((r) => r.reason !== "gave-up").length} failed ones are retried.`
    );
  }
  let text = lines.join("\n") + "\n";
  if (text.length > maxChars) text = text.slice(0, maxChars - 40) + "\n\n\u2026 (summary truncated)\n";
  return text;
}

// src/action/main.ts
var coreLogger = {
  info: (m) => info(m),
  warning: (m) => warning(m),
  error: (m) => error(m),
  debug: (m) => debug(m)
};
async function runMain() {
  try {
    const token = getInput("github-token");
    if (token) setSecret(token);
    const workspace = resolve2(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const inputs = getInputs((name) => getInput(name), workspace);
    const plan = await loadPlanFile(inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError
    });
    const sandbox = new Sandbox(inputs.workingDirectory);
    await sandbox.init();
    await preflight(plan, sandbox);
    const temp = resolve2(process.env.RUNNER_TEMP ?? join(workspace, "..", ".bulk-ops-temp"));
    const stateDir = join(temp, "bulk-ops", plan.planId);
    mkdirSync(stateDir, { recursive: true });
    saveState(State.StateDir, stateDir);
    saveState(State.PlanId, plan.planId);
    const controller = new AbortController();
    const onSignal = (sig) => {
      warning(`${sig} received: stopping after the running operation`);
      controller.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? "") || void 0;
    const { report } = await runPlan({
      plan,
      workspace: inputs.workingDirectory,
      stateDir,
      dryRun: inputs.dryRun,
      attempt,
      timeBudgetMs: inputs.timeBudgetMs,
      signal: controller.signal,
      logger: coreLogger,
      checkpointEveryMs: inputs.checkpointEveryMs
    });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    const reportPath = join(temp, `bulk-ops-report-${plan.planId}.json`);
    writeAtomic(reportPath, JSON.stringify(report, null, 2) + "\n");
    const summary2 = renderMarkdown(report);
    const c = report.counts;
    setOutput(Outputs.Total, c.total);
    setOutput(Outputs.Executed, c.executed);
    setOutput(Outputs.Skipped, c.skipped);
    setOutput(Outputs.Failed, c.failed);
    setOutput(Outputs.Pending, c.pending);
    setOutput(Outputs.Complete, String(report.complete));
    setOutput(Outputs.Resumed, String(report.resumedFrom !== null));
    setOutput(Outputs.ResumedFrom, report.resumedFrom === null ? "" : String(report.resumedFrom));
    setOutput(Outputs.PlanId, plan.planId);
    setOutput(Outputs.Report, reportPath);
    setOutput(Outputs.Summary, summary2);
    setOutput(Outputs.CheckpointKey, "");
    if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(summary2).write();
    saveState(State.Finished, "true");
    if (c.failed > 0) setFailed(`${c.failed} of ${c.total} operations failed`);
    else if (c.pending > 0)
      setFailed(
        `${c.pending} of ${c.total} operations are pending (${report.stoppedBy}); re-run to continue`
      );
  } catch (err) {
    setFailed(errorMessage(err));
  }
}

// src/index.ts
await runMain();
