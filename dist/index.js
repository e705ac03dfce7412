import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  runMain
} from "./chunks/chunk-IWDF5GVQ.js";
import "./chunks/chunk-HQZUGTBR.js";
import "./chunks/chunk-RRXU33PT.js";
import "./chunks/chunk-HMU2LS4R.js";
import "./chunks/chunk-PP6W5NFM.js";
import "./chunks/chunk-VRMLMZSR.js";

// src/index.ts
await runMain();
process.exit();
