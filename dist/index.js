import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-OZKJAGX5.js";
import "./chunks/chunk-N7ISJXVD.js";

// src/index.ts
await runMain();
process.exit();
