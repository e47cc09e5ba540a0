import { ECDH, generateKeyPairSync } from 'node:crypto'
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'
import { describe, expect, test } from 'vitest'
import { credentialIssuer } from './endpoints.ts'
import { checkHolderProof } from './holder-proof.server.ts'
import { base58btcDecode, holderFromJwk, holderFromKid } from './holder-keys.ts'

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
function base58btc(bytes: Uint8Array) {
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`)
  let text = ''
  while (value > 0n) {
    text = ALPHABET[Number(value % 58n)] + text
    value /= 58n
  }
  for (const byte of bytes) {
    if (byte !== 0) break
    text = `1${text}`
  }
  return text
}

const didKey = (prefix: number[], key: Uint8Array) =>
  `did:key:z${base58btc(Uint8Array.from([...prefix, ...key]))}`

async function signedProof(
  alg: 'ES256' | 'EdDSA',
  header: Record<string, unknown>,
  claims: Record<string, unknown> = { nonce: 'n-1' },
  privateKey?: CryptoKey,
) {
  const key = privateKey ?? (await generateKeyPair(alg)).privateKey
  return new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'openid4vci-proof+jwt', ...header })
    .setAudience(credentialIssuer())
    .setIssuedAt()
    .sign(key)
}

describe('holder keys', () => {
  test('a did:key names the same Ed25519 and P-256 keys as their JWKs', async () => {
    const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as JWK
    const edDid = didKey([0xed, 0x01], Buffer.from(ed.x!, 'base64url'))
    expect(holderFromKid(`${edDid}#key-1`)).toEqual({
      did: edDid,
      jwk: { kty: 'OKP', crv: 'Ed25519', x: ed.x },
    })
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'jwk',
    }) as JWK
    const uncompressed = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(p256.x!, 'base64url'),
      Buffer.from(p256.y!, 'base64url'),
    ])
    const compressed = ECDH.convertKey(
      uncompressed,
      'prime256v1',
      undefined,
      undefined,
      'compressed',
    )
    const pDid = didKey([0x80, 0x24], compressed as Buffer)
    expect(holderFromKid(pDid)?.jwk).toEqual({ kty: 'EC', crv: 'P-256', x: p256.x, y: p256.y })
  })

  test('a bare jwk becomes a did:jwk; private, RSA and foreign keys are refused', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'AQ', y: 'Ag', kid: 'ignored' }
    const holder = holderFromJwk(jwk)!
    expect(holder.did.startsWith('did:jwk:')).toBe(true)
    expect(holderFromKid(holder.did)).toEqual(holder)
    expect(holderFromJwk({ ...jwk, d: 'secret' })).toBeNull()
    expect(holderFromJwk({ kty: 'RSA', n: 'AQ', e: 'AQAB' })).toBeNull()
    expect(holderFromKid('did:web:example.com')).toBeNull()
    expect(holderFromKid('did:jwk:not-json')).toBeNull()
    expect(holderFromKid('did:key:z0OIl')).toBeNull()
    expect(base58btcDecode('1112')).toEqual(Uint8Array.from([0, 0, 0, 1]))
  })
})

describe('checking a key proof', () => {
  test('a proof signed with the did:key its kid names holds', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA')
    const x = (await exportJWK(publicKey)).x!
    const did = didKey([0xed, 0x01], Buffer.from(x, 'base64url'))
    const jwt = await signedProof('EdDSA', { kid: `${did}#${did.slice(8)}` }, undefined, privateKey)
    expect(await checkHolderProof(jwt)).toMatchObject({ ok: true, nonce: 'n-1', holder: { did } })
  })

  test('refuses a wrong typ, two key names, a future iat and an unsupported alg', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256')
    const jwk = await exportJWK(publicKey)
    const typ = await new SignJWT({ nonce: 'n' })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk })
      .setAudience(credentialIssuer())
      .setIssuedAt()
      .sign(privateKey)
    expect((await checkHolderProof(typ)).ok).toBe(false)
    const both = await signedProof('ES256', { jwk, kid: 'did:jwk:x' }, undefined, privateKey)
    expect((await checkHolderProof(both)).ok).toBe(false)
    const future = await new SignJWT({ nonce: 'n' })
      .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk })
      .setAudience(credentialIssuer())
      .setIssuedAt(Math.floor(Date.now() / 1000) + 3600)
      .sign(privateKey)
    expect((await checkHolderProof(future)).ok).toBe(false)
    const old = await new SignJWT({ nonce: 'n' })
      .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk })
      .setAudience(credentialIssuer())
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .sign(privateKey)
    expect((await checkHolderProof(old)).ok).toBe(false)
    const rsa = await generateKeyPair('RS256')
    const rs = await new SignJWT({ nonce: 'n' })
      .setProtectedHeader({
        alg: 'RS256',
        typ: 'openid4vci-proof+jwt',
        jwk: await exportJWK(rsa.publicKey),
      })
      .setAudience(credentialIssuer())
      .setIssuedAt()
      .sign(rsa.privateKey)
    expect((await checkHolderProof(rs)).ok).toBe(false)
    expect((await checkHolderProof('not.a.jwt')).ok).toBe(false)
  })
})
