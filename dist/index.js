import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-CH26NQOY.js";
import "./chunks/chunk-BJX7FGPX.js";

// src/index.ts
await runMain();
process.exit();
