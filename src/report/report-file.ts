import { writeAtomicPieces } from '../journal/snapshot.js'
import { linesOf } from './lines.js'
import type { Report } from './model.js'

/** Characters of report text handed to the file at a time. */
const PIECE_CHARS = 256 * 1024

/**
 * The JSON report as `JSON.stringify(report, null, 2)` writes it (with `operations` last), in
 * pieces: each line is built, written and dropped, so a million operations never stand in memory
 * as objects or as one string.
 */
export function* reportPieces(report: Report): Generator<string> {
  const head: Record<string, unknown> = {}
  for (const k of Object.keys(report)) if (k !== 'operations') head[k] = report[k as keyof Report]
  head.operations = []
  const text = JSON.stringify(head, null, 2)
  const lines = linesOf(report)
  if (lines.length === 0) {
    yield `${text}\n`
    return
  }
  const cut = text.lastIndexOf('[]')
  let piece = `${text.slice(0, cut)}[\n`
  for (let i = 0; i < lines.length; i++) {
    piece += `${i ? ',\n' : ''}    ${JSON.stringify(lines.line(i), null, 2).replace(/\n/g, '\n    ')}`
    if (piece.length >= PIECE_CHARS) {
      yield piece
      piece = ''
    }
  }
  yield `${piece}\n  ]${text.slice(cut + 2)}\n`
}

/** Writes the JSON report to `path` atomically, streamed. */
export function writeReportFile(path: string, report: Report): void {
  writeAtomicPieces(path, reportPieces(report))
}
