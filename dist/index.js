import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-52QCSSTE.js";
import "./chunks/chunk-4XTZHNHS.js";

// src/index.ts
await runMain();
process.exit();
