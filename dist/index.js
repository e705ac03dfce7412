import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-K364BCEO.js";
import "./chunks/chunk-QNVC6YNP.js";
import "./chunks/chunk-KKH6UHPN.js";
import "./chunks/chunk-AGD36FD3.js";

// src/index.ts
await runMain();
process.exit();
