import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-CRJAKKUV.js";
import "./chunks/chunk-K2424EZY.js";

// src/index.ts
await runMain();
process.exit();
