import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-K42DN7CN.js";
import "./chunks/chunk-ZKTT7VIZ.js";
import "./chunks/chunk-KKH6UHPN.js";
import "./chunks/chunk-AGD36FD3.js";

// src/index.ts
await runMain();
process.exit();
