import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-NXTHPOJQ.js";
import "./chunks/chunk-LMYXMMM4.js";

// src/index.ts
await runMain();
process.exit();
