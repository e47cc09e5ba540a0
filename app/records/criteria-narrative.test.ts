import { expect, test } from 'vitest'
import { criteriaLines, criteriaParts } from './criteria-narrative.ts'

const PARTS = {
  intro: ['Beoordeeld in de praktijk door een assessor op de criteria van dit werkproces.'],
  items: [
    'Voert het gesprek volgens de afspraken (vereist niveau: bekwaam)',
    'Legt vast wat is afgesproken (vereist niveau: gevorderd)',
  ],
  outro: ['Resultaat: Het team werkt volgens plan.'],
}

test('a narrative with one criterion per line is split into intro, criteria and result', () => {
  const narrative = [
    PARTS.intro[0],
    '',
    `1. ${PARTS.items[0]}`,
    `2. ${PARTS.items[1]}`,
    '',
    PARTS.outro[0],
  ].join('\n')
  expect(criteriaParts(narrative)).toEqual(PARTS)
})

test('a record issued with the criteria run together is split the same way', () => {
  const narrative = `${PARTS.intro[0]} 1. ${PARTS.items[0]} 2. ${PARTS.items[1]} ${PARTS.outro[0]}`
  expect(criteriaParts(narrative)).toEqual(PARTS)
  expect(criteriaLines(narrative).split('\n')).toEqual([
    PARTS.intro[0],
    `1. ${PARTS.items[0]}`,
    `2. ${PARTS.items[1]}`,
    PARTS.outro[0],
  ])
})

test('a narrative without numbered criteria stays prose', () => {
  const narrative = 'Alle werkprocessen van kerntaak TL-K2 zijn afgetekend.'
  expect(criteriaParts(narrative)).toEqual({ intro: [narrative], items: [], outro: [] })
})
