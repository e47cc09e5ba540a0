import { prisma } from '#app/db.server.ts'

/** The local outbox as the platform admin reads it: the newest 100 e-mails, sent or not. */
export function listOutbox() {
  return prisma.email.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      createdAt: true,
      transport: true,
      error: true,
    },
  })
}
