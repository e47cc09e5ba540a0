import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { signingKeyDir } from '#app/records/signing-keys.server.ts'

/**
 * Client secrets of identity providers are stored encrypted (AES-256-GCM), so a copy of the
 * database alone does not let anyone act as our application at an organisation's provider.
 * The key is SSO_SECRET_KEY (base64, 32 bytes; several instances share it) or else a file
 * beside the signing keys, made on first use like them and never in the database.
 */
const KEY_FILE = 'sso-secret.key'
let cachedKey: Buffer | null = null

function key(): Buffer {
  if (cachedKey) return cachedKey
  const fromEnv = process.env.SSO_SECRET_KEY
  if (fromEnv) {
    const buffer = Buffer.from(fromEnv, 'base64')
    if (buffer.length !== 32) throw new Error('SSO_SECRET_KEY must be 32 bytes, base64-encoded')
    return (cachedKey = buffer)
  }
  const dir = signingKeyDir()
  const file = path.join(dir, KEY_FILE)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    // 'wx': if another process made the file a moment ago, keep theirs.
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  return (cachedKey = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'))
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))
  return ['v1', ...parts].join('.')
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8')
}
