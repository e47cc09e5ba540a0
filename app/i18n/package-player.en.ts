import type { AreaCatalog } from './catalog.ts'
import type { packagePlayerNl } from './package-player.nl.ts'

export const packagePlayerEn: AreaCatalog<typeof packagePlayerNl> = {
  'packagePlayer.title': 'Play package',
}
