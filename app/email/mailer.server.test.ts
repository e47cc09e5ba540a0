import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { prisma } from '#app/db.server.ts'
import { SmtpTransport, sendEmail } from './mailer.server.ts'

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

describe('sending e-mail', () => {
  test('over SMTP: delivered to the server and logged as sent', async () => {
    const smtp = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'Leerplein <noreply@leerplein.test>')
    const id = await sendEmail(
      { to: 'lotte@example.test', subject: 'Welkom', text: 'Hallo Lotte' },
      smtp,
    )
    expect(received).toHaveLength(1)
    expect(received[0]).toContain('Subject: Welkom')
    expect(received[0]).toContain('Hallo Lotte')
    const row = await prisma.email.findUniqueOrThrow({ where: { id } })
    expect(row.transport).toBe('smtp')
    expect(row.sentAt).not.toBeNull()
    expect(row.error).toBeNull()
  })

  test('a refused delivery is recorded, not thrown', async () => {
    const smtp = new SmtpTransport('smtp://127.0.0.1:1', 'Leerplein <noreply@leerplein.test>')
    const id = await sendEmail({ to: 'x@example.test', subject: 'Test', text: 'Test' }, smtp)
    const row = await prisma.email.findUniqueOrThrow({ where: { id } })
    expect(row.sentAt).toBeNull()
    expect(row.error).toMatch(/ECONNREFUSED|connect/i)
  })

  test('without SMTP the message stays in the outbox', async () => {
    const id = await sendEmail({ to: 'y@example.test', subject: 'Outbox', text: 'Alleen lokaal' })
    const row = await prisma.email.findUniqueOrThrow({ where: { id } })
    expect(row.transport).toBe('outbox')
  })
})
