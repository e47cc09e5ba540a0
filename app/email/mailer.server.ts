import nodemailer from 'nodemailer'
import { prisma } from '#app/db.server.ts'
import { env } from '#app/env.server.ts'

export type EmailMessage = { to: string; subject: string; text: string }

/** Where mail goes. SMTP when SMTP_URL is set; otherwise the database outbox only. */
export interface MailTransport {
  readonly name: 'smtp' | 'outbox'
  deliver(message: EmailMessage): Promise<void>
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
  async deliver(message: EmailMessage) {
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

/**
 * Send an e-mail. Every message is recorded in the Email table first (the outbox admins and
 * tests read), then handed to the transport; a failed delivery is recorded, not thrown, so a
 * mail server hiccup never breaks the action that sent it.
 */
export async function sendEmail(
  message: EmailMessage,
  via: MailTransport = (transport ??= createTransport()),
) {
  const row = await prisma.email.create({
    data: { ...message, transport: via.name },
    select: { id: true },
  })
  try {
    await via.deliver(message)
    await prisma.email.update({ where: { id: row.id }, data: { sentAt: new Date() } })
  } catch (error) {
    await prisma.email.update({
      where: { id: row.id },
      data: { error: error instanceof Error ? error.message : String(error) },
    })
  }
  return row.id
}
