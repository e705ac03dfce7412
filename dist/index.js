import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-N7YYLWJN.js";
import "./chunks/chunk-5ATEYLLS.js";
import "./chunks/chunk-KKH6UHPN.js";
import "./chunks/chunk-AGD36FD3.js";

// src/index.ts
await runMain();
process.exit();
