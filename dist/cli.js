#!/usr/bin/env node
import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  Journal,
  Picked,
  PlanError,
  Progress,
  ResumeError,
  Sandbox,
  UnsupportedRunnerError,
  UsageError,
  assertSupportedRunner,
  attemptEnd,
  commandsText,
  errorMessage,
  formatDuration,
  groupsOf,
  linesOf,
  loadPlanFile,
  nextRunText,
  num,
  parseDuration,
  parseParallel,
  pick,
  preflight,
  renderSummary,
  resumedText,
  runPlan,
  shownCommands,
  skipReasons,
  statusTitle,
  take,
  timeText,
  writeAtomic,
  writeReportFile
} from "./chunks/chunk-HQZUGTBR.js";
import "./chunks/chunk-RRXU33PT.js";
import "./chunks/chunk-VRMLMZSR.js";

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
function columns(rows, indent = "  ") {
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => indent + r.map((c, i) => i === r.length - 1 ? c : c.padEnd(width[i])).join("  "));
}
function renderText(report, opts = {}) {
  const ctx = { mode: "cli", ...opts };
  const c = report.counts;
  const lines = linesOf(report);
  const out = [];
  const resumed = resumedText(report, ctx);
  out.push(
    printable(
      `bulk-ops: ${statusTitle(report, ctx)} \u2014 attempt ${report.attempt}${resumed ? `, ${resumed}` : ""}, plan ${report.planId}${opts.planFile ? ` (${opts.planFile})` : ""}, ${formatDuration(report.durationMs)}`
    )
  );
  const why = skipReasons(report).map(([k, v]) => `${k} ${num(v)}`).join(", ");
  out.push(
    printable(
      `  ${num(c.total)} operations: executed ${num(c.executed)}, skipped ${num(c.skipped)}${why ? ` (${why})` : ""}, failed ${num(c.failed)}, pending ${num(c.pending)}`
    )
  );
  if (report.stoppedBy) out.push(`  stopped early: ${report.stoppedBy}`);
  for (const s of shownCommands(report)) out.push(printable(`  commands of ${commandsText(s)}`));
  if (report.dryRun) {
    const classes = /* @__PURE__ */ new Map();
    for (let i = 0; i < lines.length; i++) {
      const k = lines.classification(i) ?? lines.outcome(i);
      let list = classes.get(k);
      if (!list) classes.set(k, list = new Picked(lines));
      list.push(i);
    }
    for (const [k, rs] of classes) {
      out.push(`${k} (${num(rs.length)}):`);
      for (const r of take(rs, opts.verbose ? rs.length : MAX_LISTED)) {
        out.push(
          `  ${opLine(r)}${r.error ? `: ${printable(r.error)}` : r.detail ? ` \u2014 ${printable(r.detail)}` : ""}`
        );
        if (r.diff)
          out.push(
            ...r.diff.trimEnd().split("\n").map((l) => `    ${printable(l)}`)
          );
      }
      if (!opts.verbose && rs.length > MAX_LISTED) out.push(`  \u2026 and ${num(rs.length - MAX_LISTED)} more`);
    }
  } else {
    const failed = pick(lines, (i) => lines.outcome(i) === "failed");
    if (failed.length) {
      out.push(`failed (${num(failed.length)}):`);
      for (const r of take(failed, opts.verbose ? failed.length : MAX_LISTED)) {
        const [head, ...more] = (r.error ?? "").split("\n");
        out.push(
          `  ${opLine(r)} [${r.reason === "gave-up" ? "gave up" : "retry"}, tries ${r.attempts}]: ${printable(head)}`
        );
        for (const l of more) out.push(`      ${printable(l)}`);
      }
      if (!opts.verbose && failed.length > MAX_LISTED)
        out.push(`  \u2026 and ${num(failed.length - MAX_LISTED)} more`);
    }
  }
  const groups = groupsOf(report);
  if (groups.length > 1 || groups.length === 1 && report.attempts.length > 1) {
    out.push("by declared operation:");
    const rows = [["operation", "kind", "total", "executed", "skipped", "failed", "pending"]];
    for (const g of groups.slice(0, opts.verbose ? groups.length : MAX_LISTED))
      rows.push([
        printable(g.op),
        g.kind,
        num(g.total),
        num(g.executed.length),
        num(g.skipped.length),
        num(g.failed.length),
        num(g.pending.length)
      ]);
    out.push(...columns(rows));
    if (!opts.verbose && groups.length > MAX_LISTED)
      out.push(`  \u2026 and ${num(groups.length - MAX_LISTED)} more`);
  }
  if (report.attempts.length > 1) {
    out.push("attempts:");
    const rows = [["attempt", "started", "executed", "failed", "ended"]];
    const last = report.attempts.length - 1;
    for (const [i, a] of report.attempts.entries()) {
      if (!opts.verbose && i < last - 9) continue;
      rows.push([
        String(a.attempt),
        timeText(a.startedAt),
        a.executed === void 0 ? "-" : num(a.executed),
        a.failed === void 0 ? "-" : num(a.failed),
        printable(attemptEnd(a, i === last, ctx))
      ]);
    }
    out.push(...columns(rows));
  }
  if (opts.verbose) {
    for (let i = 0; i < lines.length && !report.dryRun; i++) {
      if (lines.outcome(i) === "failed") continue;
      const r = lines.line(i);
      out.push(`  ${r.outcome}${r.reason ? `/${r.reason}` : ""} ${opLine(r)}`);
    }
  }
  out.push(`next: ${nextRunText(report, ctx).join(" ")}`);
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
                    [--summary FILE] [--time-budget 30s] [--max-attempts N] [--fail-fast]
                    [--fresh] [--verbose] [--parallel N|auto]
  bulk-ops inspect STATE-DIR
exit codes: 0 complete, 1 something failed, 2 bad plan or usage, 3 incomplete but resumable`;
var stdio = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  get tty() {
    return !!process.stdout.isTTY && !!process.stderr.isTTY;
  }
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
        assertSupportedRunner(io.platform);
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
    if (err instanceof PlanError || err instanceof ResumeError || err instanceof UnsupportedRunnerError) {
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
    summary: { type: "string" },
    "time-budget": { type: "string" },
    "max-attempts": { type: "string" },
    "fail-fast": { type: "boolean" },
    fresh: { type: "boolean" },
    verbose: { type: "boolean" },
    "checkpoint-every": { type: "string" },
    parallel: { type: "string" }
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
    continueOnError: v["fail-fast"] ? false : void 0,
    parallel: v.parallel !== void 0 ? parseParallel(String(v.parallel), "--parallel") : void 0
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
    io.err(`bulk-ops: ${sig} received; stopping: nothing new starts, running commands get a grace period
`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const logger = cliLogger(io, !!v.verbose);
  const progress = new Progress({
    write: io.err,
    tty: !!io.tty,
    everyMs: io.progressEveryMs,
    delayMs: io.progressDelayMs
  });
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
      checkpointEveryMs,
      onProgress: (c, r, live) => progress.update(c, r, live)
    });
    progress.done();
    const ctx = {
      mode: "cli",
      planFile: positionals[0],
      ...v.report !== void 0 ? { reportPath: String(v.report) } : {}
    };
    if (v.report !== void 0) writeReportFile(resolve(String(v.report)), report);
    if (v.summary !== void 0) writeAtomic(resolve(String(v.summary)), renderSummary(report, ctx));
    io.out(renderText(report, { ...ctx, verbose: !!v.verbose }));
    return exitCode;
  } finally {
    progress.done();
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
