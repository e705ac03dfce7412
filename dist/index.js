import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-IQVHKMYF.js";
import "./chunks/chunk-VFRS27KQ.js";

// src/index.ts
await runMain();
process.exit();
