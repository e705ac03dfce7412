import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-QX3BRQ3T.js";
import "./chunks/chunk-BA6V3JD3.js";

// src/index.ts
await runMain();
process.exit();
