import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-HVRACXNY.js";
import "./chunks/chunk-3DP2ZAQ6.js";

// src/index.ts
await runMain();
process.exit();
