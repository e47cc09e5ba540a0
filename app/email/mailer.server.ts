import nodemailer from 'nodemailer'
import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'
import { enqueueJob } from '#app/jobs/process-queue.server.ts'

export type EmailMessage = { to: string; subject: string; text: string }
/** A message on its way out, with the Message-ID that is the same on every attempt. */
export type OutgoingEmail = EmailMessage & { messageId: string }

/** Where mail goes. SMTP when SMTP_URL is set; otherwise the database outbox only. */
export interface MailTransport {
  readonly name: 'smtp' | 'outbox'
  deliver(message: OutgoingEmail): Promise<void>
}

export class SmtpTransport implements MailTransport {
  readonly name = 'smtp'
  private transporter
  constructor(
    url: string,
    private from: string,
  ) {
    this.transporter = nodemailer.createTransport(url)
  }
  async deliver(message: OutgoingEmail) {
    await this.transporter.sendMail({ from: this.from, ...message })
  }
}

/** The outbox: the message is already stored by sendEmail; nothing leaves the machine. */
class OutboxTransport implements MailTransport {
  readonly name = 'outbox'
  async deliver() {}
}

export function createTransport(): MailTransport {
  return env.SMTP_URL ? new SmtpTransport(env.SMTP_URL, env.MAIL_FROM) : new OutboxTransport()
}

let transport: MailTransport | undefined
function processTransport() {
  return (transport ??= createTransport())
}

/**
 * Every attempt carries this Message-ID, so a receiver can drop the copy of a message that
 * is delivered twice (the server accepted it, then we failed before recording that).
 */
export function messageIdOf(emailId: string) {
  return `<${emailId}@leerplein>`
}

/**
 * Send an e-mail. The message is recorded in the Email table (the outbox admins and tests
 * read), and its delivery is handed to the job queue (job `email.deliver`, retried with
 * back-off): the caller never waits for a mail server, and a hiccup never breaks its action.
 */
export async function sendEmail(message: EmailMessage) {
  const row = await prisma.email.create({
    data: { ...message, transport: processTransport().name },
    select: { id: true },
  })
  try {
    await enqueueJob('email.deliver', { emailId: row.id }, { key: `email.deliver:${row.id}` })
  } catch (error) {
    await prisma.email.update({
      where: { id: row.id },
      data: { error: `not queued: ${error instanceof Error ? error.message : String(error)}` },
    })
  }
  return row.id
}

/**
 * Deliver one recorded e-mail (the `email.deliver` job). Idempotent: an e-mail with sentAt
 * is skipped. A failed delivery is recorded on the e-mail and thrown, so the queue retries.
 */
export async function deliverEmail(
  emailId: string,
  via: MailTransport = processTransport(),
): Promise<'sent' | 'skipped'> {
  const email = await prisma.email.findUnique({ where: { id: emailId } })
  if (!email || email.sentAt) return 'skipped'
  try {
    await via.deliver({
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: messageIdOf(email.id),
    })
  } catch (error) {
    await prisma.email.update({
      where: { id: email.id },
      data: { error: error instanceof Error ? error.message : String(error) },
    })
    throw error
  }
  await prisma.email.update({
    where: { id: email.id },
    data: { sentAt: new Date(), error: null, transport: via.name },
  })
  return 'sent'
}
