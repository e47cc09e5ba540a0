/**
 * Where a coach's handed-in sessions count: their own team-leader dossier, coaching
 * (TL-K2-W3) and judging performance (TL-K1-W3). Shared by the form and the server.
 */
export const COACH_DOSSIER = 'contactcenter-teamleider'
export const COACH_WORK_PROCESSES = ['TL-K2-W3', 'TL-K1-W3'] as const
