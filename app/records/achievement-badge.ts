import type { AchievementLevel } from './credential.server.ts'

/**
 * The image of an achievement: a hexagonal badge in the colour of its core task with the
 * dossier code on it. One description, drawn twice: as SVG for the web and the credential's
 * `image`, and with pdf-lib shapes on the certificate (pdf-lib draws SVG paths, not SVG).
 */
export type Badge = {
  code: string
  level: AchievementLevel
  /** The core task the achievement belongs to; null for a qualification. */
  coreTaskCode: string | null
}

/**
 * Core-task colours: white text on each has at least 4.5:1 contrast (WCAG AA). Dark enough to
 * print too.
 */
export const CORE_TASK_COLOURS = [
  '#1d4ed8',
  '#047857',
  '#b91c1c',
  '#6d28d9',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
] as const
/** A qualification spans every core task: it gets its own, neutral colour. */
export const QUALIFICATION_COLOUR = '#1f2937'

/**
 * The colour of a core task, the same every time: core tasks numbered K1, K2… take the palette
 * in order (so one dossier's core tasks differ); any other code by a hash of it.
 */
export function coreTaskColour(coreTaskCode: string | null): string {
  if (!coreTaskCode) return QUALIFICATION_COLOUR
  const numbered = /K(\d+)$/i.exec(coreTaskCode)
  const index = numbered ? Number(numbered[1]) - 1 : fnv1a(coreTaskCode)
  return CORE_TASK_COLOURS[index % CORE_TASK_COLOURS.length]!
}

/** FNV-1a, 32 bits: a small stable hash that is the same in every runtime. */
function fnv1a(text: string) {
  let hash = 0x811c9dc5
  for (const char of text) {
    hash ^= char.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/**
 * The badge of a record's achievement. A work-process code carries its core task in it
 * (TL-K1-W3 belongs to TL-K1), so no lookup is needed.
 */
export function badgeOf(achievement: { level: string; code: string }): Badge {
  const { code } = achievement
  if (achievement.level === 'work_process') {
    return { code, level: 'work_process', coreTaskCode: code.replace(/-W\d+$/i, '') }
  }
  if (achievement.level === 'core_task') return { code, level: 'core_task', coreTaskCode: code }
  return { code, level: 'qualification', coreTaskCode: null }
}

/** The words under the code; the credential's language is Dutch, so is its image. */
export const BADGE_LEVEL_TEXT: Record<AchievementLevel, string> = {
  work_process: 'WERKPROCES',
  core_task: 'KERNTAAK',
  qualification: 'KWALIFICATIE',
}

/** The badge's outline in a 120×120 box (y downwards): a hexagon standing on a point. */
export const BADGE_SIZE = 120
export const BADGE_HEXAGON = 'M60 4 L108 32 L108 88 L60 116 L12 88 L12 32 Z'
export const BADGE_INNER_HEXAGON = 'M60 12 L101 36 L101 84 L60 108 L19 84 L19 36 Z'

/** A font size that fits the code across the badge (long codes get smaller). */
export function codeFontSize(code: string) {
  return Math.min(22, Math.floor(150 / Math.max(code.length, 1)))
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)

/** The badge as a standalone SVG document: shapes and text only, no scripts, no links. */
export function badgeSvg(badge: Badge, title: string): string {
  const colour = coreTaskColour(badge.coreTaskCode)
  const code = escapeXml(badge.code)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BADGE_SIZE} ${BADGE_SIZE}" width="${BADGE_SIZE}" height="${BADGE_SIZE}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<path d="${BADGE_HEXAGON}" fill="${colour}"/>`,
    `<path d="${BADGE_INNER_HEXAGON}" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="2"/>`,
    `<text x="60" y="66" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-weight="700" font-size="${codeFontSize(badge.code)}" fill="#ffffff">${code}</text>`,
    `<text x="60" y="84" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="8" letter-spacing="1" fill="#ffffff">${BADGE_LEVEL_TEXT[badge.level]}</text>`,
    `</svg>`,
  ].join('')
}

/** Where the badge of an achievement is served: public, the same for every holder. */
export function badgePath(dossierSlug: string, code: string) {
  return `/achievements/${encodeURIComponent(dossierSlug)}/${encodeURIComponent(code)}/badge.svg`
}
