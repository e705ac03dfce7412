import { copyFileSync, existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { CheckpointId, CheckpointStore } from '../store/types.js'

/**
 * Lets the artifact store's final checkpoint carry the JSON report, so the audit artifact holds
 * it beside the final journal. The report is copied into the staged directory just before that
 * save (after the checkpoint is sealed; restores ignore files the manifest does not list).
 * Other stores and periodic saves pass through unchanged.
 */
export class ReportCarrier implements CheckpointStore {
  /** Name of the artifact that carries the report, once saved. */
  artifact = ''

  constructor(
    private readonly inner: CheckpointStore,
    /** Path of report.json; the save goes on without it when it does not exist. */
    private readonly reportPath: string
  ) {}

  get kind(): CheckpointStore['kind'] {
    return this.inner.kind
  }

  async save(dir: string, id: CheckpointId): Promise<string | null> {
    const carry = this.inner.kind === 'artifact' && id.final && existsSync(this.reportPath)
    if (carry) copyFileSync(this.reportPath, join(dir, basename(this.reportPath)))
    const name = await this.inner.save(dir, id)
    if (carry && name) this.artifact = name
    return name
  }

  candidates(): ReturnType<CheckpointStore['candidates']> {
    return this.inner.candidates()
  }

  lookingFor(): string {
    return this.inner.lookingFor()
  }

  restore(...a: Parameters<CheckpointStore['restore']>): ReturnType<CheckpointStore['restore']> {
    return this.inner.restore(...a)
  }

  cleanup(): Promise<void> {
    return this.inner.cleanup()
  }

  storedBytes(): number {
    return this.inner.storedBytes()
  }
}
