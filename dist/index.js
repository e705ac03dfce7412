import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-DDBVX2AQ.js";
import "./chunks/chunk-RZGIYC4Q.js";

// src/index.ts
await runMain();
process.exit();
