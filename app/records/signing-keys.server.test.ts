import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { calculateJwkThumbprint, createLocalJWKSet, jwtVerify, SignJWT, type JWK } from 'jose'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { keyDirectory, sealedBox } from '#app/utils/sealed-box.server.ts'
import {
  activeSigningKey,
  importLegacySigningKeys,
  publishedJwks,
  resealSigningKeys,
  rotateSigningKey,
  signingKek,
} from './signing-keys.server.ts'

const sign = (key: Awaited<ReturnType<typeof activeSigningKey>>) =>
  new SignJWT({ sub: 'test' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .sign(key.privateKey)

async function verifies(jwt: string) {
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(await publishedJwks()))
  return payload.sub === 'test'
}

beforeEach(async () => {
  await prisma.signingKey.deleteMany()
})
afterEach(() => vi.unstubAllEnvs())

describe('signing keys sealed in the database', () => {
  test('a new key is stored sealed under the KEK: no private key in clear, no key file', async () => {
    const key = await activeSigningKey()
    const row = await prisma.signingKey.findUniqueOrThrow({ where: { kid: key.kid } })
    expect(row.sealedPrivateKey).toMatch(/^v1\./)
    expect(row.sealedPrivateKey).not.toContain('PRIVATE KEY')
    expect(row.kekId).toBe(signingKek.keyId())
    expect(fs.existsSync(path.join(keyDirectory(), `${key.kid}.private.pem`))).toBe(false)
    expect(await verifies(await sign(key))).toBe(true)
  })

  test('another instance with the same KEK signs with the same key', async () => {
    const first = await activeSigningKey()
    vi.resetModules()
    const other = await import('./signing-keys.server.ts')
    const second = await other.activeSigningKey(prisma)
    expect(second.kid).toBe(first.kid)
    expect(await verifies(await sign(second))).toBe(true)
  })

  test('an instance with another KEK refuses to sign, with a clear message, and retires nothing', async () => {
    await activeSigningKey()
    vi.resetModules()
    vi.stubEnv('SIGNING_KEY_KEK', randomBytes(32).toString('base64'))
    const other = await import('./signing-keys.server.ts')
    await expect(other.activeSigningKey(prisma)).rejects.toThrow(/same SIGNING_KEY_KEK/)
    expect(await prisma.signingKey.count({ where: { retiredAt: null } })).toBe(1)
  })

  test('a key kept as a PEM file (before this version) is imported once and keeps its kid', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const jwk = publicKey.export({ format: 'jwk' }) as JWK
    const kid = await calculateJwkThumbprint(jwk, 'sha256')
    await prisma.signingKey.create({
      data: { kid, algorithm: 'RS256', publicJwk: JSON.stringify({ ...jwk, kid, alg: 'RS256' }) },
    })
    const file = path.join(keyDirectory(), `${kid}.private.pem`)
    fs.mkdirSync(keyDirectory(), { recursive: true })
    fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }))
    try {
      expect(await importLegacySigningKeys()).toBe(1)
      expect(await importLegacySigningKeys()).toBe(0)
    } finally {
      fs.rmSync(file)
    }
    // The file is gone; the key signs from the database, under its old kid.
    vi.resetModules()
    const other = await import('./signing-keys.server.ts')
    const key = await other.activeSigningKey(prisma)
    expect(key.kid).toBe(kid)
    expect(await verifies(await sign(key))).toBe(true)
  })

  test('a key whose private half is nowhere is retired and a new one made', async () => {
    await prisma.signingKey.create({
      data: { kid: 'lost-key', algorithm: 'RS256', publicJwk: '{"kty":"RSA","kid":"lost-key"}' },
    })
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const key = await activeSigningKey()
    expect(key.kid).not.toBe('lost-key')
    const lost = await prisma.signingKey.findUniqueOrThrow({ where: { kid: 'lost-key' } })
    expect(lost.retiredAt).not.toBeNull()
  })

  test('rotation: the new key signs, the old one is retired but still verifies', async () => {
    const old = await activeSigningKey()
    const oldJwt = await sign(old)
    const rotated = await rotateSigningKey()
    expect(rotated.retired).toEqual([old.kid])
    const current = await activeSigningKey()
    expect(current.kid).toBe(rotated.kid)
    expect(current.kid).not.toBe(old.kid)
    expect((await publishedJwks()).keys.map((k) => k.kid)).toEqual([old.kid, current.kid])
    expect(await verifies(oldJwt)).toBe(true)
    expect(await verifies(await sign(current))).toBe(true)
  })
})

describe('changing the KEK', () => {
  test('keys sealed under the previous KEK are re-sealed under the new one, kids unchanged', async () => {
    const before = await activeSigningKey()
    const previous = sealedBox({ envVar: 'UNUSED', defaultFileName: 'signing-kek.key' })
    expect(previous.keyId()).toBe(signingKek.keyId())
    vi.resetModules()
    vi.stubEnv('SIGNING_KEY_KEK', randomBytes(32).toString('base64'))
    const next = await import('./signing-keys.server.ts')
    expect(await next.resealSigningKeys(previous, prisma)).toBe(1)
    const row = await prisma.signingKey.findUniqueOrThrow({ where: { kid: before.kid } })
    expect(row.kekId).toBe(next.signingKek.keyId())
    const after = await next.activeSigningKey(prisma)
    expect(after.kid).toBe(before.kid)
    expect(await verifies(await sign(after))).toBe(true)
    // Nothing is left under the old KEK, so a second run changes nothing.
    expect(await resealSigningKeys(previous)).toBe(0)
  })
})
