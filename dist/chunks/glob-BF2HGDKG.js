import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  create,
  hashFiles
} from "./chunk-KKH6UHPN.js";
import "./chunk-AGD36FD3.js";
export {
  create,
  hashFiles
};
