import type { Kind } from '../plan/types.js'
import { copyOp } from './copy.js'
import { deleteOp } from './delete.js'
import { mkdirOp } from './mkdir.js'
import { moveOp } from './move.js'
import { replaceOp } from './replace.js'
import { runOp } from './run.js'
import type { OpKind } from './types.js'
import { writeOp } from './write.js'

/** Each kind's check() and apply(); rename is a move within one directory. */
export const OPS: Record<Kind, OpKind> = {
  mkdir: mkdirOp,
  move: moveOp,
  rename: moveOp,
  copy: copyOp,
  delete: deleteOp,
  write: writeOp,
  replace: replaceOp,
  run: runOp
}
