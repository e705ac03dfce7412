import { formatDuration } from '../duration.js'
import { code, num, plural } from './escape.js'
import type { Report } from './model.js'

/**
 * The headline's lines about sharding: a shard's share of the plan, or what a merge combined
 * (every shard with its attempts, and the workspace changes applied). Empty for a plain run.
 */
export function shardLines(report: Report): string[] {
  const out: string[] = []
  if (report.shard) {
    const s = report.shard
    out.push(
      `Shard **${num(s.index)}** of **${num(s.count)}**: the counts cover this shard's share of the fan-outs and the operations every shard runs; **${plural(s.others, 'operation** belongs', 'operations** belong')} to other shards. The merge job combines the shards.`
    )
  }
  const m = report.merge
  if (m) {
    out.push(
      `Merged **${num(m.count)}** shards into one result: **${plural(m.paths, 'path**', 'paths**')} changed (${num(m.shared)} changed alike by several shards, taken once), **${plural(m.dirs, 'directory**', 'directories**')} created; the counts cover the whole plan.`
    )
    out.push('')
    out.push('| shard | result | attempts | executed | skipped | failed | total |')
    out.push('| ---: | --- | --- | ---: | ---: | ---: | ---: |')
    for (const s of m.shards) {
      const tries = s.attempts
        .map(
          a =>
            `${num(a.attempt)}${a.how ? ` ${a.how}` : ' lost'}${a.endedAt ? ` (${formatDuration(a.endedAt - a.startedAt)})` : ''}`
        )
        .join(', ')
      out.push(
        `| ${num(s.index)} | ${code(s.artifact)} | ${tries} | ${num(s.counts.executed)} | ${num(s.counts.skipped)} | ${num(s.counts.failed)} | ${num(s.counts.total)} |`
      )
    }
  }
  return out
}
