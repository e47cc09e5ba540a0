/**
 * What someone looked at, as the access log stores it (AccessLogEntry.kind). Shared by the
 * server that writes the log and the pages that show it (labels in app/i18n/labels.ts).
 */
export const ACCESS_KINDS = [
  // The employer's or team leader's page about one staff member.
  'staff.detail',
  // The org admin's page about one member (name, e-mail, roles, teams).
  'member.detail',
  // A staff member's learning record downloaded as xAPI statements.
  'member.xapi',
  // An assessor reading a piece of evidence, and downloading its file.
  'evidence.view',
  'evidence.file',
  // A quality coach, team leader or org admin reading an evaluation, and its recording.
  'evaluation.view',
  'evaluation.file',
  // An agent's quality trend, and a coaching session with them.
  'quality.trend',
  'coaching.view',
  // The organisation's exports (CSV or Excel): one entry per person in the file.
  'export.progress',
  'export.records',
  'export.evaluations',
  // The HR API, read with an API token (via: api:<token name>).
  'api.staff',
  'api.records',
  'api.evaluations',
] as const
export type AccessKind = (typeof ACCESS_KINDS)[number]
