/**
 * What a wallet can ask this issuer for (OpenID4VCI 1.0, credential_configurations_supported).
 * One entry per form of the same Open Badges 3.0 record: the JSON-LD credential with its Data
 * Integrity proof (`ldp_vc`, what the Learner Credential Wallet and DCC verifiers read) and the
 * VC-JWT (`jwt_vc_json`); each has its case in `walletCredential`.
 */
export type CredentialFormat = 'jwt_vc_json' | 'ldp_vc'

export type CredentialConfiguration = {
  format: CredentialFormat
  credential_definition: { '@context'?: string[]; type: string[] }
  cryptographic_binding_methods_supported: string[]
  credential_signing_alg_values_supported: string[]
  proof_types_supported: { jwt: { proof_signing_alg_values_supported: string[] } }
  credential_metadata: {
    display: Array<{ name: string; locale: string; description: string }>
  }
}

/** Algorithms a holder may sign its key proof with. */
export const PROOF_ALGORITHMS = ['ES256', 'EdDSA'] as const

const DISPLAY = [
  {
    name: 'Leerplein-bewijs (Open Badge)',
    locale: 'nl',
    description: 'Een werkproces, kerntaak of kwalificatie uit het kwalificatiedossier.',
  },
  {
    name: 'Leerplein record (Open Badge)',
    locale: 'en',
    description: 'A work process, core task or qualification of the qualification file.',
  },
]

export const CREDENTIAL_CONFIGURATIONS = {
  OpenBadgeCredential_ldp_vc: {
    format: 'ldp_vc',
    credential_definition: {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    },
    cryptographic_binding_methods_supported: ['did:jwk', 'did:key', 'jwk'],
    // For ldp_vc these are the cryptosuites of the proof.
    credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
    proof_types_supported: { jwt: { proof_signing_alg_values_supported: [...PROOF_ALGORITHMS] } },
    credential_metadata: { display: DISPLAY },
  },
  OpenBadgeCredential_jwt_vc_json: {
    format: 'jwt_vc_json',
    credential_definition: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
    cryptographic_binding_methods_supported: ['did:jwk', 'did:key', 'jwk'],
    credential_signing_alg_values_supported: ['RS256'],
    proof_types_supported: { jwt: { proof_signing_alg_values_supported: [...PROOF_ALGORITHMS] } },
    credential_metadata: { display: DISPLAY },
  },
} as const satisfies Record<string, CredentialConfiguration>

export type CredentialConfigurationId = keyof typeof CREDENTIAL_CONFIGURATIONS

export function isCredentialConfigurationId(id: string): id is CredentialConfigurationId {
  return Object.hasOwn(CREDENTIAL_CONFIGURATIONS, id)
}
