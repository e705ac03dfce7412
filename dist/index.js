import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-FCWJSBLN.js";
import "./chunks/chunk-4W5V7BNY.js";

// src/index.ts
await runMain();
process.exit();
