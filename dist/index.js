import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-S4UMCJSL.js";
import "./chunks/chunk-E4HCTL54.js";

// src/index.ts
await runMain();
process.exit();
