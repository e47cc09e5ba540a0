import fs from 'node:fs'
import { expect, test, type Download, type Page } from '@playwright/test'
import { compactVerify, importJWK, type JWK } from 'jose'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'
import { verifyJsonLd } from '../tests/independent-verifier.ts'

const LEARNER = 'leerling@noord.demo.test'

type Credential = {
  id: string
  type: string[]
  credentialSubject: {
    identifier: Array<{ identityType: string; identityHash: string }>
    achievement: { humanCode: string; name: string }
  }
}

const base64url = (text: string) => Buffer.from(text).toString('base64url')
const fromBase64url = (part: string) => Buffer.from(part, 'base64url').toString('utf8')

/** The id of the learner's record with this code, read from its card on /records. */
async function recordIdOf(page: Page, code: string): Promise<string> {
  if (!page.url().endsWith('/records')) await page.goto('/records')
  const href = await page
    .locator(`li.card[data-record="${code}"]`)
    .getByRole('heading')
    .getByRole('link')
    .getAttribute('href')
  const match = href?.match(/^\/records\/([0-9a-f-]{36})$/)
  expect(match, `link of ${code}: ${href}`).not.toBeNull()
  return match![1]!
}

/** Click a download link and return the file's bytes and suggested name. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await pathOf(file)) }
}

async function pathOf(file: Download) {
  const path = await file.path()
  expect(path).toBeTruthy()
  return path
}

/** Submit the /verify form and wait for the answer, so a previous result is never read. */
async function submitVerification(page: Page) {
  await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/verify'),
    ),
    page.getByRole('button', { name: 'Controleren' }).click(),
  ])
  return page.locator('[role=status][data-status]')
}

