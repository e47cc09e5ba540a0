import type { Locale } from '#app/i18n/i18n.ts'

/** The e-mails of the quality loop: rules that assign lessons, coaching follow-ups. */

export function ruleAssignedAgentEmail(
  locale: Locale,
  v: {
    organisation: string
    workProcess: string
    due: string
    failing: number
    window: number
    link: string
  },
) {
  return locale === 'en'
    ? {
        subject: `Lessons assigned: ${v.workProcess}`,
        text: `${v.organisation}: ${v.failing} of your last ${v.window} scored contacts fell short on ${v.workProcess}. The lessons of this work process are assigned to you, due ${v.due}.\n\nStart here:\n${v.link}`,
      }
    : {
        subject: `Lessen toegewezen: ${v.workProcess}`,
        text: `${v.organisation}: ${v.failing} van je laatste ${v.window} beoordeelde contacten waren onvoldoende op ${v.workProcess}. De lessen van dit werkproces zijn aan je toegewezen, af uiterlijk ${v.due}.\n\nBegin hier:\n${v.link}`,
      }
}

export function ruleAssignedLeaderEmail(
  locale: Locale,
  v: { organisation: string; agent: string; workProcess: string; due: string; link: string },
) {
  return locale === 'en'
    ? {
        subject: `${v.agent}: lessons assigned for ${v.workProcess}`,
        text: `${v.organisation}: a quality rule assigned the lessons of ${v.workProcess} to ${v.agent} (due ${v.due}), after several contacts fell short. A coaching conversation may help:\n${v.link}`,
      }
    : {
        subject: `${v.agent}: lessen toegewezen voor ${v.workProcess}`,
        text: `${v.organisation}: een kwaliteitsregel heeft de lessen van ${v.workProcess} toegewezen aan ${v.agent} (af uiterlijk ${v.due}), omdat meerdere contacten onvoldoende waren. Een coachingsgesprek kan helpen:\n${v.link}`,
      }
}

export function coachingFollowUpEmail(
  locale: Locale,
  v: { organisation: string; coach: string; agent: string; heldAt: string; link: string },
) {
  return locale === 'en'
    ? {
        subject: `Coaching follow-up due: ${v.agent}`,
        text: `${v.organisation}: the follow-up of the coaching session of ${v.heldAt} (${v.coach} with ${v.agent}) is due. Read the agreements again:\n${v.link}`,
      }
    : {
        subject: `Vervolg van coaching: ${v.agent}`,
        text: `${v.organisation}: het vervolg van het coachingsgesprek van ${v.heldAt} (${v.coach} met ${v.agent}) is aan de beurt. Lees de afspraken nog eens:\n${v.link}`,
      }
}

export function coachingLoggedEmail(
  locale: Locale,
  v: { organisation: string; coach: string; link: string },
) {
  return locale === 'en'
    ? {
        subject: 'A coaching session was recorded: please confirm',
        text: `${v.organisation}: ${v.coach} recorded your coaching session, with what was discussed and the agreements. Read it and confirm the record:\n${v.link}`,
      }
    : {
        subject: 'Verslag van je coachingsgesprek: graag bevestigen',
        text: `${v.organisation}: ${v.coach} heeft het verslag van jullie coachingsgesprek vastgelegd, met wat besproken is en de afspraken. Lees het en bevestig het verslag:\n${v.link}`,
      }
}
