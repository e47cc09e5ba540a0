import type { Locale } from '#app/i18n/i18n.ts'

/** The e-mails the platform sends, in the language of the person who caused them. */
export function invitationEmail(
  locale: Locale,
  v: { organisation: string; inviter: string; link: string; expires: string },
) {
  return locale === 'en'
    ? {
        subject: `Invitation to ${v.organisation} on Leerplein Contactcenter`,
        text: `${v.inviter} invites you to join ${v.organisation} on Leerplein Contactcenter.\n\nAccept the invitation and create your account:\n${v.link}\n\nThe link works once and until ${v.expires}.`,
      }
    : {
        subject: `Uitnodiging voor ${v.organisation} op Leerplein Contactcenter`,
        text: `${v.inviter} nodigt je uit voor ${v.organisation} op Leerplein Contactcenter.\n\nAccepteer de uitnodiging en maak je account aan:\n${v.link}\n\nDe link werkt één keer en tot ${v.expires}.`,
      }
}

export function passwordResetEmail(locale: Locale, v: { link: string }) {
  return locale === 'en'
    ? {
        subject: 'Reset your password for Leerplein Contactcenter',
        text: `Someone (hopefully you) asked to reset your password.\n\nChoose a new password within one hour:\n${v.link}\n\nDid you not ask for this? Then ignore this e-mail; your password stays as it is.`,
      }
    : {
        subject: 'Nieuw wachtwoord voor Leerplein Contactcenter',
        text: `Iemand (hopelijk jij) vroeg om een nieuw wachtwoord.\n\nKies binnen een uur een nieuw wachtwoord:\n${v.link}\n\nHeb je hier niet om gevraagd? Negeer deze e-mail dan; je wachtwoord blijft zoals het is.`,
      }
}

export function evidenceReceivedEmail(
  locale: Locale,
  v: { learner: string; title: string; organisation: string; assessors: number; link: string },
) {
  return locale === 'en'
    ? {
        subject: `Evidence to assess: ${v.learner}, "${v.title}"`,
        text: `${v.learner} (${v.organisation}) handed in workplace evidence: "${v.title}".${v.assessors > 1 ? `\n\nThis is a practical exam: it needs the sign-off of ${v.assessors} different assessors.` : ''}\n\nAssess it here:\n${v.link}`,
      }
    : {
        subject: `Praktijkbewijs te beoordelen: ${v.learner}, "${v.title}"`,
        text: `${v.learner} (${v.organisation}) heeft praktijkbewijs ingeleverd: "${v.title}".${v.assessors > 1 ? `\n\nDit is een proeve van bekwaamheid: er zijn ${v.assessors} verschillende assessoren nodig om af te tekenen.` : ''}\n\nBeoordeel het hier:\n${v.link}`,
      }
}

/** Once per piece of evidence, when every work process in it is decided. */
export function assessmentDoneEmail(
  locale: Locale,
  v: {
    title: string
    workProcesses: Array<{ code: string; signedOff: boolean }>
    link: string
    records: string
  },
) {
  const lines = (yes: string, no: string) =>
    v.workProcesses.map((w) => `- ${w.code}: ${w.signedOff ? yes : no}`).join('\n')
  return locale === 'en'
    ? {
        subject: `Your evidence "${v.title}" has been assessed`,
        text: `Your evidence "${v.title}" has been assessed:\n${lines('signed off', 'not yet')}\n\nRead the feedback per criterion:\n${v.link}\n\nRecords you have earned are on ${v.records}`,
      }
    : {
        subject: `Je praktijkbewijs "${v.title}" is beoordeeld`,
        text: `Je praktijkbewijs "${v.title}" is beoordeeld:\n${lines('afgetekend', 'nog niet')}\n\nLees de feedback per criterium:\n${v.link}\n\nBewijzen die je hebt behaald staan op ${v.records}`,
      }
}

export function assignmentEmail(
  locale: Locale,
  v: { organisation: string; title: string; due: string; link: string },
) {
  return locale === 'en'
    ? {
        subject: `New assignment: ${v.title}`,
        text: `${v.organisation} asks you to complete "${v.title}" by ${v.due}.\n\nYou find it on your overview:\n${v.link}`,
      }
    : {
        subject: `Nieuwe opdracht: ${v.title}`,
        text: `${v.organisation} vraagt je "${v.title}" af te ronden vóór ${v.due}.\n\nJe vindt het in je overzicht:\n${v.link}`,
      }
}

export function assignmentReminderEmail(
  locale: Locale,
  v: { organisation: string; title: string; due: string; overdue: boolean; link: string },
) {
  return locale === 'en'
    ? {
        subject: `${v.overdue ? 'Overdue' : 'Reminder'}: ${v.title}`,
        text: `${v.overdue ? `"${v.title}" was due on ${v.due}` : `"${v.title}" is due on ${v.due}`} (${v.organisation}).\n\nContinue here:\n${v.link}`,
      }
    : {
        subject: `${v.overdue ? 'Te laat' : 'Herinnering'}: ${v.title}`,
        text: `${v.overdue ? `"${v.title}" moest af zijn op ${v.due}` : `"${v.title}" moet af zijn op ${v.due}`} (${v.organisation}).\n\nGa hier verder:\n${v.link}`,
      }
}
