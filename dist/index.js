import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-FPYTR2X5.js";
import "./chunks/chunk-VJLRRWHS.js";

// src/index.ts
await runMain();
process.exit();
