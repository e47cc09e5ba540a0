import { beforeAll, expect, test } from 'vitest'
import * as badgeRoute from '#app/routes/public/achievement-badge.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { call, getRequest } from '#tests/route-call.ts'
import { coreTaskColour, QUALIFICATION_COLOUR } from './achievement-badge.ts'

const TL = 'contactcenter-teamleider'

const badge = (dossierSlug: string, code: string) =>
  call(badgeRoute.loader, getRequest(`/achievements/${dossierSlug}/${code}/badge.svg`), {
    dossierSlug,
    code,
  })

beforeAll(async () => {
  await importDossierFolder()
}, 120_000)

test('a work process, core task and qualification each have a cacheable SVG badge', async () => {
  for (const [code, colour] of [
    ['TL-K2-W3', coreTaskColour('TL-K2')],
    ['TL-K2', coreTaskColour('TL-K2')],
    ['93860', QUALIFICATION_COLOUR],
  ] as const) {
    const res = await badge(TL, code)
    expect(res.status, code).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8')
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/)
    const svg = res.data as string
    expect(svg).toContain(`>${code}</text>`)
    expect(svg).toContain(`fill="${colour}"`)
    expect(svg).not.toMatch(/<script/i)
  }
})

test('a code the dossier does not have is a 404, so the URL cannot draw any text', async () => {
  expect((await badge(TL, '<script>')).status).toBe(404)
  expect((await badge(TL, 'CM-K1-W1')).status).toBe(404)
  expect((await badge('geen-dossier', 'TL-K1')).status).toBe(404)
})
