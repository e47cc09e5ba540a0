import { sealedBox } from '#app/utils/sealed-box.server.ts'

/**
 * The Basic-auth secret of an organisation's LRS is stored sealed, so a copy of the database
 * alone does not let anyone write into (or read from) that LRS. The key is LRS_SECRET_KEY
 * (base64, 32 bytes; several instances share it), or the file LRS_SECRET_KEY_FILE names, or
 * else `lrs-secret.key` beside the signing keys, made on first use. The organisation id is
 * the associated data: a sealed secret copied to another organisation's row does not open.
 */
const box = sealedBox({
  envVar: 'LRS_SECRET_KEY',
  fileEnvVar: 'LRS_SECRET_KEY_FILE',
  defaultFileName: 'lrs-secret.key',
})

export const sealLrsSecret = (organisationId: string, plain: string) =>
  box.seal(plain, `lrs:${organisationId}`)
export const openLrsSecret = (organisationId: string, sealed: string) =>
  box.open(sealed, `lrs:${organisationId}`)
