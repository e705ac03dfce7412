import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-O7JNOCHR.js";
import "./chunks/chunk-TR6X7LHO.js";

// src/index.ts
await runMain();
process.exit();
