import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-IBOZLA6H.js";
import "./chunks/chunk-TQIHFYAX.js";

// src/index.ts
await runMain();
process.exit();
