import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-C4L3ZVZP.js";
import "./chunks/chunk-QGE5KXX2.js";

// src/index.ts
await runMain();
process.exit();
