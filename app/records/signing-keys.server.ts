import { generateKeyPairSync, createPrivateKey, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { calculateJwkThumbprint, type JWK } from 'jose'
import { prisma, type Db } from '#app/db.server.ts'

/**
 * The keys credentials are signed with. RS256 (RSA 2048), the algorithm Open Badges 3.0
 * requires every verifier to support. The public half is in the database and published at
 * /.well-known/jwks.json; the private half is a PEM file readable by the server's user only
 * (SIGNING_KEY_DIR, default data/keys), never in the database, a backup of it or a log.
 */
export const SIGNING_ALGORITHM = 'RS256'

export function signingKeyDir() {
  return path.resolve(process.env.SIGNING_KEY_DIR ?? 'data/keys')
}

const privateKeyFile = (kid: string) => path.join(signingKeyDir(), `${kid}.private.pem`)

export type SigningKey = { kid: string; privateKey: KeyObject }

// Private keys read once per process.
const loaded = new Map<string, KeyObject>()

function readPrivateKey(kid: string): KeyObject | null {
  const cached = loaded.get(kid)
  if (cached) return cached
  const file = privateKeyFile(kid)
  if (!fs.existsSync(file)) return null
  const key = createPrivateKey(fs.readFileSync(file, 'utf8'))
  loaded.set(kid, key)
  return key
}

async function generateSigningKey(db: Db): Promise<SigningKey> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = publicKey.export({ format: 'jwk' }) as JWK
  // The kid is the key's RFC 7638 thumbprint: stable, and it names this key only.
  const kid = await calculateJwkThumbprint(jwk, 'sha256')
  const dir = signingKeyDir()
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  // Written before the row, so a published key always has its private half on some disk.
  fs.writeFileSync(privateKeyFile(kid), privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
  })
  await db.signingKey.create({
    data: {
      kid,
      algorithm: SIGNING_ALGORITHM,
      publicJwk: JSON.stringify({ ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' }),
    },
  })
  loaded.set(kid, privateKey)
  return { kid, privateKey }
}

/**
 * The key to sign with now; made on first use (first start). A key whose private file is
 * gone (a restored database on a new machine) is retired, not guessed at: records it signed
 * keep verifying with its published public half, and new records get a new key.
 */
export async function activeSigningKey(db: Db = prisma): Promise<SigningKey> {
  const active = await db.signingKey.findMany({
    where: { retiredAt: null },
    orderBy: { createdAt: 'desc' },
    select: { kid: true },
  })
  for (const { kid } of active) {
    const privateKey = readPrivateKey(kid)
    if (privateKey) return { kid, privateKey }
    console.warn(`signing key ${kid}: private key file missing in ${signingKeyDir()}; retired`)
    await db.signingKey.update({ where: { kid }, data: { retiredAt: new Date() } })
  }
  return generateSigningKey(db)
}

/** Every key ever used, so records signed before a rotation keep verifying. */
export async function publishedJwks(db: Db = prisma): Promise<{ keys: JWK[] }> {
  const rows = await db.signingKey.findMany({
    orderBy: { createdAt: 'asc' },
    select: { publicJwk: true },
  })
  return { keys: rows.map((r) => JSON.parse(r.publicJwk) as JWK) }
}
