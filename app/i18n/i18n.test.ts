import { describe, expect, test } from 'vitest'
import { en } from './en.ts'
import { localized, translator } from './i18n.ts'
import { nl } from './nl.ts'

describe('messages', () => {
  test('both catalogs have the same keys, none empty, and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
    for (const [key, text] of Object.entries(nl)) {
      const english = en[key as keyof typeof nl]
      expect(text.trim(), key).not.toBe('')
      expect(english.trim(), key).not.toBe('')
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(vars(english), key).toEqual(vars(text))
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
