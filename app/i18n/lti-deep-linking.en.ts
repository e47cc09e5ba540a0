import type { AreaCatalog } from './catalog.ts'
import type { ltiDeepLinkingNl } from './lti-deep-linking.nl.ts'

export const ltiDeepLinkingEn: AreaCatalog<typeof ltiDeepLinkingNl> = {
  'ltiDeepLinking.title': 'Choose content',
  'ltiDeepLinking.intro': 'Choose what to place in your course in {platform}.',
  'ltiDeepLinking.introSingle': 'Choose one item to place in your course in {platform}.',
  'ltiDeepLinking.search': 'Search',
  'ltiDeepLinking.searchHint': 'Filter by title or code, for example TL-K2-W3',
  'ltiDeepLinking.courses': 'Courses',
  'ltiDeepLinking.wholeCourse': 'The whole course',
  'ltiDeepLinking.workProcesses': 'Work processes',
  'ltiDeepLinking.workProcessPage': 'The work process page',
  'ltiDeepLinking.allLessons': 'All lessons of work process {code} ({count})',
  'ltiDeepLinking.submit': 'Place in {platform}',
  'ltiDeepLinking.empty': 'There are no published courses for your organisation yet.',
  'ltiDeepLinking.pickOne': 'Choose at least one item.',
  'ltiDeepLinking.badPick': 'This item does not exist.',
  'ltiDeepLinking.tooMany': 'Choose at most 100 items at once.',
  'ltiDeepLinking.unknownPick': 'This item is not in your catalogue: {pick}',
  'ltiDeepLinking.oneItemOnly':
    '{platform} accepts one item here; your choice makes {count}. Choose one lesson, course or work process.',
  'ltiDeepLinking.returning': 'Returning to {platform}…',
  'ltiDeepLinking.returningText':
    'Your choice is being sent to {platform}. If nothing happens, click the button.',
  'ltiDeepLinking.back': 'Back to {platform}',
  'ltiDeepLinking.signedOutTitle': 'Start again from your learning platform',
  'ltiDeepLinking.signedOutText':
    'You are not signed in here (any more). Close this window and choose ‘external tool’ or ‘add content’ again in your learning platform.',
  'ltiDeepLinking.notFoundTitle': 'This request does not exist',
  'ltiDeepLinking.notFoundText':
    'This request is unknown or not yours. Start again from your learning platform.',
  'ltiDeepLinking.usedTitle': 'This request has already been answered',
  'ltiDeepLinking.usedText':
    'Your choice has already been sent to your learning platform. Want to place more? Start again from your learning platform.',
  'ltiDeepLinking.expiredTitle': 'This request has expired',
  'ltiDeepLinking.expiredText':
    'A request is valid for an hour. Start again from your learning platform.',
  'ltiDeepLinking.lessons': { one: '1 lesson', other: '{count} lessons' },
}
