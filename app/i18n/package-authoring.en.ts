import type { AreaCatalog } from './catalog.ts'
import type { packageAuthoringNl } from './package-authoring.nl.ts'

export const packageAuthoringEn: AreaCatalog<typeof packageAuthoringNl> = {
  'packageAuthoring.title': 'Packages',
  "packageAuthoring.audit.uploaded": "Package uploaded",
  "packageAuthoring.audit.published": "Package published",
  "packageAuthoring.courseInvalid": "This course is not a package course of this owner.",
  "packageAuthoring.packageUnknown": "This package does not exist (any more).",
  "packageAuthoring.alreadyPublished": "This package is already published. Upload a new version.",
  "packageAuthoring.dossierUnknown": "Choose an existing dossier.",
  "packageAuthoring.workProcessRequired": "Choose at least one work process.",
  "packageAuthoring.workProcessUnknown": "A chosen work process does not belong to this dossier.",
  "packageAuthoring.doneWhenInvalid": "Choose when the activity is done.",
  "packageAuthoring.minScoreInvalid": "Give a minimum score from 0 to 100.",
  "packageAuthoring.publishedMeanwhile": "Someone else published this course at the same moment; look at the versions and publish again.",
}
