import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-LFRTEDQ4.js";
import "./chunks/chunk-5JX6DCA6.js";

// src/index.ts
await runMain();
process.exit();
