import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-7VGCXHCL.js";
import "./chunks/chunk-NSGLE3JR.js";

// src/index.ts
await runMain();
process.exit();
