import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-V5JG5D76.js";
import "./chunks/chunk-3AHANDZS.js";

// src/index.ts
await runMain();
process.exit();
