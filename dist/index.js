import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-DZ6UDHOB.js";
import "./chunks/chunk-6EIL2DZS.js";

// src/index.ts
await runMain();
process.exit();
