import type { AreaCatalog } from './catalog.ts'
import type { designNl } from './design.nl.ts'

export const designEn: AreaCatalog<typeof designNl> = {
  'design.menu': 'Menu',
  'design.account': 'My account',
}
