import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-3675HJVM.js";
import "./chunks/chunk-V6EHADE3.js";

// src/index.ts
await runMain();
process.exit();
