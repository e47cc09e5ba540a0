/**
 * `npm run progress:rebuild [-- --check]`: recompute every learner's step per work process
 * from the completions and the event log, and compare with the stored steps. With --check
 * nothing is written and the exit code is 1 on any difference; without it the stored steps
 * are replaced by the recomputed ones. The same for the employer matrix's totals
 * (StaffStepCount, TeamStepCount).
 */
import { rebuildStatuses } from '#app/domain/progress-rebuild.server.ts'
import { rebuildStaffCounts } from '#app/employer/staff-counts.server.ts'
import { prisma } from '#app/db.server.ts'

const check = process.argv.includes('--check')
const started = Date.now()
const report = await rebuildStatuses({ write: !check })
for (const d of report.differences.slice(0, 50))
  console.log(`${d.key}: stored ${d.stored}, computed ${d.computed}`)
console.log(
  `progress:rebuild: ${report.compared} statuses computed, ${report.differences.length} differences${check ? '' : ' fixed'} (${Date.now() - started} ms)`,
)
// The employer matrix's totals are derived from the steps (and the memberships): recomputed
// after them, so a rebuild that fixed steps leaves totals that match.
const counts = await rebuildStaffCounts({ write: !check })
console.log(
  `progress:rebuild: ${counts.rows} matrix totals computed, ${counts.differences} rows different${check ? '' : ' replaced'}`,
)
await prisma.$disconnect()
process.exitCode = check && (report.differences.length > 0 || counts.differences > 0) ? 1 : 0
