import type { KeyObject } from 'node:crypto'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { fromJwk } from '@digitalbazaar/ed25519-multikey'
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { issue, verifyCredential } from '@digitalbazaar/vc'
import { issuerDid, verificationMethodId } from './did-web.server.ts'
import { documentLoader, type DocumentResolver } from './json-ld-contexts.server.ts'

/**
 * Data Integrity proofs (W3C VC Data Integrity, cryptosuite eddsa-rdfc-2022, the suite Open
 * Badges 3.0 names for linked-data proofs) with the Digital Bazaar libraries, so what we sign
 * is canonicalised exactly as their verifiers (and the Learner Credential Wallet) read it.
 */
export type ProofKey = { kid: string; privateKey: KeyObject }

export type SignedDocument = Record<string, unknown> & { proof: Record<string, unknown> }

export async function addDataIntegrityProof(
  document: Record<string, unknown>,
  key: ProofKey,
  resolve: DocumentResolver,
): Promise<SignedDocument> {
  const keyPair = await fromJwk({
    jwk: key.privateKey.export({ format: 'jwk' }) as Record<string, unknown>,
    secretKey: true,
    id: verificationMethodId(key.kid),
    controller: issuerDid(),
  })
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite })
  // The library adds the proof to the object it is given: sign a copy.
  return issue({
    credential: structuredClone(document),
    suite,
    documentLoader: documentLoader(resolve),
  })
}

export type ProofCheck = {
  verified: boolean
  /** The library's first error message, for the log; pages show a fixed reason. */
  error?: string
}

/**
 * Check a proof: the key from the issuer's DID document, the canonical form, the signature.
 * Only the proof: the library would also refuse an expired credential, but expiry is a status
 * (shown as such), not forgery, so it checks as of the moment the credential took effect.
 */
export async function verifyDataIntegrityProof(
  document: Record<string, unknown>,
  resolve: DocumentResolver,
): Promise<ProofCheck> {
  const result = await verifyCredential({
    credential: document,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: documentLoader(resolve),
    // Status is reported on its own (register and status list), not as a broken proof.
    checkStatus: async () => ({ verified: true }),
    ...(typeof document.validFrom === 'string' ? { now: new Date(document.validFrom) } : {}),
  })
  if (result.verified) return { verified: true }
  const error = result.error?.errors?.[0] ?? result.results?.[0]?.error ?? result.error
  return { verified: false, error: error?.message ?? 'not verified' }
}
