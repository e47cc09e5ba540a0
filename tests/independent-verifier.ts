import fs from 'node:fs'
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context'
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context'
import { verifyCredential } from '@digitalbazaar/vc'
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list'
import { Ajv2019 } from 'ajv/dist/2019.js'
import addFormats from 'ajv-formats'
import { contexts as didContexts } from 'did-context'
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose'

/**
 * A verifier as a third party runs it, built from libraries only (never the product's code):
 * Digital Bazaar's vc + eddsa-rdfc-2022 + Bitstring Status List for the JSON-LD form, jose for
 * the VC-JWT, Ajv for the Open Badges 3.0 schema. Contexts come from the context packages and
 * the OB and CLR contexts from standards/; did:web and status lists are fetched over loopback HTTP.
 */
const OB_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
const CONTEXTS = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...didContexts,
  [OB_CONTEXT_URL, JSON.parse(fs.readFileSync('standards/ob_v3p0/context-3.0.3.json', 'utf8'))],
  [
    'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    JSON.parse(fs.readFileSync('standards/clr_v2p0/context-2.0.1.json', 'utf8')),
  ],
])

/** did:web → its document URL (the method's rule; http because the test server is loopback). */
export function didWebUrl(did: string) {
  const [host, ...path] = did
    .replace(/^did:web:/, '')
    .split(':')
    .map(decodeURIComponent)
  return path.length
    ? `http://${host}/${path.join('/')}/did.json`
    : `http://${host}/.well-known/did.json`
}

export type Intercept = (url: string, document: unknown) => unknown

/** Fetches what it must over HTTP; `intercept` lets a test play a man in the middle. */
export function loopbackDocumentLoader(intercept: Intercept = (_u, d) => d) {
  return async (url: string) => {
    const context = CONTEXTS.get(url)
    if (context) return { contextUrl: null, documentUrl: url, document: context }
    let document: unknown
    if (url.startsWith('did:web:')) {
      const [did, fragment] = url.split('#')
      const response = await fetch(didWebUrl(did!))
      if (!response.ok) throw new Error(`${url}: ${response.status}`)
      const doc = (await response.json()) as {
        '@context': unknown
        verificationMethod: Array<{ id: string }>
      }
      document = fragment
        ? { '@context': doc['@context'], ...doc.verificationMethod.find((m) => m.id === url) }
        : doc
    } else if (url.startsWith('http://127.0.0.1:')) {
      const response = await fetch(url)
      if (!response.ok) throw new Error(`${url}: ${response.status}`)
      document = await response.json()
    } else throw new Error(`${url}: not allowed in this test`)
    return { contextUrl: null, documentUrl: url, document: intercept(url, document) }
  }
}

/** @digitalbazaar/vc verifyCredential with the eddsa-rdfc-2022 suite and the status check. */
export async function verifyJsonLd(credential: Record<string, unknown>, intercept?: Intercept) {
  const suite = new DataIntegrityProof({ cryptosuite })
  return verifyCredential({
    credential,
    suite,
    documentLoader: loopbackDocumentLoader(intercept),
    checkStatus: (options) =>
      checkStatus({ ...options, documentLoader: loopbackDocumentLoader(intercept), suite }),
  })
}

/** jose against the issuer's JWKS, fetched from the app. */
export async function verifyVcJwt(jwt: string, baseUrl: string) {
  const jwks = (await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json()) as JSONWebKeySet
  return jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['RS256'] })
}

const ajv = new Ajv2019({ strict: false, allErrors: true })
addFormats.default(ajv)
const schema = (name: string) =>
  JSON.parse(fs.readFileSync(`standards/ob_v3p0/${name}`, 'utf8')) as Record<string, unknown>
ajv.addSchema(schema('endorsementcredential.schema.json'))
const validate = ajv.compile(schema('achievementcredential.schema.json'))

/**
 * The Open Badges 3.0 schema's errors for a credential ([] when valid). The schema wants
 * `proof` as an array, where signing libraries write one object: wrapped, nothing else changed.
 */
export function obSchemaErrors(credential: Record<string, unknown>) {
  const proof = credential.proof
  const candidate = proof && !Array.isArray(proof) ? { ...credential, proof: [proof] } : credential
  return validate(candidate) ? [] : (validate.errors ?? [])
}
