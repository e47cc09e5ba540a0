import type { AreaCatalog } from './catalog.ts'
import type { ltiDeepLinkingNl } from './lti-deep-linking.nl.ts'

export const ltiDeepLinkingEn: AreaCatalog<typeof ltiDeepLinkingNl> = {}
