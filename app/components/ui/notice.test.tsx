import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { Notice, type NoticeKind } from './notice.tsx'

const render = (kind: NoticeKind) => renderToStaticMarkup(<Notice kind={kind}>Opgeslagen.</Notice>)

describe('a notice says by its kind what it is', () => {
  test.each([
    ['success', 'status'],
    ['info', 'status'],
    ['warning', 'status'],
    ['error', 'alert'],
  ] as const)('%s: role=%s and its own colour class', (kind, role) => {
    const html = render(kind)
    expect(html).toContain(`role="${role}"`)
    expect(html).toContain(`class="notice has-icon ${kind}"`)
    expect(html).toContain('<p>Opgeslagen.</p>')
  })

  test('a success never carries the warning look, and the icon is hidden from screen readers', () => {
    const html = render('success')
    expect(html).not.toContain('warning')
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/)
  })

  test('a title comes before the text', () => {
    const html = renderToStaticMarkup(
      <Notice kind="warning" title="Let op">
        <p>Te laat.</p>
      </Notice>,
    )
    expect(html).toMatch(/<p class="notice-title">Let op<\/p><p>Te laat.<\/p>/)
  })
})
