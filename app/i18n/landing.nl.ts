/** Dutch messages: Role landing pages, e-mails and wording fixes (#19). Spread into nl.ts. */
export const landingNl = {
  'assignments.state': 'Status',
  'org.memberState': 'Status',
  'staff.records': 'Bewijzen',
} as const
