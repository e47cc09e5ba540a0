import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './a11y.ts'
import { logIn } from './auth.ts'

const ORG = '/orgs/klantcontact-noord'

test('every page of an organisation carries its tabs, and each role sees only its own', async ({
  page,
  browser,
}) => {
  await logIn(page, 'werkgever@noord.demo.test')
  // The assignments page had no tab bar before the pages shared a layout.
  await page.goto(`${ORG}/assignments`)
  const tabs = page.getByRole('navigation', { name: 'Beheer van Klantcontact Noord' })
  await expect(tabs.getByRole('link')).toHaveText([
    'Voortgang',
    'Opdrachten',
    'Kwaliteit',
    'Medewerkers',
    'Teams',
    'Uitnodigingen',
    'API-koppelingen',
    'Provisioning (SCIM)',
    'Single sign-on',
    'LTI-koppelingen',
    'Doorsturen naar uw LRS',
    'Audittrail',
    'Privacy',
  ])
  await expect(tabs.getByRole('link', { name: 'Opdrachten' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await tabs.getByRole('link', { name: 'Medewerkers' }).click()
  await expect(page).toHaveURL(`${ORG}/members`)
  await expect(tabs.getByRole('link', { name: 'Medewerkers' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expectNoSeriousA11yViolations(page)
  // The works-council pack, a long document: readable, with its PDF one click away.
  await tabs.getByRole('link', { name: 'Privacy' }).click()
  await page.getByRole('link', { name: 'Informatie voor de ondernemingsraad' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Informatie voor de ondernemingsraad',
  )
  await expect(page.getByRole('link', { name: 'Download als PDF' })).toHaveAttribute(
    'href',
    `${ORG}/privacy/works-council.pdf?lang=nl`,
  )
  await expectNoSeriousA11yViolations(page)

  // A page of the organisation that does not exist: the way back is the organisation's start.
  expect((await page.goto(`${ORG}/teams/bestaat-niet/progress`))?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden')
  await page.getByRole('link', { name: 'Naar het overzicht van de organisatie' }).click()
  await expect(page).toHaveURL(`${ORG}/matrix`)

  // The team leader (also a workplace assessor) is offered progress, assignments, quality
  // (their own teams' contacts) and the assessment queue, never the management pages that
  // would answer 403.
  const leaderContext = await browser.newContext()
  const leader = await leaderContext.newPage()
  await logIn(leader, 'teamleider@noord.demo.test')
  await leader.goto(ORG)
  await expect(leader).toHaveURL(`${ORG}/matrix`)
  await expect(
    leader.getByRole('navigation', { name: 'Beheer van Klantcontact Noord' }).getByRole('link'),
  ).toHaveText(['Voortgang', 'Opdrachten', 'Kwaliteit', 'Te beoordelen'])
  await leaderContext.close()
})

test('an error page says what happened and where to go next, in Dutch and in English', async ({
  page,
}) => {
  await logIn(page, 'leerling@noord.demo.test')
  const response = await page.goto('/admin')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang')
  await expect(page.getByText('Foutcode 403')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('link', { name: 'Naar mijn overzicht' }).click()
  await expect(page).toHaveURL('/dashboard')

  await page.getByRole('button', { name: 'English' }).click()
  // The switch answers with the same page in English: wait for it before moving on.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect((await page.goto('/admin/outbox'))?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No access')
  await expect(page.getByRole('link', { name: 'Go to my overview' })).toBeVisible()
  // An organisation one is not part of: no way back into it is offered.
  expect((await page.goto('/orgs/callforce/matrix'))?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page.getByRole('link', { name: 'Go to the organisation overview' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Nederlands' }).click()
})

test('the old employer address leads to the organisation’s matrix', async ({ page }) => {
  await logIn(page, 'werkgever@noord.demo.test')
  await page.goto('/employer?org=klantcontact-noord')
  await expect(page).toHaveURL(`${ORG}/matrix`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkgever: Klantcontact Noord')
})
