import type { ScorecardDefinition } from './scorecard-definition.ts'

/**
 * A realistic starting point for an agent scorecard (contactcenter medewerker), in the
 * sections quality teams commonly use. The new-scorecard form starts from it, and the demo
 * and the tests score on it; an organisation edits it into its own.
 */
export const STARTER_DOSSIER = 'contactcenter-medewerker'

export const STARTER_SCORECARD: ScorecardDefinition = {
  passMark: 80,
  sections: [
    {
      key: 'opening',
      nl: 'Opening en identificatie',
      en: 'Opening and identification',
      weight: 15,
      threshold: 75,
      workProcesses: ['CM-K1-W1'],
      items: [
        {
          key: 'greeting',
          nl: 'Begroet volgens de huisstijl en noemt de eigen naam',
          en: 'Greets in house style and gives own name',
          scale: 'yes_no',
          weight: 1,
          critical: false,
        },
        {
          key: 'identity',
          nl: 'Controleert de identiteit voordat gegevens worden gedeeld (AVG)',
          en: 'Verifies identity before sharing data (GDPR)',
          scale: 'yes_no',
          weight: 3,
          critical: true,
        },
      ],
    },
    {
      key: 'question',
      nl: 'Vraag begrijpen',
      en: 'Understanding the question',
      weight: 15,
      threshold: 70,
      workProcesses: ['CM-K1-W1', 'CM-K2-W3'],
      items: [
        {
          key: 'explores',
          nl: 'Stelt open vragen en vraagt door',
          en: 'Asks open questions and follows up',
          scale: 'one_to_five',
          weight: 2,
          critical: false,
        },
        {
          key: 'summarises',
          nl: 'Vat de vraag samen en laat die bevestigen',
          en: 'Summarises the question and has it confirmed',
          scale: 'yes_no',
          weight: 1,
          critical: false,
        },
      ],
    },
    {
      key: 'solution',
      nl: 'Juist en volledig antwoord',
      en: 'Correct and complete answer',
      weight: 25,
      threshold: 75,
      workProcesses: ['CM-K1-W1', 'CM-K1-W2'],
      items: [
        {
          key: 'correct',
          nl: 'Geeft juiste informatie (geen financiële of juridische fout)',
          en: 'Gives correct information (no financial or legal error)',
          scale: 'yes_no',
          weight: 3,
          critical: true,
        },
        {
          key: 'complete',
          nl: 'Lost de vraag volledig op in dit contact',
          en: 'Resolves the question fully in this contact',
          scale: 'one_to_five',
          weight: 2,
          critical: false,
        },
      ],
    },
    {
      key: 'tone',
      nl: 'Toon en empathie',
      en: 'Tone and empathy',
      weight: 20,
      threshold: 70,
      workProcesses: ['CM-K1-W2', 'CM-K1-W4'],
      items: [
        {
          key: 'empathy',
          nl: 'Toont begrip voor de situatie van de klant',
          en: 'Shows understanding for the customer situation',
          scale: 'one_to_five',
          weight: 2,
          critical: false,
        },
        {
          key: 'courtesy',
          nl: 'Blijft beleefd en respectvol',
          en: 'Stays polite and respectful',
          scale: 'yes_no',
          weight: 2,
          critical: true,
        },
      ],
    },
    {
      key: 'closing',
      nl: 'Eigenaarschap en afsluiting',
      en: 'Ownership and closing',
      weight: 10,
      threshold: 70,
      workProcesses: ['CM-K1-W4'],
      items: [
        {
          key: 'next-steps',
          nl: 'Spreekt vervolgstappen en termijn duidelijk af',
          en: 'Agrees next steps and timing clearly',
          scale: 'one_to_five',
          weight: 1,
          critical: false,
        },
        {
          key: 'check',
          nl: 'Checkt of de klant verder geholpen is',
          en: 'Checks whether the customer needs anything else',
          scale: 'yes_no',
          weight: 1,
          critical: false,
        },
      ],
    },
    {
      key: 'registration',
      nl: 'Registratie na het contact',
      en: 'After-contact registration',
      weight: 15,
      threshold: 80,
      workProcesses: ['CM-K3-W2'],
      items: [
        {
          key: 'notes',
          nl: 'Legt het contact volledig en begrijpelijk vast in het CRM',
          en: 'Logs the contact fully and clearly in the CRM',
          scale: 'one_to_five',
          weight: 2,
          critical: false,
        },
        {
          key: 'disposition',
          nl: 'Kiest de juiste afhandelcode',
          en: 'Chooses the right disposition code',
          scale: 'yes_no',
          weight: 1,
          critical: false,
        },
      ],
    },
  ],
}

/** Answers that score every item at its best: the base that tests and the demo vary. */
export function perfectAnswers(definition: ScorecardDefinition = STARTER_SCORECARD) {
  return Object.fromEntries(
    definition.sections.flatMap((s) =>
      s.items.map((i) => [i.key, { value: i.scale === 'yes_no' ? 1 : 5 }]),
    ),
  ) as Record<string, { value: number | null; comment?: string }>
}
