import type { Locale } from '#app/i18n/i18n.ts'

/**
 * The checker speaks English (`npm run courses:check` is read by developers); trainers in the
 * browser read Dutch. Each known message has a Dutch rendering here; a message without one
 * is shown as it is, so a new check is never hidden, only untranslated.
 */
const IN_BROWSER = 'in lessen uit de browser'
const RULES: Array<[RegExp, string]> = [
  [
    /^HTML element <([^>]+)> is not allowed .*$/,
    `HTML-element <$1> is niet toegestaan ${IN_BROWSER}; gebruik Markdown of een component uit de kit`,
  ],
  [
    /^fragments <>…<\/> are not allowed .*$/,
    `fragmenten <>…</> zijn niet toegestaan ${IN_BROWSER}`,
  ],
  [/^import\/export is not allowed .*$/, `import/export is niet toegestaan ${IN_BROWSER}`],
  [
    /^JavaScript in \{…\}.*$/,
    `JavaScript tussen {…} (ook een {/* opmerking */}) is niet toegestaan ${IN_BROWSER}`,
  ],
  [
    /^a link to "([^"]+)" is not allowed .*$/,
    `een link naar "$1" is niet toegestaan ${IN_BROWSER}; gebruik http:, https:, mailto:, tel:, lesson: of een relatief adres`,
  ],
  [
    /^an image from "([^"]+)" is not allowed .*$/,
    `een afbeelding van "$1" is niet toegestaan ${IN_BROWSER}; gebruik http:, https: of een relatief adres`,
  ],
  [
    /^a link definition to "([^"]+)" is not allowed .*$/,
    `een linkdefinitie naar "$1" is niet toegestaan ${IN_BROWSER}; gebruik http:, https:, mailto:, tel:, lesson: of een relatief adres`,
  ],
  [
    /^front matter must be YAML.*$/,
    `de kop van een les is YAML, geopend met een gewone ---; andere talen zijn niet toegestaan ${IN_BROWSER}`,
  ],
  [/^unknown component <([^>]+)>; the kit has (.*)$/, 'onbekend component <$1>; de kit heeft $2'],
  [
    /^<(\w+)> has no attribute "([^"]+)": event handlers are not allowed in lessons$/,
    '<$1> heeft geen attribuut "$2": event handlers zijn niet toegestaan in lessen',
  ],
  [
    /^<(\w+)> has no attribute "([^"]+)": raw HTML is not allowed in lessons$/,
    '<$1> heeft geen attribuut "$2": losse HTML is niet toegestaan in lessen',
  ],
  [/^<(\w+)> has no attribute "([^"]+)"$/, '<$1> heeft geen attribuut "$2"'],
  [/^<(\w+) \{…\}> is JavaScript.*$/, `<$1 {…}> is JavaScript en niet toegestaan ${IN_BROWSER}`],
  [
    /^(\w+)=\{…\} is JavaScript.*$/,
    `$1={…} is JavaScript en niet toegestaan ${IN_BROWSER}; schrijf $1="…"`,
  ],
  [/^<(\w+)> belongs inside <(\w+)>$/, '<$1> hoort binnen <$2>'],
  [/^<(\w+)> needs (\w+)="…"$/, '<$1> heeft $2="…" nodig'],
  [/^<(\w+)> (\w+)="([^"]*)" must be one of (.*)$/, '<$1> $2="$3" moet een van deze zijn: $4'],
  [/^duplicate reflection id "(.*)"$/, 'reflectie-id "$1" komt twee keer voor'],
  [/^duplicate step id "(.*)"$/, 'stap-id "$1" komt twee keer voor'],
  [/^a lesson has at most one <Quiz>$/, 'een les heeft hoogstens één <Quiz>'],
  [/^passMark must be .*$/, 'passMark is een heel percentage van 0 tot 100'],
  [/^revealAfter must be .*$/, 'revealAfter is een heel aantal pogingen vanaf 1, of never'],
  [/^a question has 2 to 6 options$/, 'een vraag heeft 2 tot 6 antwoorden'],
  [
    /^a single-choice question has exactly one correct option$/,
    'een vraag met één antwoord heeft precies één juist antwoord',
  ],
  [
    /^a multiple-choice question has at least one correct option$/,
    'een meerkeuzevraag heeft minstens één juist antwoord',
  ],
  [/^a quiz needs questions$/, 'een toets heeft vragen nodig'],
  [
    /^the course declares en, so this needs an English text$/,
    'de cursus is ook in het Engels, dus dit heeft een Engelse tekst nodig',
  ],
  [
    /^the course declares en, but this module has no English title$/,
    'de cursus is ook in het Engels, maar deze module heeft geen Engelse titel',
  ],
  [
    /^a quiz needs at least (\d+) questions \(it has (\d+)\)$/,
    'een toets heeft minstens $1 vragen (deze heeft er $2)',
  ],
  [/^start="(.*)" is not a step$/, 'start="$1" is geen stap'],
  [/^a step needs at least one <Choice>$/, 'een stap heeft minstens één <Choice> nodig'],
  [/^to="(.*)" is not a step or ending$/, 'to="$1" is geen stap of einde'],
  [/^a scenario needs at least one <Ending>$/, 'een scenario heeft minstens één <Ending> nodig'],
  [/^step "(.*)" cannot be reached from start$/, 'stap "$1" is vanaf de start niet te bereiken'],
  [
    /^a <Quiz> belongs in a lesson of type quiz$/,
    'een <Quiz> hoort in een les van het soort toets',
  ],
  [/^a lesson of type quiz needs a <Quiz>$/, 'een toets heeft een <Quiz> nodig'],
  [/^a lesson of type scenario needs a <Scenario>$/, 'een scenario-les heeft een <Scenario> nodig'],
  [/^a module needs at least one lesson$/, 'een module heeft minstens één les nodig'],
  [/^a course needs a lesson$/, 'een cursus heeft minstens één les nodig'],
  [/^broken link: no lesson "(.*)"$/, 'kapotte link: er is geen les "$1"'],
  [
    /^the course declares en, but .*$/,
    'de cursus is ook Engels, maar deze les heeft nog geen Engelse tekst',
  ],
  [
    /^the translation does not have the same .*$/,
    'de Engelse tekst heeft niet dezelfde componenten, id’s en antwoorden als de Nederlandse',
  ],
  [/^unknown work-process code (\S+) in dossier (\S+)$/, 'onbekend werkproces $1 in dossier $2'],
  [/^unknown competency (\S+)$/, 'onbekende competentie $1'],
  [
    /^lesson id "(.*)" is already used by another course$/,
    'les-id "$1" is al in gebruik bij een andere cursus',
  ],
  [
    /^someone else published this course .*$/,
    'iemand anders publiceerde deze cursus op hetzelfde moment; bekijk de versies en publiceer opnieuw',
  ],
  [/^MDX: (.*)$/, 'de tekst is geen geldige MDX: $1'],
  // Limits of the judgement (lesson-limits.ts, judge-lesson.server.ts).
  [
    /^the lesson text has (\d+) characters; at most (\d+)$/,
    'de lestekst heeft $1 tekens; hoogstens $2',
  ],
  [/^the lesson text has (\d+) lines; at most (\d+)$/, 'de lestekst heeft $1 regels; hoogstens $2'],
  [
    /^the lesson text holds an invisible control character \((U\+[0-9A-F]+)\)$/,
    'de lestekst bevat een onzichtbaar stuurteken ($1); haal het weg',
  ],
  [
    /^lists and quotes nest (\d+) levels deep here; at most (\d+)$/,
    'lijsten en citaten zijn hier $1 niveaus diep genest; hoogstens $2',
  ],
  [
    /^judging the lesson took longer than (\S+) seconds; .*$/,
    'het controleren van de les duurde langer dan $1 seconden; nest lijsten, citaten, nadruk en componenten minder diep',
  ],
  [
    /^the lesson nests too deeply to be read; .*$/,
    'de les is te diep genest om te lezen; nest lijsten, citaten, nadruk en componenten minder diep',
  ],
  [/^the lesson could not be judged: (.*)$/, 'de les kon niet worden gecontroleerd: $1'],
  [
    /^YAML: the tag (\S+) is not allowed; .*$/,
    'YAML: de tag $1 is niet toegestaan; schrijf een gewone waarde',
  ],
  [
    /^YAML: the (alias|anchor) (\S+) is not allowed; .*$/,
    'YAML: $2 (een verwijzing) is niet toegestaan; schrijf de waarde uit',
  ],
  // Importing a course.
  [/^this is not a zip file$/, 'dit is geen zip-bestand'],
  [/^the zip is too large$/, 'het zip-bestand is te groot'],
  [
    /^the zip holds (\d+) entries; at most (\d+)$/,
    'het zip-bestand bevat $1 bestanden; hoogstens $2',
  ],
  [
    /^the zip unpacks to (\S+) MiB; at most (\S+) MiB$/,
    'het zip-bestand pakt uit tot $1 MiB; hoogstens $2 MiB',
  ],
  [/^the zip is damaged: (.*)$/, 'het zip-bestand is beschadigd: $1'],
  [
    /^the zip holds \S+ courses: (.*); export one course per zip$/,
    'het zip-bestand bevat meer dan één cursus ($1); exporteer één cursus per zip',
  ],
  [
    /^the zip holds no course\.yaml.*$/,
    'het zip-bestand bevat geen course.yaml: zet er één cursusmap in, bijvoorbeeld tl-k2-coachen/course.yaml',
  ],
  [
    /^besides the course folder (\S+) the zip holds (.*); put only the course folder in it$/,
    'naast de cursusmap $1 bevat het zip-bestand $2; zet alleen de cursusmap erin',
  ],
  [/^"(.*)" is encrypted; .*$/, '"$1" is versleuteld; upload een zip zonder wachtwoord'],
  [
    /^"(.*)" is a symbolic link or special file.*$/,
    '"$1" is een snelkoppeling of speciaal bestand; een cursus-zip bevat alleen bestanden en mappen',
  ],
  [
    /^course id "(.*)" is in use; give the copy a new course id$/,
    'cursus-id "$1" is al in gebruik; geef de kopie een nieuwe cursus-id',
  ],
  [
    /^lesson id "(.*)" is in use; give the copy a new course id$/,
    'les-id "$1" is al in gebruik; geef de kopie een nieuwe cursus-id',
  ],
  [/^not a course folder$/, 'dit is geen cursusmap'],
  [/^unknown course folder$/, 'onbekende cursusmap'],
]

/** Where in an imported course, before the message itself. */
const IN_LESSON = /^lesson (\S+) \((nl|en)\), line (\d+): /

export function localizeProblem(message: string, locale: Locale): string {
  if (locale !== 'nl') return message
  const where = IN_LESSON.exec(message)
  if (where) {
    const language = where[2] === 'en' ? 'Engels' : 'Nederlands'
    const rest = localizeProblem(message.slice(where[0].length), locale)
    return `les ${where[1]} (${language}), regel ${where[3]}: ${rest}`
  }
  for (const [pattern, dutch] of RULES) {
    if (pattern.test(message)) return message.replace(pattern, dutch)
  }
  return message
}
