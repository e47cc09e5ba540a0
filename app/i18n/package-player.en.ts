import type { AreaCatalog } from './catalog.ts'
import type { packagePlayerNl } from './package-player.nl.ts'

export const packagePlayerEn: AreaCatalog<typeof packagePlayerNl> = {
  'packagePlayer.title': 'Play package',
  'packagePlayer.frameTitle': 'Lesson content: {title}',
  'packagePlayer.start': 'Start',
  'packagePlayer.continue': 'Continue',
  'packagePlayer.close': 'Close and continue later',
  'packagePlayer.statusDone': 'Completed',
  'packagePlayer.statusBusy': 'In progress',
  'packagePlayer.logIn': 'Log in to play this package',
  'packagePlayer.intro':
    'This lesson is a content package. What you do is saved, so you can continue later on any device.',
  'packagePlayer.missing': 'This package cannot be started now.',
  'packagePlayer.status': 'Status',
  'packagePlayer.completesWhen.completed':
    'This package counts as completed once you have worked through it to the end.',
  'packagePlayer.completesWhen.passed': 'This package counts as completed once you pass it.',
  'packagePlayer.completesWhen.score':
    'This package counts as completed once you score at least {score}%.',
}
