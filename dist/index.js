import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-DNC5NF5R.js";
import "./chunks/chunk-D7K64GTQ.js";

// src/index.ts
await runMain();
process.exit();
