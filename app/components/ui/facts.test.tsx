import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { Facts } from './facts.tsx'

test('one <div> per label/value pair, in order, leaving out the pairs a page has not', () => {
  const html = renderToStaticMarkup(
    <Facts
      items={[
        { label: 'Team', value: 'Team Service' },
        false,
        { label: 'E-mail', value: 'anouk.vandenberg@noord.demo.test' },
        null,
      ]}
    />,
  )
  expect(html).toBe(
    '<dl class="facts">' +
      '<div><dt>Team</dt><dd>Team Service</dd></div>' +
      '<div><dt>E-mail</dt><dd>anouk.vandenberg@noord.demo.test</dd></div>' +
      '</dl>',
  )
})

test('a page may add its own class beside the shared one', () => {
  expect(renderToStaticMarkup(<Facts className="record-facts" items={[]} />)).toBe(
    '<dl class="facts record-facts"></dl>',
  )
})
