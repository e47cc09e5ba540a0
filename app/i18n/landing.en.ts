import type { AreaCatalog } from './catalog.ts'
import type { landingNl } from './landing.nl.ts'

export const landingEn: AreaCatalog<typeof landingNl> = {
  'assignments.state': 'Status',
  'org.memberState': 'Status',
  'staff.records': 'Records',
}
