import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { calculateJwkThumbprint, type JWK } from 'jose'
import { prisma, type Db } from '#app/db.server.ts'
import { keyDirectory, sealedBox, type SealedBox } from '#app/utils/sealed-box.server.ts'

/**
 * The keys credentials are signed with: RS256 (RSA 2048) for VC-JWTs, the algorithm Open
 * Badges 3.0 requires every verifier to support, and Ed25519 for Data Integrity proofs
 * (eddsa-rdfc-2022). Public halves are published (RS256 at /.well-known/jwks.json, both in
 * the did:web document); the private half is in the database too, sealed with the
 * key-encryption key (KEK), so any instance that has the KEK can sign and a database dump
 * alone cannot. The KEK is SIGNING_KEY_KEK (32 bytes, base64), or the file named by
 * SIGNING_KEY_KEK_FILE, or else `signing-kek.key` in SIGNING_KEY_DIR, made on first use.
 */
export const SIGNING_ALGORITHM = 'RS256'
/** The algorithm of the keys behind Data Integrity proofs (JWK `alg` of an Ed25519 key). */
export const PROOF_ALGORITHM = 'EdDSA'
export type KeyAlgorithm = typeof SIGNING_ALGORITHM | typeof PROOF_ALGORITHM

export const signingKek = sealedBox({
  envVar: 'SIGNING_KEY_KEK',
  fileEnvVar: 'SIGNING_KEY_KEK_FILE',
  defaultFileName: 'signing-kek.key',
})

/** Where keys lived before they moved into the database: `<kid>.private.pem` files. */
const legacyKeyFile = (kid: string) => path.join(keyDirectory(), `${kid}.private.pem`)

export type SigningKey = { kid: string; privateKey: KeyObject }
type KeyRow = { kid: string; sealedPrivateKey: string | null; kekId: string | null }

// Private keys unsealed once per process.
const unsealedKeys = new Map<string, KeyObject>()

function unseal(row: KeyRow & { sealedPrivateKey: string }): KeyObject {
  const cached = unsealedKeys.get(row.kid)
  if (cached) return cached
  if (row.kekId && row.kekId !== signingKek.keyId()) {
    // Not a key to retire: the instance is misconfigured, and a new key would split signing.
    throw new Error(
      `signing key ${row.kid} is sealed under another key-encryption key (${row.kekId}, this instance has ${signingKek.keyId()}): give every instance the same SIGNING_KEY_KEK`,
    )
  }
  // The kid is the associated data: a sealed key copied onto another row does not open.
  const key = createPrivateKey(signingKek.open(row.sealedPrivateKey, row.kid))
  unsealedKeys.set(row.kid, key)
  return key
}

function sealPrivateKey(kid: string, privateKey: KeyObject) {
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  return { sealedPrivateKey: signingKek.seal(pem, kid), kekId: signingKek.keyId() }
}

async function generateSigningKey(
  db: Db,
  algorithm: KeyAlgorithm = SIGNING_ALGORITHM,
): Promise<SigningKey> {
  const { publicKey, privateKey } =
    algorithm === SIGNING_ALGORITHM
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ed25519')
  const jwk = publicKey.export({ format: 'jwk' }) as JWK
  // The kid is the key's RFC 7638 thumbprint: stable, and it names this key only.
  const kid = await calculateJwkThumbprint(jwk, 'sha256')
  await db.signingKey.create({
    data: {
      kid,
      algorithm,
      publicJwk: JSON.stringify({ ...jwk, kid, alg: algorithm, use: 'sig' }),
      ...sealPrivateKey(kid, privateKey),
    },
  })
  unsealedKeys.set(kid, privateKey)
  return { kid, privateKey }
}

/**
 * A key made before keys moved into the database has its private half as a PEM file in
 * SIGNING_KEY_DIR. Seal it into its row once; it keeps its kid, so nothing it signed changes.
 * Returns the key, or null when the file is not on this machine.
 */
