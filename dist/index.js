import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-FA3JIUYI.js";
import "./chunks/chunk-4YMTYHCO.js";

// src/index.ts
await runMain();
process.exit();
