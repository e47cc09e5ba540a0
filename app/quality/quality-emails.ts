import type { Locale } from '#app/i18n/i18n.ts'

/** The e-mails of quality monitoring, in the language of the person they go to. */
export function evaluationRecordedEmail(
  locale: Locale,
  v: { score: number; passed: boolean; link: string },
) {
  return locale === 'en'
    ? {
        subject: `One of your contacts was scored: ${v.score}`,
        text: `A contact of yours was scored on the quality scorecard: ${v.score} (${v.passed ? 'passed' : 'not passed'}).\n\nRead the scores and comments, then mark it as seen or dispute it:\n${v.link}`,
      }
    : {
        subject: `Een contact van jou is beoordeeld: ${v.score}`,
        text: `Een contact van jou is beoordeeld op de kwaliteitsscorekaart: ${v.score} (${v.passed ? 'voldoende' : 'onvoldoende'}).\n\nLees de scores en opmerkingen, en markeer de beoordeling als gezien of maak bezwaar:\n${v.link}`,
      }
}

export function evaluationDisputedEmail(locale: Locale, v: { link: string }) {
  return locale === 'en'
    ? {
        subject: 'An agent disputes an evaluation',
        text: `An agent disputes the scoring of one of their contacts. Read the reason and decide:\n${v.link}`,
      }
    : {
        subject: 'Bezwaar tegen een beoordeling',
        text: `Een medewerker maakt bezwaar tegen de beoordeling van een contact. Lees de reden en beslis:\n${v.link}`,
      }
}

export function calibrationInvitationEmail(
  locale: Locale,
  v: { organisation: string; title: string; link: string },
) {
  return locale === 'en'
    ? {
        subject: `Calibration: ${v.title}`,
        text: `${v.organisation} asks you to score one contact for the calibration "${v.title}". Score it on your own; once everyone has scored you see the spread.\n\n${v.link}`,
      }
    : {
        subject: `Kalibratie: ${v.title}`,
        text: `${v.organisation} vraagt je één contact te scoren voor de kalibratie "${v.title}". Scoor het zelfstandig; als iedereen heeft gescoord, zie je de spreiding.\n\n${v.link}`,
      }
}
