import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-E7J2JFSC.js";
import "./chunks/chunk-PFZCFQGG.js";

// src/index.ts
await runMain();
process.exit();
