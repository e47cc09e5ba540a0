import type { AreaCatalog } from './catalog.ts'
import type { ltiAdminNl } from './lti-admin.nl.ts'

export const ltiAdminEn: AreaCatalog<typeof ltiAdminNl> = {}
