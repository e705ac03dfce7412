import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-DRICJZK6.js";
import "./chunks/chunk-VIBPGTHP.js";
import "./chunks/chunk-KKH6UHPN.js";
import "./chunks/chunk-AGD36FD3.js";

// src/index.ts
await runMain();
process.exit();
