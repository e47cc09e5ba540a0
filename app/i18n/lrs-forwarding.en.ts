import type { AreaCatalog } from './catalog.ts'
import type { lrsForwardingNl } from './lrs-forwarding.nl.ts'

export const lrsForwardingEn: AreaCatalog<typeof lrsForwardingNl> = {
  'lrsForwarding.title': 'Forwarding to your LRS',
}
