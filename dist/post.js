import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  State,
  checkpointer,
  coreLogger,
  getInputs,
  makeStores
} from "./chunks/chunk-MNK5CG6J.js";
import {
  Journal,
  errorMessage,
  getInput,
  getState,
  info,
  loadPlanFile,
  warning
} from "./chunks/chunk-EBSIMOJB.js";

// src/action/post.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
async function runPost() {
  try {
    const localDir = getState(State.LocalDir);
    if (!localDir || getState(State.Saved) === "true") return;
    const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const inputs = getInputs((name) => getInput(name), workspace);
    const plan = await loadPlanFile(getState(State.PlanFile) || inputs.plan, {
      maxAttempts: inputs.maxAttempts,
      continueOnError: inputs.continueOnError
    });
    const stores = makeStores(inputs, plan, localDir, coreLogger);
    const cp = checkpointer(inputs, plan, localDir, stores, coreLogger);
    if (!existsSync(cp.paths.journal) || !existsSync(cp.paths.base)) return;
    const { state } = Journal.load(cp.paths.journal, { readOnly: true });
    const first = state.firstUndone();
    info(
      `the main step did not finish; saving its checkpoint (${state.total} operations known, resuming at #${first ?? state.total})`
    );
    if (!stores.length) return;
    await cp.reopen();
    const keys = await cp.capture(true);
    if (keys.length)
      info(`checkpoint saved as ${keys.join(", ")}; "Re-run failed jobs" continues from it`);
  } catch (err) {
    warning(`post step: ${errorMessage(err)}`);
  }
}

// src/post.ts
await runPost();
process.exit();
