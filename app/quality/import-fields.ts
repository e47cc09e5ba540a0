/**
 * The fields and tools of the evaluation and KPI imports, apart from the importers: the
 * import pages render them, and a page's component may not import a .server module (the
 * production build refuses it).
 */

export const QA_TOOLS = ['playvox', 'zendesk-qa', 'maestroqa', 'other'] as const
export type QaTool = (typeof QA_TOOLS)[number]

export const CONTACT_FIELDS = [
  'externalId',
  'agentEmail',
  'evaluatorEmail',
  'contactAt',
  'channel',
  'durationSeconds',
  'clientBrand',
  'comment',
] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]
export const REQUIRED_FIELDS: readonly ContactField[] = [
  'externalId',
  'agentEmail',
  'evaluatorEmail',
  'contactAt',
  'channel',
]

export const KPI_FIELDS = ['agentEmail', 'week', 'aht', 'fcr', 'csat', 'nps', 'adherence'] as const
export type KpiField = (typeof KPI_FIELDS)[number]
