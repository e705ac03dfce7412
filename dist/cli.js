#!/usr/bin/env node
import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  Journal,
  PlanError,
  ResumeError,
  Sandbox,
  UsageError,
  errorMessage,
  formatDuration,
  loadPlanFile,
  parseDuration,
  preflight,
  runPlan,
  writeAtomic
} from "./chunks/chunk-EBSIMOJB.js";

// src/cli-main.ts
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/report/text.ts
var MAX_LISTED = 50;
function paths(r) {
  if (r.from && r.to) return `${r.from} \u2192 ${r.to}`;
  return r.from ?? r.to ?? "";
}
function printable(s) {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function opLine(r) {
  const seq = r.seq === null ? "#-" : `#${r.seq}`;
  return printable(`${seq} ${r.op} (${r.kind}) ${paths(r)}`.trimEnd());
}
function renderText(report, opts = {}) {
  const c = report.counts;
  const out = [];
  const state = report.dryRun ? "dry-run" : report.complete ? c.failed ? "complete with failures" : "complete" : "incomplete";
  const resumed = report.resumedFrom !== null ? `, resumed from #${report.resumedFrom}` : "";
  out.push(
    `bulk-ops: ${state} \u2014 attempt ${report.attempt}${resumed}, plan ${report.planId}${opts.planFile ? ` (${opts.planFile})` : ""}, ${formatDuration(report.durationMs)}`
  );
  const reasons = /* @__PURE__ */ new Map();
  for (const r of report.operations)
    if (r.outcome === "skipped" && r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const why = [...reasons].map(([k, v]) => `${k} ${v}`).join(", ");
  out.push(
    `  total ${c.total}: executed ${c.executed}, skipped ${c.skipped}${why ? ` (${why})` : ""}, failed ${c.failed}, pending ${c.pending}`
  );
  if (report.stoppedBy) out.push(`  stopped early: ${report.stoppedBy}`);
  if (report.dryRun) {
    const classes = /* @__PURE__ */ new Map();
    for (const r of report.operations) {
      const k = r.classification ?? r.outcome;
      if (!classes.has(k)) classes.set(k, []);
      classes.get(k).push(r);
    }
    for (const [k, rs] of classes) {
      out.push(`${k} (${rs.length}):`);
      for (const r of rs.slice(0, opts.verbose ? rs.length : MAX_LISTED)) {
        out.push(
          `  ${opLine(r)}${r.error ? `: ${printable(r.error)}` : r.detail ? ` \u2014 ${printable(r.detail)}` : ""}`
        );
        if (r.diff)
          out.push(
            ...r.diff.trimEnd().split("\n").map((l) => `    ${printable(l)}`)
          );
      }
      if (!opts.verbose && rs.length > MAX_LISTED) out.push(`  \u2026 and ${rs.length - MAX_LISTED} more`);
    }
    return out.join("\n") + "\n";
  }
  const failed = report.operations.filter((r) => r.outcome === "failed");
  if (failed.length) {
    out.push("failed:");
    for (const r of failed.slice(0, MAX_LISTED)) {
      const [head, ...more] = (r.error ?? "").split("\n");
      out.push(`  ${opLine(r)} [${r.reason ?? "error"}, tries ${r.attempts}]: ${printable(head)}`);
      for (const l of more) out.push(`      ${printable(l)}`);
    }
    if (failed.length > MAX_LISTED) out.push(`  \u2026 and ${failed.length - MAX_LISTED} more`);
  }
  if (opts.verbose) {
    for (const r of report.operations)
      if (r.outcome !== "failed") out.push(`  ${r.outcome}${r.reason ? `/${r.reason}` : ""} ${opLine(r)}`);
  }
  const retry = failed.filter((r) => r.reason !== "gave-up").length;
  const gaveUp = failed.length - retry;
  if (c.pending || retry) {
    out.push(
      `next run: resumes at the first undone operation; ${c.pending} pending will run, ${retry} failed will be retried${gaveUp ? `, ${gaveUp} gave up` : ""}`
    );
  }
  return out.join("\n") + "\n";
}

// src/report/inspect.ts
function renderInspect(dir, state, info) {
  const out = [];
  let done = 0;
  let failed = 0;
  let started = 0;
  for (let q = 0; q < state.total; q++) {
    const s = state.status[q];
    if (s === 2 /* Executed */ || s === 3 /* Skipped */) done++;
    else if (s === 4 /* Failed */) failed++;
    else if (s === 1 /* Started */) started++;
  }
  const expanded = state.expansions.filter(Boolean).length;
  out.push(`state: ${dir}`);
  out.push(`plan: ${state.planId}   loaded from: ${info.source} (+${info.replayed} journal records)`);
  for (const w of info.warnings) out.push(`warning: ${w}`);
  out.push(`operations known: ${state.total} (from ${expanded} expanded declared operations)`);
  out.push(
    `  done ${done}, failed ${failed}, interrupted mid-way ${started}, not yet run ${state.total - done - failed - started}`
  );
  const first = state.firstUndone();
  out.push(`next run resumes at: ${first === null ? "(every known operation is done)" : `#${first}`}`);
  if (state.errors.size) {
    out.push("failures:");
    let n = 0;
    for (const [q, e] of state.errors) {
      if (n++ >= 50) {
        out.push(`  \u2026 and ${state.errors.size - 50} more`);
        break;
      }
      out.push(`  #${q} (tries ${state.tries[q]}): ${printable(e)}`);
    }
  }
  out.push("attempts:");
  out.push("  attempt  started                   executed  skipped  failed  pending  ended");
  for (const a of state.attempts) {
    out.push(
      `  ${String(a.attempt).padEnd(8)} ${new Date(a.startedAt).toISOString().padEnd(25)} ${String(a.executed ?? "-").padEnd(9)} ${String(a.skipped ?? "-").padEnd(8)} ${String(a.failed ?? "-").padEnd(7)} ${String(a.pending ?? "-").padEnd(8)} ${a.how ?? "killed (no end record)"}`
    );
  }
  return out.join("\n") + "\n";
}

// src/cli-main.ts
var USAGE = `usage:
  bulk-ops run PLAN [--workspace DIR] [--state-dir DIR] [--dry-run] [--report FILE]
                    [--time-budget 30s] [--max-attempts N] [--fail-fast] [--fresh] [--verbose]
  bulk-ops inspect STATE-DIR
exit codes: 0 complete, 1 something failed, 2 bad plan or usage, 3 incomplete but resumable`;
var stdio = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s)
};
function silenceWorkflowCommands() {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk, ...rest) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.startsWith("::")) return true;
    return write(chunk, ...rest);
  });
}
function cliLogger(io, verbose) {
  return {
    info: (m) => io.err(`${m}
`),
    warning: (m) => io.err(`warning: ${m}
`),
    error: (m) => io.err(`error: ${m}
`),
    debug: (m) => {
      if (verbose) io.err(`${m}
`);
    }
  };
}
async function main(argv, io = stdio) {
  if (io === stdio) silenceWorkflowCommands();
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "run":
        return await runCommand(rest, io);
      case "inspect":
        return inspectCommand(rest, io);
      case "--version":
      case "version":
        io.out(`${version()}
`);
        return 0;
      case void 0:
      case "-h":
      case "--help":
      case "help":
        io.out(`${USAGE}
`);
        return cmd === void 0 ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${cmd}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`bulk-ops: ${err.message}
${USAGE}
`);
      return 2;
    }
    if (err instanceof PlanError || err instanceof ResumeError) {
      io.err(`bulk-ops: ${err.message}
`);
      return 2;
    }
    io.err(`bulk-ops: unexpected error: ${errorMessage(err)}
`);
    return 1;
  }
}
function version() {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
function parse(args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(errorMessage(err).replace(/\. To specify a positional argument.*$/, ""));
  }
}
async function runCommand(args, io) {
  const { values, positionals } = parse(args, {
    workspace: { type: "string" },
    "state-dir": { type: "string" },
    "dry-run": { type: "boolean" },
    report: { type: "string" },
    "time-budget": { type: "string" },
    "max-attempts": { type: "string" },
    "fail-fast": { type: "boolean" },
    fresh: { type: "boolean" },
    verbose: { type: "boolean" },
    "checkpoint-every": { type: "string" }
  });
  if (positionals.length !== 1)
    throw new UsageError(positionals.length ? `unexpected '${positionals[1]}'` : "missing PLAN");
  const v = values;
  const workspace = resolve(String(v.workspace ?? "."));
  const stateDir = resolve(String(v["state-dir"] ?? resolve(workspace, ".bulk-ops")));
  let maxAttempts;
  if (v["max-attempts"] !== void 0) {
    maxAttempts = Number(v["max-attempts"]);
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
      throw new UsageError(`--max-attempts: '${v["max-attempts"]}' is not a whole number from 1 to 100`);
    }
  }
  const timeBudgetMs = v["time-budget"] !== void 0 ? parseDuration(String(v["time-budget"]), "--time-budget") : void 0;
  const checkpointEveryMs = v["checkpoint-every"] !== void 0 ? parseDuration(String(v["checkpoint-every"]), "--checkpoint-every") : 6e4;
  const plan = await loadPlanFile(resolve(positionals[0]), {
    maxAttempts,
    continueOnError: v["fail-fast"] ? false : void 0
  });
  const sandbox = new Sandbox(workspace);
  try {
    await sandbox.init();
  } catch {
    throw new UsageError(`--workspace: '${workspace}' is not a directory`);
  }
  await preflight(plan, sandbox);
  const controller = new AbortController();
  const onSignal = (sig) => {
    io.err(`bulk-ops: ${sig} received; stopping after the running operation
`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const logger = cliLogger(io, !!v.verbose);
  try {
    const { report, exitCode } = await runPlan({
      plan,
      workspace,
      stateDir,
      dryRun: !!v["dry-run"],
      timeBudgetMs,
      signal: controller.signal,
      logger,
      fresh: !!v.fresh,
      checkpointEveryMs
    });
    if (v.report !== void 0) writeAtomic(resolve(String(v.report)), JSON.stringify(report, null, 2) + "\n");
    io.out(renderText(report, { planFile: positionals[0], verbose: !!v.verbose }));
    return exitCode;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
function inspectCommand(args, io) {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError("inspect takes one STATE-DIR");
  const dir = resolve(positionals[0]);
  const { state, info } = Journal.load(dir, { readOnly: true });
  if (info.source === "fresh") throw new UsageError(`'${dir}' holds no bulk-ops state`);
  io.out(renderInspect(dir, state, info));
  return 0;
}

// src/cli.ts
process.exitCode = await main(process.argv.slice(2));
