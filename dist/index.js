import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-WRFDQJUY.js";
import "./chunks/chunk-AQB6IHT3.js";

// src/index.ts
await runMain();
process.exit();
