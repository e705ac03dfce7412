import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  create,
  hashFiles
} from "./chunk-UFJOZWEO.js";
import "./chunk-RRXU33PT.js";
import "./chunk-HMU2LS4R.js";
import "./chunk-PP6W5NFM.js";
import "./chunk-VRMLMZSR.js";
export {
  create,
  hashFiles
};
