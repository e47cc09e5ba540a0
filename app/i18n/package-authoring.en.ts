import type { AreaCatalog } from './catalog.ts'
import type { packageAuthoringNl } from './package-authoring.nl.ts'

export const packageAuthoringEn: AreaCatalog<typeof packageAuthoringNl> = {
  'packageAuthoring.title': 'Packages',
}
