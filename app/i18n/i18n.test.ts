import { describe, expect, test } from 'vitest'
import { en } from './en.ts'
import { isTextKey, localized, translator } from './i18n.ts'
import { labelFor, RECORD_LEVEL_LABEL, textFor } from './labels.ts'
import { nl } from './nl.ts'

/** A message as its forms: plain text is the single form `text`. */
const forms = (message: string | Record<string, string>) =>
  typeof message === 'string' ? { text: message } : message
const placeholders = (s = '') => (s.match(/\{\w+\}/g) ?? []).sort()

describe('messages', () => {
  test('both catalogs have the same keys, none empty, and the same placeholders', () => {
    const catalog = new Map<string, string | Record<string, string>>(Object.entries(en))
    expect([...catalog.keys()].sort()).toEqual(Object.keys(nl).sort())
    for (const [key, message] of Object.entries(nl)) {
      const translation = catalog.get(key)
      expect(translation, key).toBeDefined()
      if (!translation) continue
      const dutch = Object.entries(forms(message))
      const english: Record<string, string> = forms(translation)
      expect(Object.keys(english).sort(), key).toEqual(dutch.map(([form]) => form).sort())
      for (const [form, text] of dutch) {
        expect(text.trim(), key).not.toBe('')
        expect(english[form]?.trim(), key).not.toBe('')
        expect(placeholders(english[form]), `${key} ${form}`).toEqual(placeholders(text))
      }
    }
  })

  test('placeholders are filled and unknown ones left visible', () => {
    expect(translator('nl')('dossiers.level', { level: 4 })).toBe('mbo-niveau 4')
    expect(translator('en')('dossiers.level', { level: 4 })).toBe('MBO level 4')
    expect(translator('en')('dossiers.level')).toBe('MBO level {level}')
  })

  test('localized picks the column of the locale', () => {
    const row = { titleNl: 'Aansturen', titleEn: 'Directing' }
    expect(localized(row, 'title', 'nl')).toBe('Aansturen')
    expect(localized(row, 'title', 'en')).toBe('Directing')
  })
})

describe('plurals', () => {
  test.each([
    [0, 'Niet gepubliceerd: 0 problemen.', 'Not published: 0 problems.'],
    [1, 'Niet gepubliceerd: 1 probleem.', 'Not published: 1 problem.'],
    [2, 'Niet gepubliceerd: 2 problemen.', 'Not published: 2 problems.'],
  ])('%i picks the form of Intl.PluralRules in nl and en', (count, dutch, english) => {
    expect(translator('nl')('authoring.publishRefused', { count })).toBe(dutch)
    expect(translator('en')('authoring.publishRefused', { count })).toBe(english)
  })

  test('other placeholders are filled beside the count', () => {
    expect(translator('nl')('courses.facts', { count: 1, minutes: 15 })).toBe(
      '1 onderdeel, ongeveer 15 minuten',
    )
    expect(translator('nl')('courses.facts', { count: 3, minutes: 45 })).toBe(
      '3 onderdelen, ongeveer 45 minuten',
    )
    expect(translator('en')('employer.staffCount', { count: 3 })).toBe('3 staff members')
    expect(translator('nl')('employer.staffCount', { count: 1 })).toBe('1 medewerker')
  })
})

describe('keys are checked by the typechecker', () => {
  test('an unknown key or a plural without its count does not compile', () => {
    const t = translator('nl')
    // Never called: these lines are here for `npm run typecheck`, which fails if they compile.
    const wrong = () => [
      // @ts-expect-error: no such message
      t('no.such.key'),
      // @ts-expect-error: a plural message needs its count
      t('employer.staffCount'),
    ]
    expect(wrong).toBeTypeOf('function')
    expect(t('employer.staffCount', { count: 2 })).toBe('2 medewerkers')
  })

  test('a string from outside is a key only if the catalog has it as plain text', () => {
    expect(isTextKey('form.required')).toBe(true)
    expect(isTextKey('notes.txt')).toBe(false)
    expect(isTextKey('employer.staffCount')).toBe(false)
  })

  test('a stored value without a message shows as stored instead of breaking the page', () => {
    const t = translator('en')
    expect(labelFor(RECORD_LEVEL_LABEL, 'core_task')).toBe('records.level.core_task')
    expect(textFor(t, RECORD_LEVEL_LABEL, 'core_task')).toBe('Core task')
    expect(labelFor(RECORD_LEVEL_LABEL, 'diploma')).toBeUndefined()
    expect(textFor(t, RECORD_LEVEL_LABEL, 'diploma')).toBe('diploma')
  })
})
