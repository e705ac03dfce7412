import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-KGURDDCL.js";
import "./chunks/chunk-PMLZ4X5L.js";

// src/index.ts
await runMain();
process.exit();
