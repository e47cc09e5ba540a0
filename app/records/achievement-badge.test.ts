import { expect, test } from 'vitest'
import {
  badgeOf,
  badgeSvg,
  CORE_TASK_COLOURS,
  coreTaskColour,
  escapeXml,
  QUALIFICATION_COLOUR,
} from './achievement-badge.ts'

test('a core task has the same colour every time, and one dossier’s core tasks differ', () => {
  expect(coreTaskColour('TL-K2')).toBe(coreTaskColour('TL-K2'))
  const colours = ['TL-K1', 'TL-K2', 'TL-K3', 'TL-K4'].map(coreTaskColour)
  expect(new Set(colours).size).toBe(4)
  // A code without a K-number still gets a palette colour, the same on every call.
  expect(CORE_TASK_COLOURS).toContain(coreTaskColour('EIGEN'))
  expect(coreTaskColour('EIGEN')).toBe(coreTaskColour('EIGEN'))
  expect(coreTaskColour(null)).toBe(QUALIFICATION_COLOUR)
})

test('a work process is drawn in its core task’s colour', () => {
  expect(badgeOf({ level: 'work_process', code: 'TL-K2-W3' })).toEqual({
    code: 'TL-K2-W3',
    level: 'work_process',
    coreTaskCode: 'TL-K2',
  })
  const wp = badgeSvg(badgeOf({ level: 'work_process', code: 'TL-K2-W3' }), 'x')
  const ct = badgeSvg(badgeOf({ level: 'core_task', code: 'TL-K2' }), 'x')
  const fill = (svg: string) => /<path d="[^"]+" fill="(#[0-9a-f]{6})"/.exec(svg)?.[1]
  expect(fill(wp)).toBe(coreTaskColour('TL-K2'))
  expect(fill(ct)).toBe(fill(wp))
  expect(fill(badgeSvg(badgeOf({ level: 'qualification', code: '90114' }), 'x'))).toBe(
    QUALIFICATION_COLOUR,
  )
})

test('text is escaped: a code or title cannot add markup or scripts', () => {
  expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;')
  const svg = badgeSvg(
    { code: '<script>alert(1)</script>', level: 'core_task', coreTaskCode: 'K9' },
    'Titel "met" <b>opmaak</b> & meer',
  )
  expect(svg).not.toContain('<script')
  expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(svg).toContain('<title>Titel &quot;met&quot; &lt;b&gt;opmaak&lt;/b&gt; &amp; meer</title>')
  // Only shapes and text: no script, no event handler, no external reference.
  expect(svg).not.toMatch(/<script|\son\w+=|href=|<foreignObject|<image/i)
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
})
