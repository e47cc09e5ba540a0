import { ECDH } from 'node:crypto'
import type { JWK } from 'jose'

/**
 * The holder's key from a proof header: a bare `jwk`, or a `kid` that is a did:jwk or
 * did:key URL. Only public keys the proof algorithms can use (P-256, Ed25519); anything else
 * is null, and the proof is refused.
 */
export type HolderKey = { did: string; jwk: JWK }

const base64urlJson = (jwk: JWK) => Buffer.from(JSON.stringify(jwk)).toString('base64url')

function publicOnly(jwk: JWK): JWK | null {
  if ('d' in jwk) return null
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.x && jwk.y)
    return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x)
    return { kty: 'OKP', crv: 'Ed25519', x: jwk.x }
  return null
}

/** A bare key becomes a did:jwk, so the credential names its holder the same way either way. */
export function holderFromJwk(jwk: unknown): HolderKey | null {
  if (!jwk || typeof jwk !== 'object') return null
  const key = publicOnly(jwk as JWK)
  return key ? { did: `did:jwk:${base64urlJson(key)}`, jwk: key } : null
}

export function holderFromKid(kid: string): HolderKey | null {
  const did = kid.split('#')[0]!
  if (did.startsWith('did:jwk:')) {
    try {
      const key = publicOnly(JSON.parse(Buffer.from(did.slice(8), 'base64url').toString('utf8')))
      return key ? { did, jwk: key } : null
    } catch {
      return null
    }
  }
  if (did.startsWith('did:key:z')) {
    const key = didKeyJwk(did.slice(9))
    return key ? { did, jwk: key } : null
  }
  return null
}

// did:key multicodec prefixes (varint): ed25519-pub 0xed, p256-pub 0x1200.
function didKeyJwk(base58: string): JWK | null {
  const bytes = base58btcDecode(base58)
  if (!bytes) return null
  if (bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01)
    return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') }
  if (bytes.length === 35 && bytes[0] === 0x80 && bytes[1] === 0x24) {
    try {
      const point = ECDH.convertKey(
        Buffer.from(bytes.subarray(2)),
        'prime256v1',
        undefined,
        undefined,
        'uncompressed',
      ) as Buffer
      return {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33, 65).toString('base64url'),
      }
    } catch {
      return null
    }
  }
  return null
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** Base58 (bitcoin alphabet), as did:key's multibase 'z' uses; null for foreign characters. */
export function base58btcDecode(text: string): Uint8Array | null {
  if (text.length === 0 || text.length > 128) return null
  let value = 0n
  for (const char of text) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return null
    value = value * 58n + BigInt(digit)
  }
  const bytes: number[] = []
  while (value > 0n) {
    bytes.unshift(Number(value % 256n))
    value /= 256n
  }
  for (const char of text) {
    if (char !== '1') break
    bytes.unshift(0)
  }
  return Uint8Array.from(bytes)
}
