import type { AreaCatalog } from './catalog.ts'
import type { ltiLaunchNl } from './lti-launch.nl.ts'

export const ltiLaunchEn: AreaCatalog<typeof ltiLaunchNl> = {}
