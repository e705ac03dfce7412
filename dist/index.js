import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-46UCRZ6I.js";
import "./chunks/chunk-EBSIMOJB.js";

// src/index.ts
await runMain();
process.exit();
