import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-MWBDLJMK.js";
import "./chunks/chunk-OEACGJZG.js";

// src/index.ts
await runMain();
process.exit();
