import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-MNK5CG6J.js";
import "./chunks/chunk-EBSIMOJB.js";

// src/index.ts
await runMain();
process.exit();
