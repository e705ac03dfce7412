import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-FPFS5G7G.js";
import "./chunks/chunk-HFOM65CJ.js";

// src/index.ts
await runMain();
process.exit();
