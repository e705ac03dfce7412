import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-ZWDTBPGU.js";
import "./chunks/chunk-V5BO5OUW.js";
import "./chunks/chunk-KKH6UHPN.js";
import "./chunks/chunk-AGD36FD3.js";

// src/index.ts
await runMain();
process.exit();
