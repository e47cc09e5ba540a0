/**
 * Benchmark (issue 15), run with `npx tsx scripts/bench/scim-provisioning.ts [users] [groups]`
 * (default 1000 and 40). Starts the production server on a fresh SQLite file and provisions
 * Klantcontact Noord through SCIM with sequential requests, as Microsoft Entra ID sends them:
 * per user a lookup by userName and a create; per group a lookup by displayName, a create and
 * one PATCH adding its members. Prints the time and requests per second of each phase.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildApp, startApp, stopApp } from '../../tests/app-process.ts'

const users = Number(process.argv[2] ?? 1000)
const groups = Number(process.argv[3] ?? 40)
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

const dir = path.resolve('data', 'bench')
fs.mkdirSync(dir, { recursive: true })
const file = path.join(dir, `scim-${Date.now()}.db`)
const databaseUrl = `file:${file}`

buildApp()
const app = await startApp(databaseUrl)
process.env.DATABASE_URL = databaseUrl
// After DATABASE_URL is set: the Prisma client is made from it when first imported.
const { prisma } = await import('#app/db.server.ts')
const { createScimToken } = await import('#app/integrations/scim/scim-tokens.server.ts')

try {
  const noord = await prisma.organisation.findUniqueOrThrow({
    where: { slug: 'klantcontact-noord' },
  })
  const employer = await prisma.user.findUniqueOrThrow({
    where: { email: 'werkgever@noord.demo.test' },
  })
  const token = await createScimToken({
    organisationId: noord.id,
    name: 'Benchmark',
    actorId: employer.id,
  })

  let requests = 0
  async function scim(method: string, url: string, body?: unknown, expected = 200) {
    requests++
    const response = await fetch(`${app.url}/scim/v2${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (response.status !== expected)
      throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`)
    return text ? (JSON.parse(text) as { id: string }) : null
  }
  const filter = (attribute: string, value: string) =>
    `filter=${encodeURIComponent(`${attribute} eq "${value}"`)}`

  const phase = async (name: string, run: () => Promise<void>) => {
    const before = requests
    const start = performance.now()
    await run()
    const seconds = (performance.now() - start) / 1000
    const count = requests - before
    console.log(
      `${name.padEnd(28)} ${String(count).padStart(5)} requests  ${seconds.toFixed(1).padStart(6)} s  ${(count / seconds).toFixed(0).padStart(4)} req/s`,
    )
    return { count, seconds }
  }

  const ids: string[] = []
  const totals = [
    await phase(`${users} users (lookup + create)`, async () => {
      for (let i = 0; i < users; i++) {
        const userName = `agent${i}@noord.example`
        await scim('GET', `/Users?${filter('userName', userName)}`)
        const created = await scim(
          'POST',
          '/Users',
          {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
            externalId: `entra-${i}`,
            userName,
            active: true,
            displayName: `Agent ${i}`,
            name: { givenName: 'Agent', familyName: String(i) },
            emails: [{ type: 'work', primary: true, value: userName }],
            [ENTERPRISE]: { department: `Afdeling ${i % 10}` },
          },
          201,
        )
        ids.push(created!.id)
      }
    }),
    await phase(`${groups} groups (lookup + create + members)`, async () => {
      const size = Math.ceil(ids.length / groups)
      for (let g = 0; g < groups; g++) {
        const displayName = `Team ${g}`
        await scim(
          'GET',
          `/Groups?excludedAttributes=members&${filter('displayName', displayName)}`,
        )
        const group = await scim('POST', '/Groups', { displayName, members: [] }, 201)
        const members = ids.slice(g * size, (g + 1) * size).map((value) => ({ value }))
        await scim(
          'PATCH',
          `/Groups/${group!.id}`,
          {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'Add', path: 'members', value: members }],
          },
          204,
        )
      }
    }),
  ]
  const count = totals.reduce((a, t) => a + t.count, 0)
  const seconds = totals.reduce((a, t) => a + t.seconds, 0)
  console.log(
    `${'total'.padEnd(28)} ${String(count).padStart(5)} requests  ${seconds.toFixed(1).padStart(6)} s  ${(count / seconds).toFixed(0).padStart(4)} req/s`,
  )
  const provisioned = await prisma.scimProfile.count({ where: { organisationId: noord.id } })
  const teamMembers = await prisma.teamMember.count({
    where: {
      team: {
        organisationId: noord.id,
        name: { in: Array.from({ length: groups }, (_, g) => `Team ${g}`) },
      },
    },
  })
  console.log(`check: ${provisioned} provisioned members, ${teamMembers} group memberships`)
  // A benchmark of requests that silently did less than asked would measure nothing.
  if (provisioned !== users || teamMembers !== users) process.exitCode = 1
} finally {
  await prisma.$disconnect()
  await stopApp(app)
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
}
