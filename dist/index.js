import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-C5TXSVFY.js";
import "./chunks/chunk-AVBDGYT2.js";

// src/index.ts
await runMain();
process.exit();
