import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-BZCQI6CD.js";
import "./chunks/chunk-TL2GGQ6E.js";

// src/index.ts
await runMain();
process.exit();
