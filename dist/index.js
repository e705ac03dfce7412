import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-5GWQ7FNR.js";
import "./chunks/chunk-N7ISJXVD.js";

// src/index.ts
await runMain();
process.exit();
