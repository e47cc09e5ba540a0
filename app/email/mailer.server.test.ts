import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { prisma } from '#app/db.server.ts'
import { drainJobs, jobQueue } from '#app/jobs/index.server.ts'
import { createTasks } from '#app/jobs/tasks.server.ts'
import { SmtpTransport, deliverEmail, sendEmail } from './mailer.server.ts'

/** A real SMTP server on loopback that keeps what it receives. */
let server: SMTPServer
let port: number
const received: string[] = []

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        received.push(raw)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const smtp = () =>
  new SmtpTransport(`smtp://127.0.0.1:${port}`, 'Leerplein <noreply@leerplein.test>')
/** Run the due jobs as the app's workers would, delivering over this transport. */
const runJobs = (transport = smtp()) => jobQueue().runDue(createTasks({ transport }))

describe('sending e-mail', () => {
  test('is recorded at once and delivered by a job, over SMTP, with a stable Message-ID', async () => {
    const id = await sendEmail({ to: 'lotte@example.test', subject: 'Welkom', text: 'Hallo Lotte' })
    // The caller does not wait for the mail server: nothing is delivered yet.
    expect(received).toHaveLength(0)
    expect((await prisma.email.findUniqueOrThrow({ where: { id } })).sentAt).toBeNull()
    const [job] = (await jobQueue().list(['queued'])).filter((j) => j.key === `email.deliver:${id}`)
    expect(job?.name).toBe('email.deliver')

    expect(await runJobs()).toBe(1)
    expect(received).toHaveLength(1)
    expect(received[0]).toContain('Subject: Welkom')
    expect(received[0]).toContain('Hallo Lotte')
    expect(received[0]).toContain(`Message-ID: <${id}@leerplein>`)
    const row = await prisma.email.findUniqueOrThrow({ where: { id } })
    expect(row.transport).toBe('smtp')
    expect(row.sentAt).not.toBeNull()
    expect(row.error).toBeNull()
  })

  test('delivered exactly once, even when its job runs again', async () => {
    received.length = 0
    const id = await sendEmail({ to: 'sem@example.test', subject: 'Eenmaal', text: 'Een keer' })
    await runJobs()
    // The same delivery again: a re-run job (another key), and the handler called directly.
    await jobQueue().enqueue('email.deliver', { emailId: id }, { key: `again:${id}` })
    expect(await runJobs()).toBe(1)
    expect(await deliverEmail(id, smtp())).toBe('skipped')
    expect(received).toHaveLength(1)
    // A second enqueue under the e-mail's own key is no job at all.
    expect(
      await jobQueue().enqueue('email.deliver', { emailId: id }, { key: `email.deliver:${id}` }),
    ).toBeNull()
  })

  test('a refused delivery is recorded, not thrown at the sender, and retried later', async () => {
    const id = await sendEmail({ to: 'x@example.test', subject: 'Test', text: 'Test' })
    const refused = new SmtpTransport('smtp://127.0.0.1:1', 'Leerplein <noreply@leerplein.test>')
    expect(await runJobs(refused)).toBe(1)
    const row = await prisma.email.findUniqueOrThrow({ where: { id } })
    expect(row.sentAt).toBeNull()
    expect(row.error).toMatch(/ECONNREFUSED|connect/i)
    const [job] = (await jobQueue().list(['failed'])).filter((j) => j.key === `email.deliver:${id}`)
    expect(job).toMatchObject({ attempts: 1, maxAttempts: 5 })
    expect(+job!.runAt).toBeGreaterThan(Date.now())
  })

  test('without SMTP the message stays in the outbox and is marked sent', async () => {
    const id = await sendEmail({ to: 'y@example.test', subject: 'Outbox', text: 'Alleen lokaal' })
    await drainJobs()
    const row = await prisma.email.findUniqueOrThrow({ where: { id } })
    expect(row.transport).toBe('outbox')
    expect(row.sentAt).not.toBeNull()
  })
})
