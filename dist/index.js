import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-RADD2OVM.js";
import "./chunks/chunk-DPMT3S53.js";

// src/index.ts
await runMain();
process.exit();
