import type { AreaCatalog } from './catalog.ts'
import type { ltiServicesNl } from './lti-services.nl.ts'

export const ltiServicesEn: AreaCatalog<typeof ltiServicesNl> = {}
