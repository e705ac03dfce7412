import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-F7R4KCO3.js";
import "./chunks/chunk-PN4JMKHN.js";

// src/index.ts
await runMain();
process.exit();
