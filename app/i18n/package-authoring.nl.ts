/** Dutch messages: Package import and mapping for trainers (#21). Spread into nl.ts. */
export const packageAuthoringNl = {
  'packageAuthoring.title': 'Pakketten',
  "packageAuthoring.audit.uploaded": "Pakket geüpload",
  "packageAuthoring.audit.published": "Pakket gepubliceerd",
  "packageAuthoring.courseInvalid": "Deze cursus is geen pakketcursus van deze eigenaar.",
  "packageAuthoring.packageUnknown": "Dit pakket bestaat niet (meer).",
  "packageAuthoring.alreadyPublished": "Dit pakket is al gepubliceerd. Upload een nieuwe versie.",
  "packageAuthoring.dossierUnknown": "Kies een bestaand dossier.",
  "packageAuthoring.workProcessRequired": "Kies minstens één werkproces.",
  "packageAuthoring.workProcessUnknown": "Een gekozen werkproces hoort niet bij dit dossier.",
  "packageAuthoring.doneWhenInvalid": "Kies wanneer de activiteit af is.",
  "packageAuthoring.minScoreInvalid": "Geef een minimale score van 0 tot en met 100.",
  "packageAuthoring.publishedMeanwhile": "Iemand anders publiceerde deze cursus op hetzelfde moment; bekijk de versies en publiceer opnieuw.",
}
