import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-Z7SSVJDF.js";
import "./chunks/chunk-FPVIF4PY.js";

// src/index.ts
await runMain();
process.exit();
