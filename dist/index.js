import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-Y4YP5UQ5.js";
import "./chunks/chunk-ZXIZGYMN.js";

// src/index.ts
await runMain();
process.exit();
