import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);

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
  PrComment: "pr-comment"
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
  StateDir: "state-dir",
  Finished: "finished",
  PlanId: "plan-id"
};

export {
  Inputs,
  Outputs,
  State
};