test('the demo learner holds work-process and core-task records whose downloads are genuine credentials', async ({
  page,
}) => {
  await logIn(page, LEARNER)
  await page.goto('/records')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn bewijzen')
  const cards = page.locator('li.card[data-record]')
  await expect(cards).toHaveCount(6)
  const codes = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-record')))
  expect(codes.sort()).toEqual([
    'TL-K1-W1',
    'TL-K2',
    'TL-K2-W1',
    'TL-K2-W2',
    'TL-K2-W3',
    'TL-K2-W4',
  ])
  await expect(page.locator('li.card[data-record="TL-K2"]')).toContainText('Kerntaak')
  await expect(page.locator('li.card[data-record="TL-K2-W3"]')).toContainText('Werkproces')
  await expectNoSeriousA11yViolations(page)

  const jwks = (await (await page.request.get('/.well-known/jwks.json')).json()) as {
    keys: Array<JWK & { kid: string }>
  }
  expect(jwks.keys.length).toBeGreaterThan(0)
  // No private key material is ever published.
  for (const key of jwks.keys) expect(key).not.toHaveProperty('d')

  // TL-K1-W1 is left alone here: the revocation test revokes it in parallel.
  for (const code of ['TL-K2-W1', 'TL-K2']) {
    const card = page.locator(`li.card[data-record="${code}"]`)
    await expect(card).toContainText('Geldig')
    const id = await recordIdOf(page, code)
    await expect(card.getByLabel('Deellink')).toHaveValue(new RegExp(`^https?://.+/records/${id}$`))

    const jwtFile = await download(page, () =>
      card.getByRole('link', { name: '.jwt', exact: true }).click(),
    )
    expect(jwtFile.name).toBe(`bewijs-${code}.jwt`)
    const jwt = jwtFile.bytes.toString('utf8').trim()
    const parts = jwt.split('.')
    expect(parts).toHaveLength(3)
    const header = JSON.parse(fromBase64url(parts[0]!)) as { alg: string; kid: string }
    expect(header.alg).toBe('RS256')
    const jwk = jwks.keys.find((k) => k.kid === header.kid)
    expect(jwk, `kid ${header.kid} in the JWKS`).toBeDefined()
    // The signature checks out against the published key.
    const { payload } = await compactVerify(jwt, await importJWK(jwk!, 'RS256'))
    const signed = JSON.parse(new TextDecoder().decode(payload)) as Credential & { jti: string }
    expect(signed.credentialSubject.achievement.humanCode).toBe(code)

    const jsonFile = await download(page, () =>
      card.getByRole('link', { name: '.json', exact: true }).click(),
    )
    expect(jsonFile.name).toBe(`bewijs-${code}.json`)
    const credential = JSON.parse(jsonFile.bytes.toString('utf8')) as Credential
    expect(credential.type).toContain('OpenBadgeCredential')
    expect(credential.credentialSubject.achievement.humanCode).toBe(code)
    expect(credential.id).toBe(signed.jti)
    expect(credential.id).toMatch(new RegExp(`/records/${id}$`))
    expect(credential.credentialSubject.identifier).toContainEqual(
      expect.objectContaining({ identityType: 'name', identityHash: 'Lotte Visser' }),
    )

    for (const lang of ['nl', 'en']) {
      const pdf = await download(page, () =>
        card.getByRole('link', { name: `Certificaat (${lang})` }).click(),
      )
      expect(pdf.name).toBe(`certificaat-${code}-${lang}.pdf`)
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(pdf.bytes.length).toBeGreaterThan(1000)
    }
  }

  // The public page of the core-task record.
  await page.locator('li.card[data-record="TL-K2"]').getByRole('heading').getByRole('link').click()
  await expect(page).toHaveURL(/\/records\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('TL-K2')
  const banner = page.locator('[role=status][data-status]')
  await expect(banner).toHaveAttribute('data-status', 'valid')
  await expect(banner).toContainText('Geldig')
  await expect(page.locator('dl.facts')).toContainText('Lotte Visser')
  await expect(page.locator('dl.facts')).toContainText('Klantcontact Noord')
  await expectNoSeriousA11yViolations(page)
})

test('/verify accepts a genuine credential, as JWT or JSON file, and rejects tampered ones', async ({
  page,
  browser,
}) => {
  const learnerContext = await browser.newContext()
  const learner = await learnerContext.newPage()
  await logIn(learner, LEARNER)
  const id = await recordIdOf(learner, 'TL-K2-W2')
  await learnerContext.close()

  // Anyone can fetch and verify it: this page is not logged in.
  const jwt = (await (await page.request.get(`/records/${id}/credential.jwt`)).text()).trim()
  const json = await (await page.request.get(`/records/${id}/credential.json`)).text()

  await page.goto('/verify')
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible()
  const pasted = page.getByLabel('Bewijs (JWT of JSON)')
  const upload = page.getByLabel('Of upload het bestand')

  await pasted.fill(jwt)
  let banner = await submitVerification(page)
  await expect(banner).toHaveAttribute('data-status', 'valid')
  await expect(banner).toContainText('Geldig')
  await expect(page.locator('.verified-achievement')).toHaveText(/^TL-K2-W2 /)
  await expect(
    page.getByRole('link', { name: 'Bekijk de controlepagina van dit bewijs' }),
  ).toHaveAttribute('href', `/records/${id}`)
  await expectNoSeriousA11yViolations(page)

  // One character of the payload changed (mid-segment, so the decoded bytes change).
  const [header, payload, signature] = jwt.split('.') as [string, string, string]
  const at = Math.floor(payload.length / 2)
  const flipped = payload[at] === 'A' ? 'B' : 'A'
  await pasted.fill(
    `${header}.${payload.slice(0, at)}${flipped}${payload.slice(at + 1)}.${signature}`,
  )
  banner = await submitVerification(page)
  await expect(banner).toHaveAttribute('data-status', 'not_authentic')
  await expect(banner).toContainText('Niet echt')
  await expect(
    page.getByRole('link', { name: 'Bekijk de controlepagina van dit bewijs' }),
  ).toHaveCount(0)

  // The genuine JSON file, uploaded: checked against the register.
  await pasted.fill('')
  await upload.setInputFiles({
    name: 'bewijs-TL-K2-W2.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  })
  banner = await submitVerification(page)
  await expect(banner).toHaveAttribute('data-status', 'valid')
  await expect(banner).toContainText('Geldig')

  // A well-formed payload with another name, re-encoded under the original signature.
  const claims = JSON.parse(fromBase64url(payload)) as Credential
  const nameId = claims.credentialSubject.identifier.find((i) => i.identityType === 'name')!
  expect(nameId.identityHash).toBe('Lotte Visser')
  nameId.identityHash = 'Iemand Anders'
  await upload.setInputFiles([])
  await pasted.fill(`${header}.${base64url(JSON.stringify(claims))}.${signature}`)
  banner = await submitVerification(page)
  await expect(banner).toHaveAttribute('data-status', 'not_authentic')
  await expect(banner).toContainText('Niet echt')
  await expect(banner).toContainText('De handtekening klopt niet')

  // The JSON with another name: its Data Integrity proof no longer holds.
  const forged = JSON.parse(json) as Credential
  forged.credentialSubject.identifier.find((i) => i.identityType === 'name')!.identityHash =
    'Iemand Anders'
  await pasted.fill('')
  await upload.setInputFiles({
    name: 'bewijs-TL-K2-W2.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(forged)),
  })
  banner = await submitVerification(page)
  await expect(banner).toHaveAttribute('data-status', 'not_authentic')
  await expect(banner).toContainText('De handtekening klopt niet')

  // Without the proof, only the register can tell: it is not what we issued.
  const { proof: _proof, ...bare } = forged as Credential & { proof?: object }
  await upload.setInputFiles({
    name: 'bewijs-TL-K2-W2.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bare)),
  })
  banner = await submitVerification(page)
  await expect(banner).toHaveAttribute('data-status', 'not_authentic')
  await expect(banner).toContainText('wijkt af van wat wij hebben uitgegeven')
})

test('only an employer admin of the issuing organisation revokes a record, and everyone then sees it', async ({
  page,
  browser,
}) => {
  const reason = `Bewijs bleek door een collega opgesteld (${Date.now()}).`
  const revokeHeading = (p: Page) => p.getByRole('heading', { name: 'Bewijs intrekken' })

  // The learner herself: no revoke form on her own record.
  const learnerContext = await browser.newContext()
  const learner = await learnerContext.newPage()
  await logIn(learner, LEARNER)
  const id = await recordIdOf(learner, 'TL-K1-W1')
  await learner.goto(`/records/${id}`)
  await expect(learner.locator('[role=status][data-status]')).toHaveAttribute(
    'data-status',
    'valid',
  )
  await expect(learner.getByText('Deel dit bewijs met deze link:')).toBeVisible()
  await expect(revokeHeading(learner)).toHaveCount(0)
  await expect(learner.getByLabel('Reden')).toHaveCount(0)

  // The employer of another organisation: no form, and a forged post is refused.
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await logIn(other, 'werkgever@callforce.demo.test')
  await other.goto(`/records/${id}`)
  await expect(other.locator('[role=status][data-status]')).toHaveAttribute('data-status', 'valid')
  await expect(revokeHeading(other)).toHaveCount(0)
  const refused = await other.request.post(`/records/${id}`, {
    form: { intent: 'revoke', reason: 'Ik mag dit niet intrekken.' },
  })
  expect(refused.status()).toBe(403)
  await otherContext.close()

  // The employer of Klantcontact Noord, where it was earned.
  await logIn(page, 'werkgever@noord.demo.test')
  await page.goto(`/records/${id}`)
  const banner = page.locator('[role=status][data-status]')
  await expect(banner).toHaveAttribute('data-status', 'valid')
  await expect(revokeHeading(page)).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // What any other verifier sees, with Digital Bazaar's library: not revoked yet.
  const credential = (await (
    await page.request.get(`/records/${id}/credential.json`)
  ).json()) as Record<string, unknown>
  const before = await verifyJsonLd(credential)
  expect(before.verified).toBe(true)
  expect(before.statusResult?.results?.[0]?.status).toBe(false)

  // First on hold while something is looked into, then released: the reason stays private.
  const section = (name: string) =>
    page.locator('section', { has: page.getByRole('heading', { name }) })
  await section('Bewijs schorsen').getByLabel('Reden').fill('Onderzoek naar de beoordeling loopt.')
  await page.getByRole('button', { name: 'Schorsen' }).click()
  await expect(banner).toHaveAttribute('data-status', 'suspended')
  await expect(banner).toContainText('Geschorst')
  await expect(banner).not.toContainText('Onderzoek naar de beoordeling')
  await section('Schorsing opheffen')
    .getByLabel('Reden')
    .fill('Onderzoek afgerond: de beoordeling klopt.')
  await page.getByRole('button', { name: 'Schorsing opheffen' }).click()
  await expect(banner).toHaveAttribute('data-status', 'valid')

  const reasonField = section('Bewijs intrekken').getByLabel('Reden')
  await page.getByRole('button', { name: 'Intrekken' }).click()
  await expect(page.getByRole('alert')).toHaveText('Dit veld is verplicht.')
  await expect(reasonField).toHaveAttribute('aria-invalid', 'true')
  await reasonField.fill('fout')
  await page.getByRole('button', { name: 'Intrekken' }).click()
  await expect(page.getByRole('alert')).toHaveText('Geef een reden van minstens 5 tekens.')
  // The server checks it as well, not just the browser.
  const short = await page.request.post(`/records/${id}`, {
    form: { intent: 'revoke', reason: '   ab   ' },
  })
  expect(short.status()).toBe(400)
  await page.reload()
  await expect(banner).toHaveAttribute('data-status', 'valid')

  await reasonField.fill(reason)
  await page.getByRole('button', { name: 'Intrekken' }).click()
  await expect(banner).toHaveAttribute('data-status', 'revoked')
  await expect(banner).toContainText('Ingetrokken')
  await expect(banner).toContainText(`Reden: ${reason}`)
  await expect(revokeHeading(page)).toHaveCount(0)
  await expect(page.locator('[data-status-list]')).toHaveAttribute('data-status-list', 'revoked')

  // A fresh fetch of the published status list: the independent verifier now reports it.
  const after = await verifyJsonLd(credential)
  expect(after.statusResult?.results?.[0]?.status).toBe(true)

  // Anyone, without logging in.
  const publicContext = await browser.newContext()
  const visitor = await publicContext.newPage()
  await visitor.goto(`/records/${id}`)
  const publicBanner = visitor.locator('[role=status][data-status]')
  await expect(publicBanner).toHaveAttribute('data-status', 'revoked')
  await expect(publicBanner).toContainText('Ingetrokken')
  await expect(publicBanner).toContainText(`Reden: ${reason}`)
  await expect(visitor.getByRole('link', { name: /Certificaat/ })).toHaveCount(0)
  expect((await visitor.request.get(`/records/${id}/certificate.pdf?lang=nl`)).status()).toBe(410)

  const jwt = (await (await visitor.request.get(`/records/${id}/credential.jwt`)).text()).trim()
  await visitor.goto('/verify')
  await visitor.getByLabel('Bewijs (JWT of JSON)').fill(jwt)
  const verified = await submitVerification(visitor)
  await expect(verified).toHaveAttribute('data-status', 'revoked')
  await expect(verified).toContainText('Ingetrokken')
  await expect(verified).toContainText(`Reden: ${reason}`)
  await publicContext.close()

  // The learner's own list says so too, and offers no certificate for it any more.
  await learner.goto('/records')
  const card = learner.locator('li.card[data-record="TL-K1-W1"]')
  await expect(card).toContainText('Ingetrokken')
  await expect(card.getByRole('link', { name: /Certificaat/ })).toHaveCount(0)
  await learnerContext.close()
})
