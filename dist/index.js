import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-WAQORTPW.js";
import "./chunks/chunk-AXCLIML6.js";

// src/index.ts
await runMain();
process.exit();
