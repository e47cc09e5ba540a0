import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Secrets we must keep in the database but must not be readable from a copy of it (client
 * secrets of identity providers, private signing keys) are sealed with AES-256-GCM under a
 * key that lives outside the database: an environment variable (several instances share it),
 * a file named by another variable, or else a file made on first use in SIGNING_KEY_DIR
 * (one machine, `npm start`).
 */
export type SealingKeySource = {
  /** Environment variable with the key itself, 32 bytes base64. */
  envVar: string
  /** Environment variable naming a file that holds the key (base64), e.g. a mounted secret. */
  fileEnvVar?: string
  /** The key file made on first use in SIGNING_KEY_DIR when neither variable is set. */
  defaultFileName: string
}

export type SealedBox = {
  seal(plain: string, associatedData?: string): string
  open(sealed: string, associatedData?: string): string
  /** A fingerprint of the key (never the key): tells "sealed under another key" apart. */
  keyId(): string
}

export function keyDirectory() {
  return path.resolve(process.env.SIGNING_KEY_DIR ?? 'data/keys')
}

function decodeKey(base64: string, origin: string): Buffer {
  const buffer = Buffer.from(base64.trim(), 'base64')
  if (buffer.length !== 32) throw new Error(`${origin} must be 32 bytes, base64-encoded`)
  return buffer
}

function readOrCreateKeyFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    // 'wx': if another process made the file a moment ago, keep theirs.
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  return decodeKey(fs.readFileSync(file, 'utf8'), file)
}

export function sealedBox(source: SealingKeySource): SealedBox {
  let cached: Buffer | null = null
  const key = (): Buffer => {
    if (cached) return cached
    const fromEnv = process.env[source.envVar]
    if (fromEnv) return (cached = decodeKey(fromEnv, source.envVar))
    const file = source.fileEnvVar ? process.env[source.fileEnvVar] : undefined
    if (file) return (cached = decodeKey(fs.readFileSync(file, 'utf8'), file))
    return (cached = readOrCreateKeyFile(path.join(keyDirectory(), source.defaultFileName)))
  }

  return {
    /** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
    seal(plain, associatedData) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key(), iv)
      if (associatedData) cipher.setAAD(Buffer.from(associatedData, 'utf8'))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))
      return ['v1', ...parts].join('.')
    },
    open(sealed, associatedData) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || body === undefined)
        throw new Error('not a sealed value')
      const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
      if (associatedData) decipher.setAAD(Buffer.from(associatedData, 'utf8'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8')
    },
    keyId() {
      return createHash('sha256').update(key()).digest('hex').slice(0, 16)
    },
  }
}
