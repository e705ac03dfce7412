import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  context,
  getOctokit
} from "./chunk-RGUFBHVW.js";
import "./chunk-PP6W5NFM.js";
import "./chunk-VRMLMZSR.js";
export {
  context,
  getOctokit
};
