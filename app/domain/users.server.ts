import { prisma } from '#app/db.server.ts'
import { hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import { normalizeEmail } from '#app/auth/login.server.ts'

export async function createUser(input: {
  email: string
  name: string
  password: string
  isPlatformAdmin?: boolean
}) {
  return prisma.user.create({
    data: {
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      isPlatformAdmin: input.isPlatformAdmin ?? false,
    },
    select: { id: true, email: true, name: true },
  })
}

export function findUserByEmail(email: string) {
  return prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, name: true },
  })
}

/** New password; every session of the user ends in the same transaction. */
export async function changePassword(userId: string, password: string) {
  const passwordHash = await hashPassword(password)
  await prisma.$transaction([
    prisma.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: new Date() },
    }),
    prisma.session.deleteMany({ where: { userId } }),
  ])
}

/** Whether this is the person's current password (asked again before changing it). */
export async function isCurrentPassword(userId: string, password: string): Promise<boolean> {
  const { passwordHash } = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  })
  return verifyPassword(passwordHash, password)
}
