import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-OHUI5J22.js";
import "./chunks/chunk-JVXGZ6WH.js";

// src/index.ts
await runMain();
process.exit();
