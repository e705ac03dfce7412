import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  State
} from "./chunks/chunk-7B4CTAU6.js";
import {
  Journal,
  errorMessage,
  getState,
  warning
} from "./chunks/chunk-P26FLWO2.js";

// src/action/post.ts
import { existsSync } from "node:fs";
async function runPost() {
  try {
    const stateDir = getState(State.StateDir);
    if (getState(State.Finished) === "true" || !stateDir || !existsSync(stateDir)) return;
    const { state } = Journal.load(stateDir, { readOnly: true });
    const first = state.firstUndone();
    warning(
      `the main step did not finish; its journal in ${stateDir} knows ${state.total} operations, first not done: ${first === null ? "none" : `#${first}`}`
    );
  } catch (err) {
    warning(`post step: ${errorMessage(err)}`);
  }
}

// src/post.ts
await runPost();