async function importLegacyKey(db: Db, kid: string): Promise<KeyObject | null> {
  const file = legacyKeyFile(kid)
  if (!fs.existsSync(file)) return null
  const privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'))
  // Only a row still without a sealed key: another instance may have imported it meanwhile.
  await db.signingKey.updateMany({
    where: { kid, sealedPrivateKey: null },
    data: sealPrivateKey(kid, privateKey),
  })
  unsealedKeys.set(kid, privateKey)
  return privateKey
}

/** Import every key whose PEM file is still on disk (at start-up); the number imported. */
export async function importLegacySigningKeys(db: Db = prisma): Promise<number> {
  const rows = await db.signingKey.findMany({
    where: { sealedPrivateKey: null },
    select: { kid: true },
  })
  let imported = 0
  for (const { kid } of rows) if (await importLegacyKey(db, kid)) imported++
  return imported
}

/**
 * The key to sign with now; made on first use (first start). A key whose private half is
 * nowhere (an old key whose file was not carried over) is retired, not guessed at: records
 * it signed keep verifying with its published public half, and new records get a new key.
 */
export async function activeSigningKey(
  db: Db = prisma,
  algorithm: KeyAlgorithm = SIGNING_ALGORITHM,
): Promise<SigningKey> {
  const active = await db.signingKey.findMany({
    where: { retiredAt: null, algorithm },
    orderBy: { createdAt: 'desc' },
    select: { kid: true, sealedPrivateKey: true, kekId: true },
  })
  for (const row of active) {
    if (row.sealedPrivateKey)
      return {
        kid: row.kid,
        privateKey: unseal({ ...row, sealedPrivateKey: row.sealedPrivateKey }),
      }
    const imported = await importLegacyKey(db, row.kid)
    if (imported) return { kid: row.kid, privateKey: imported }
    console.warn(
      `signing key ${row.kid}: no private key in the database or ${keyDirectory()}; retired`,
    )
    await db.signingKey.update({ where: { kid: row.kid }, data: { retiredAt: new Date() } })
  }
  return generateSigningKey(db, algorithm)
}

/**
 * `npm run keys:rotate`: a new key signs from now on; the keys before it are retired but stay
 * published, so every record they signed keeps verifying. The Ed25519 proof key is made
 * again on first use.
 */
export async function rotateSigningKey(db: typeof prisma = prisma) {
  return db.$transaction(async (tx) => {
    const retired = await tx.signingKey.findMany({
      where: { retiredAt: null },
      select: { kid: true },
    })
    await tx.signingKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: new Date() } })
    const { kid } = await generateSigningKey(tx)
    return { kid, retired: retired.map((r) => r.kid) }
  })
}

/**
 * After a change of KEK: re-seal every private key sealed under the previous KEK with the
 * current one, in one transaction. Keys and kids stay; only their envelope changes.
 */
export async function resealSigningKeys(previous: SealedBox, db: typeof prisma = prisma) {
  return db.$transaction(async (tx) => {
    const rows = await tx.signingKey.findMany({
      where: { kekId: previous.keyId(), sealedPrivateKey: { not: null } },
      select: { kid: true, sealedPrivateKey: true },
    })
    for (const row of rows) {
      const pem = previous.open(row.sealedPrivateKey!, row.kid)
      await tx.signingKey.update({
        where: { kid: row.kid },
        data: sealPrivateKey(row.kid, createPrivateKey(pem)),
      })
    }
    return rows.length
  })
}

/**
 * Every key ever used, so records signed before a rotation keep verifying. The JWKS holds the
 * VC-JWT keys; the did:web document asks for both kinds.
 */
export async function publishedJwks(
  db: Db = prisma,
  algorithms: KeyAlgorithm[] = [SIGNING_ALGORITHM],
): Promise<{ keys: JWK[] }> {
  const rows = await db.signingKey.findMany({
    where: { algorithm: { in: algorithms } },
    orderBy: { createdAt: 'asc' },
    select: { publicJwk: true },
  })
  return { keys: rows.map((r) => JSON.parse(r.publicJwk) as JWK) }
}
