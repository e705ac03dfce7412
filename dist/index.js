import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-DLEZIPUN.js";
import "./chunks/chunk-ZXIZGYMN.js";

// src/index.ts
await runMain();
process.exit();
