import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-343F4PAA.js";
import "./chunks/chunk-34EM6YJ2.js";

// src/index.ts
await runMain();
process.exit();
