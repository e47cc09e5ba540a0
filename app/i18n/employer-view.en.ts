import type { AreaCatalog } from './catalog.ts'
import type { employerViewNl } from './employer-view.nl.ts'

export const employerViewEn: AreaCatalog<typeof employerViewNl> = {
  'employerView.collapse': 'Collapse core task {code}',
  'employerView.expand': 'Expand core task {code}',
  'employerView.expandAll': 'Expand all',
  'employerView.collapseHint': 'Collapse a core task (−) for a summary per staff member.',
  'employerView.summary':
    '{code}: {competent} of {total} work processes competent; {started} started',
  'employerView.scrollRegion': 'Progress matrix, scrolls horizontally',
  'employerView.person': 'View a staff member',
  'employerView.personHint': 'Choose a staff member to see their work processes.',
  'employerView.personHeading': 'Work processes of {name}',
  'employerView.personProfile': "To {name}'s profile",
  'employerView.competentOf': '{competent}/{total} competent',
}
