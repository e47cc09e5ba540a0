import { expect, test } from 'vitest'
import { everyDemoPerson } from '#app/demo/demo-people.ts'
import { describeFindings, personalDataInLog } from './personal-data-in-logs.ts'

const people = everyDemoPerson()

test('every demo person is scanned for, by name and e-mail', () => {
  expect(people).toContainEqual({ name: 'Lotte Visser', email: 'leerling@noord.demo.test' })
  expect(people).toContainEqual({ name: 'Eva Smit', email: 'admin@demo.test' })
  expect(new Set(people.map((p) => p.email)).size).toBe(people.length)
})

test('a log line with a name or an e-mail address is reported, with its line number', () => {
  const log = [
    '{"level":30,"msg":"request","path":"/orgs/klantcontact-noord/matrix","status":200}',
    '{"level":50,"msg":"mail failed","to":"Leerling@Noord.demo.test"}',
    'quality rule r1 failed for agent Lotte Visser: Error: boom',
    '{"level":30,"msg":"request","path":"/dashboard","status":200}',
  ].join('\n')
  const findings = personalDataInLog(log, people)
  expect(findings.map((f) => [f.line, f.found])).toEqual([
    [2, ['leerling@noord.demo.test']],
    [3, ['Lotte Visser']],
  ])
  expect(describeFindings('server.log', findings)).toContain('server.log:3: Lotte Visser')
})

test('ids, slugs and parts of other words are not personal data', () => {
  const log = [
    '{"userId":"clx0abc","path":"/orgs/callforce/staff/clx9"}',
    // A longer address that merely ends like a demo one is another address.
    'sent to xadmin@demo.test.example',
    'Tim Dekkers',
  ].join('\n')
  expect(personalDataInLog(log, people)).toEqual([])
})
