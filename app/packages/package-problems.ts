import { localizeProblem } from '#app/authoring/problem-messages.ts'
import type { Locale } from '#app/i18n/i18n.ts'

/**
 * The manifest readers speak English, like the course checker; trainers read Dutch. The
 * location (`imsmanifest.xml:19:5`) stays as it is; each known message gets its Dutch
 * rendering, the zip's own messages come from the course importer's table, and anything
 * unknown is shown as it is (never hidden, only untranslated).
 */
const RULES: Array<[RegExp, string]> = [
  [/^the launch file "(.*)" is not in the zip$/, 'het startbestand "$1" staat niet in de zip'],
  [
    /^"(.*)" is an external URL; .*$/,
    '"$1" is een extern adres; een pakket mag alleen zijn eigen bestanden starten',
  ],
  [
    /^"(.*)" is an absolute path; .*$/,
    '"$1" is een absoluut pad; gebruik een pad binnen het pakket',
  ],
  [/^"(.*)" points outside the package$/, '"$1" wijst buiten het pakket'],
  [
    /^AU "(.*)" is launched from "(.*)", outside the package; .*$/,
    'AU "$1" start vanaf "$2", buiten het pakket; hier spelen alleen AU\'s uit de zip',
  ],
  [
    /^the organization has no item that launches a SCO.*$/,
    'de organization heeft geen item dat een SCO start (adlcp:scormtype="sco")',
  ],
  [/^the course has no <au>$/, 'de cursus heeft geen <au>'],
  [/^not well-formed XML: (.*)$/, 'geen geldige XML: $1'],
  [
    /^the zip holds no imsmanifest\.xml \(SCORM\) or cmi5\.xml \(cmi5\) at its root$/,
    'de zip heeft geen imsmanifest.xml (SCORM) of cmi5.xml (cmi5) in de hoofdmap',
  ],
  [
    /^item "(.*)" refers to resource "(.*)", which the manifest does not have$/,
    'item "$1" verwijst naar resource "$2", die niet in het manifest staat',
  ],
  [/^(.*) is not a number from (\d+) to (\d+)$/, '$1 is geen getal van $2 tot en met $3'],
]

export function localizePackageProblem(message: string, locale: Locale): string {
  if (locale !== 'nl') return message
  const at = /^(\S+:\d+:\d+ )(.*)$/.exec(message)
  const [where, rest] = at ? [at[1]!, at[2]!] : ['', message]
  for (const [pattern, dutch] of RULES) {
    if (pattern.test(rest)) return where + rest.replace(pattern, dutch)
  }
  return where + localizeProblem(rest, locale)
}
