import type { AreaCatalog } from './catalog.ts'
import type { calibrationNl } from './calibration.nl.ts'

export const calibrationEn: AreaCatalog<typeof calibrationNl> = {}
