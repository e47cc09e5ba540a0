import { fromAmsterdamLocal } from '#app/utils/amsterdam-date.ts'
import type { Channel } from './scorecard-definition.ts'

/**
 * How the cells of QA-tool and KPI exports are read: the spellings Dutch and English exports
 * use for dates, durations, percentages, yes/no and channels. Pure, so the dry run and the
 * import read every cell the same way. Each reader returns undefined for text it cannot read.
 */

/** A header as compared: lower case, without accents, spaces or punctuation. */
export function normaliseHeader(header: string) {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** The column whose header matches one of the names (normalised), or null. */
export function guessColumn(headers: string[], names: string[]): number | null {
  const wanted = names.map(normaliseHeader).filter(Boolean)
  const normalised = headers.map(normaliseHeader)
  for (const name of wanted) {
    const i = normalised.indexOf(name)
    if (i >= 0) return i
  }
  return null
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A wall-clock time in Amsterdam as a moment (summer and winter time included). */
function amsterdamMoment(y: number, mo: number, d: number, h: number, mi: number, s: number) {
  const minute = fromAmsterdamLocal(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`)
  return minute ? new Date(+minute + s * 1000) : undefined
}

function validDay(y: number, mo: number, d: number) {
  const date = new Date(Date.UTC(y, mo - 1, d))
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/**
 * A contact's date and time: ISO ("2026-11-03", "2026-11-03 14:05", with "T", seconds, "Z" or
 * an offset) or Dutch day-first ("03-11-2026 14:05", "3/11/2026"). Without a zone the time is
 * Amsterdam time; without a time, noon (so the day never shifts).
 */
export function readDateTime(text: string): Date | undefined {
  const t = text.trim()
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      t,
    )
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    t,
  )
  let y: number, mo: number, d: number, h: number, mi: number, s: number
  let zone: string | undefined
  if (iso) {
    ;[y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    ;[h, mi, s] = [Number(iso[4] ?? 12), Number(iso[5] ?? 0), Number(iso[6] ?? 0)]
    zone = iso[7]
  } else if (dutch) {
    ;[d, mo, y] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])]
    ;[h, mi, s] = [Number(dutch[4] ?? 12), Number(dutch[5] ?? 0), Number(dutch[6] ?? 0)]
  } else return undefined
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined
  if (zone) {
    const offset =
      zone === 'Z'
        ? 0
        : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000)
  }
  return amsterdamMoment(y, mo, d, h, mi, s)
}

/** A day as "YYYY-MM-DD" (no time part), from ISO or Dutch day-first text. */
export function readDay(text: string): string | undefined {
  const t = text.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$/.exec(t)
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t)
  const [y, mo, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dutch
      ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
      : [0, 0, 0]
  if (!validDay(y, mo, d)) return undefined
  return `${y}-${pad(mo)}-${pad(d)}`
}

/** The Monday of an ISO week "2026-W48" (or "2026W48"), as "YYYY-MM-DD". */
export function mondayOfIsoWeek(text: string): string | undefined {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim())
  if (!m) return undefined
  const [year, week] = [Number(m[1]), Number(m[2])]
  if (year < 2000 || year > 2100 || week < 1 || week > 53) return undefined
  // Week 1 holds 4 January; its Monday is the start.
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const monday = new Date(
    +jan4 - ((jan4.getUTCDay() + 6) % 7) * 86400_000 + (week - 1) * 7 * 86400_000,
  )
  // Week 53 exists only in years whose last ISO week is 53.
  if (week === 53 && isoWeekYear(monday) !== year) return undefined
  return monday.toISOString().slice(0, 10)
}

function isoWeekYear(monday: Date) {
  return new Date(+monday + 3 * 86400_000).getUTCFullYear()
}

export function isMonday(day: string) {
  return new Date(`${day}T12:00:00Z`).getUTCDay() === 1
}

/** Seconds from "275", "4:35" (m:ss) or "1:04:35" (h:mm:ss). */
export function readDuration(text: string): number | undefined {
  const t = text.trim()
  if (/^\d{1,6}$/.test(t)) return Number(t)
  if (/^\d{1,6}[.,]\d+$/.test(t)) return Math.round(Number(t.replace(',', '.')))
  const m = /^(?:(\d{1,3}):)?(\d{1,4}):(\d{2})$/.exec(t)
  if (!m || Number(m[3]) > 59 || (m[1] !== undefined && Number(m[2]) > 59)) return undefined
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

/** A number written the Dutch or English way, with an optional "%": "85,5", "85.5%", "-12". */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s*%$/, '')
  if (!/^-?\d{1,7}([.,]\d{1,6})?$/.test(t)) return undefined
  return Number(t.replace(',', '.'))
}

const NOT_APPLICABLE = new Set(['', 'nvt', 'na', 'nb', 'notapplicable', 'nietvantoepassing', '-'])
const YES = new Set(['ja', 'yes', 'y', 'j', '1', 'true', 'waar', 'pass', 'passed', 'ok'])
const NO = new Set(['nee', 'no', 'n', '0', 'false', 'onwaar', 'fail', 'failed'])

/**
 * An item's value on its scale: 1/0 for yes/no, 1-5 for a scale, null for n.a. (an empty cell
 * too: the tools leave items they skipped empty). undefined: not a value of this scale.
 */
export function readItemValue(
  scale: 'yes_no' | 'one_to_five',
  text: string,
): number | null | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.\s/]/g, '')
  if (NOT_APPLICABLE.has(t)) return null
  if (scale === 'yes_no') {
    if (YES.has(t)) return 1
    if (NO.has(t)) return 0
    return undefined
  }
  const n = readNumber(text)
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined
}

const CHANNEL_NAMES: Record<Channel, string[]> = {
  phone: ['phone', 'telefoon', 'call', 'voice', 'telefonie', 'inbound', 'outbound', 'tel'],
  chat: ['chat', 'livechat', 'messaging', 'whatsapp', 'chatbot'],
  email: ['email', 'mail', 'ticket', 'webform', 'contactformulier'],
  social: ['social', 'webcare', 'twitter', 'x', 'facebook', 'instagram', 'socialmedia'],
}

export function readChannel(text: string): Channel | undefined {
  const t = normaliseHeader(text)
  for (const [channel, names] of Object.entries(CHANNEL_NAMES))
    if (names.includes(t)) return channel as Channel
  return undefined
}

/** An e-mail address as compared: trimmed, lower case; undefined when it is none. */
export function readEmail(text: string): string | undefined {
  const t = text.trim().toLowerCase()
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) && t.length <= 254 ? t : undefined
}
