import fs from 'node:fs'
import { everyDemoPerson } from '#app/demo/demo-people.ts'
import { describeFindings, personalDataInLog } from '#app/operations/personal-data-in-logs.ts'

/**
 * After the whole e2e run: the server's output (e2e/start-test-server.mjs writes it to
 * data/e2e-<port>/server.log) must not name any demo person, by name or e-mail address. The
 * specs log in as them, assess them, export them and mail them, so this covers what the
 * product logs on its real paths (docs/privacy.md, "Logs").
 */
export default function personalDataInServerLog() {
  const file = `data/e2e-${process.env.E2E_PORT ?? 3100}/server.log`
  const log = fs.readFileSync(file, 'utf8')
  const findings = personalDataInLog(log, everyDemoPerson())
  if (findings.length > 0)
    throw new Error(
      `The server logged personal data (${findings.length} lines):\n${describeFindings(file, findings)}`,
    )
}
