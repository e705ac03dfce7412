import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-234SA2JU.js";
import "./chunks/chunk-PLNUTPAO.js";

// src/index.ts
await runMain();
process.exit();
