import { sealedBox } from '#app/utils/sealed-box.server.ts'

/**
 * Client secrets of identity providers are stored sealed, so a copy of the database alone
 * does not let anyone act as our application at an organisation's provider. The key is
 * SSO_SECRET_KEY (base64, 32 bytes; several instances share it) or else the file
 * `sso-secret.key` beside the signing keys, made on first use.
 */
const box = sealedBox({ envVar: 'SSO_SECRET_KEY', defaultFileName: 'sso-secret.key' })

export const sealSecret = (plain: string) => box.seal(plain)
export const openSecret = (sealed: string) => box.open(sealed)
