import type { AreaCatalog } from './catalog.ts'
import type { erasureNl } from './erasure.nl.ts'

export const erasureEn: AreaCatalog<typeof erasureNl> = {
  'erasure.audit.requested': 'Erasure requested',
  'erasure.audit.approved': 'Erasure approved',
  'erasure.audit.rejected': 'Erasure rejected',
  'erasure.audit.done': 'Account erased',
  'erasure.accountLink': 'Have my account erased',
  'erasure.title': 'Have your account erased',
  'erasure.intro':
    'You have the right to have your data erased (GDPR article 17). Afterwards you can no longer sign in, and your name, e-mail address, what you wrote and what you uploaded are gone everywhere.',
  'erasure.whatGoes': 'What goes',
  'erasure.whatGoesList':
    'Your name and e-mail address, your password and sessions, your reflections, the text and files of your evidence, comments in assessments and coaching sessions about you, and your links with SSO, LTI and wallets.',
  'erasure.whatStays': 'What stays, without your name',
  'erasure.whatStaysList':
    'Figures your organisation counts (progress per work process, scores, KPIs) stay under a random id that no longer leads to you. Records you earned stay verifiable: keep your own copy (download all your data first), because the platform keeps only their status, not your name.',
  'erasure.waitNote':
    'Your employer decides on the request. If your data must be kept (a dispute under way, or exam material to be kept for 18 months after your diploma), the erasure waits until that is over.',
  'erasure.organisation': 'Which organisation do you file the request with?',
  'erasure.confirm': 'I understand this cannot be undone',
  'erasure.confirmRequired': 'Confirm that you understand erasure is final.',
  'erasure.submit': 'Request erasure',
  'erasure.submitted': 'Your request has been filed.',
  'erasure.openRequest': 'Your request of {date}: {status}.',
  'erasure.status.requested': 'waiting for your employer’s decision',
  'erasure.orgStatus.requested': 'waiting for a decision',
  'erasure.status.approved': 'approved, being carried out',
  'erasure.status.rejected': 'rejected',
  'erasure.status.done': 'carried out',
  'erasure.waiting.legal_hold': 'The erasure waits: there is a legal hold on your data.',
  'erasure.waiting.exam_retention':
    'The erasure waits until {date}: exam material must be kept until then.',
  'erasure.error.open_request': 'A request is already open.',
  'erasure.error.not_member': 'This person is not a member of this organisation.',
  'erasure.error.not_open': 'This request has been decided already.',
  'erasure.error.erased': 'This account has been erased already.',
  'erasure.orgTitle': 'Erasure requests',
  'erasure.orgIntro':
    'Staff can ask to have their data erased (GDPR article 17). Decide within a month. Once approved, the platform erases the account as soon as no duty to keep holds it; organisation figures stay right and issued records stay verifiable.',
  'erasure.none': 'There are no requests.',
  'erasure.col.person': 'Staff member',
  'erasure.col.requested': 'Filed',
  'erasure.col.status': 'Status',
  'erasure.col.decision': 'Decision',
  'erasure.byThePerson': 'by the staff member',
  'erasure.byAdmin': 'by {name}',
  'erasure.approve': 'Approve',
  'erasure.reject': 'Reject',
  'erasure.rejectNote': 'Reason for rejecting',
  'erasure.noteRequired': 'Give a reason of at least 10 characters.',
  'erasure.decided': 'The decision has been recorded.',
  'erasure.fileFor': 'File a request for a staff member',
  'erasure.member': 'Staff member',
  'erasure.chooseMember': 'Choose a staff member.',
  'erasure.erasedPerson': 'Erased account',
  'erasure.record.erased':
    'The holder of this record had their data erased. This platform keeps only what was achieved and its status; the holder’s copy stays verifiable.',
  'erasure.record.gone':
    'The holder of this record had their data erased: the platform no longer has a signed copy. Ask the holder for theirs and check it at /verify.',
}
