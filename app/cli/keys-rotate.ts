/**
 * `npm run keys:rotate`: a new signing key signs from now on; the previous keys are retired
 * and stay published, so every record they signed keeps verifying. Any instance picks the
 * new key up on its next signature: nothing needs a restart.
 *
 * `npm run keys:rotate -- --kek`: after changing the key-encryption key. Start with the new
 * KEK in SIGNING_KEY_KEK (or SIGNING_KEY_KEK_FILE) and the old one in
 * SIGNING_KEY_KEK_PREVIOUS; every private key sealed under the old KEK is re-sealed.
 */
import { prisma } from '#app/db.server.ts'
import { resealSigningKeys, rotateSigningKey } from '#app/records/signing-keys.server.ts'
import { sealedBox } from '#app/utils/sealed-box.server.ts'

try {
  if (process.argv.includes('--kek')) {
    if (!process.env.SIGNING_KEY_KEK_PREVIOUS) {
      console.error('keys:rotate --kek: set SIGNING_KEY_KEK_PREVIOUS to the old key-encryption key')
      process.exitCode = 2
    } else {
      const previous = sealedBox({
        envVar: 'SIGNING_KEY_KEK_PREVIOUS',
        defaultFileName: 'signing-kek.previous.key',
      })
      const count = await resealSigningKeys(previous)
      console.log(`keys:rotate: ${count} signing key(s) re-sealed under the current KEK`)
    }
  } else {
    const { kid, retired } = await rotateSigningKey()
    console.log(
      `keys:rotate: now signing with ${kid}; retired (still published): ${retired.join(', ') || 'none'}`,
    )
  }
} finally {
  await prisma.$disconnect()
}
