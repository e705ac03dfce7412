import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-TBWZO2DY.js";
import "./chunks/chunk-Y3YYNFQA.js";

// src/index.ts
await runMain();
process.exit();
