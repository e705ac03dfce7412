import { Outputs } from '../constants.js'
import type { Report } from './model.js'

export type OutputName = (typeof Outputs)[keyof typeof Outputs]

/** What the outputs say besides the report itself. */
export interface OutputContext {
  /** A checkpoint was restored. */
  resumed: boolean
  /** Path of the JSON report on the runner. */
  reportPath: string
  /** The compact Markdown summary (≤ 60,000 characters). */
  summary: string
  /** Key or name of the last checkpoint saved; '' when none. */
  checkpointKey: string
}

/** Every output of DESIGN.md §4 (and action.yml), as the strings `core.setOutput` writes. */
export function actionOutputs(report: Report, o: OutputContext): Record<OutputName, string> {
  const c = report.counts
  return {
    [Outputs.Total]: String(c.total),
    [Outputs.Executed]: String(c.executed),
    [Outputs.Skipped]: String(c.skipped),
    [Outputs.Failed]: String(c.failed),
    [Outputs.Pending]: String(c.pending),
    [Outputs.Complete]: String(report.complete),
    [Outputs.Resumed]: String(o.resumed),
    [Outputs.ResumedFrom]: report.resumedFrom === null ? '' : String(report.resumedFrom),
    [Outputs.PlanId]: report.planId,
    [Outputs.Report]: o.reportPath,
    [Outputs.Summary]: o.summary,
    [Outputs.CheckpointKey]: o.checkpointKey
  }
}
