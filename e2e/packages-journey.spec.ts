import { expect, test, type Browser, type Page } from '@playwright/test'
import { logIn } from './auth.ts'
import { packageZip } from './package-zip.ts'
import { runSetup } from './run-setup.ts'

/**
 * The whole way of a bought package (#21): a trainer imports the zip, maps its SCO/AU to a
 * work process and publishes it; a learner plays it in the sandboxed player and the work
 * process moves up the ladder. Once for each standard, with the test packages of
 * tests/packages/ (the cmi5 AU talks through the independent library @xapi/cmi5). Each test
 * has an organisation, trainer and learner of its own (e2e/packages-journey-setup.ts), so
 * nothing here changes what the specs running beside it count.
 */
const DOSSIER = 'contactcenter-teamleider'

type People = { organisation: string; trainer: string; learner: string; password: string }

function newPeople(): People {
  return runSetup<People>('e2e/packages-journey-setup.ts')!
}

/** Import, map to one work process, publish: the course id the trainer page reports. */
async function importAndPublish(
  browser: Browser,
  people: People,
  folder: string,
  workProcessCode: string,
) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await logIn(page, people.trainer, people.password)
  await page.goto('/trainer/packages/import')
  await page.getByLabel('Pakket (zip)').setInputFiles({
    name: `${folder}.zip`,
    mimeType: 'application/zip',
    buffer: packageZip(folder),
  })
  await page.getByLabel('Van wie is de cursus').selectOption({ label: people.organisation })
  await page.getByRole('button', { name: 'Uploaden en controleren' }).click()
  await expect(page).toHaveURL(/\/trainer\/packages\/\w+$/)
  await page.getByLabel(new RegExp(workProcessCode)).check()
  await page.getByRole('button', { name: 'Publiceren' }).click()
  await expect(page).toHaveURL(/\/trainer\?published=/)
  const courseId = new URL(page.url()).searchParams.get('published')!
  await context.close()
  return courseId
}

async function learnerPage(browser: Browser, people: People) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await logIn(page, people.learner, people.password)
  return { context, page }
}

const stepOf = async (page: Page, code: string) => {
  await page.goto(`/work-processes/${DOSSIER}/${code}`)
  const text = await page
    .getByText(/stap \d van 4/)
    .first()
    .textContent()
  return Number(text!.match(/stap (\d)/)![1])
}

async function openLesson(page: Page, courseId: string, title: string) {
  await page.goto(`/courses/${courseId}`)
  await page.getByRole('link', { name: title }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
}

const player = (page: Page) => page.frameLocator('iframe[title^="Lesinhoud"]')

async function start(page: Page, button: 'Start' | 'Verder') {
  await page.getByRole('button', { name: button }).click()
  await expect(page.locator('iframe[title^="Lesinhoud"]')).toHaveAttribute(
    'sandbox',
    'allow-scripts allow-forms allow-popups',
  )
}

/** The lesson page reports Afgerond once the server has settled the attempt. */
async function expectCompleted(page: Page) {
  const url = page.url()
  await expect(async () => {
    await page.goto(url)
    await expect(page.getByRole('status').first()).toContainText('Afgerond', { timeout: 1000 })
  }).toPass({ timeout: 20_000 })
}

test('SCORM 1.2: imported, mapped, played to a pass, and the work process moves up', async ({
  browser,
}) => {
  const people = newPeople()
  const courseId = await importAndPublish(browser, people, 'scorm12-gesprek', 'TL-K1-W1')
  const { context, page } = await learnerPage(browser, people)
  expect(await stepOf(page, 'TL-K1-W1')).toBe(0)
  await openLesson(page, courseId, 'Een functioneringsgesprek voorbereiden')
  // The learner reads what completes it (the trainer's done rule), not a bare heading.
  await expect(page.getByText(/Dit pakket telt als afgerond zodra/)).toBeVisible()
  await start(page, 'Start')
  const sco = player(page)
  await expect(sco.locator('#status')).toHaveText('Welkom: je begint bij stap 1.')
  await sco.locator('#volgende').click()
  await sco.locator('#afronden').click()
  await expectCompleted(page)
  expect(await stepOf(page, 'TL-K1-W1')).toBeGreaterThanOrEqual(1)
  await context.close()
})

test('SCORM 2004: suspended, resumed after the tab is closed, completed and passed', async ({
  browser,
}) => {
  const people = newPeople()
  const courseId = await importAndPublish(
    browser,
    people,
    'courses/packages/klacht-deescaleren',
    'TL-K1-W2',
  )
  const first = await learnerPage(browser, people)
  await openLesson(first.page, courseId, 'Een boze klant terug naar de inhoud brengen')
  await start(first.page, 'Start')
  const sco = player(first.page)
  await expect(sco.locator('#status')).toHaveText('Welkom: je begint bij stap 1.')
  await sco.locator('#volgende').click()
  await expect(sco.locator('#status')).toHaveText('Stap 2 van 2.')
  // Close the tab without finishing: what was committed stays on the server.
  await first.context.close()

  const second = await learnerPage(browser, people)
  await openLesson(second.page, courseId, 'Een boze klant terug naar de inhoud brengen')
  await expect(second.page.getByRole('status').first()).toContainText('Bezig')
  await start(second.page, 'Verder')
  const resumed = player(second.page)
  await expect(resumed.locator('#status')).toHaveText('Verder waar je was: stap 2.')
  await resumed.locator('#afronden').click()
  await expect(resumed.locator('#status')).toContainText('Afgerond')
  await expectCompleted(second.page)
  expect(await stepOf(second.page, 'TL-K1-W2')).toBeGreaterThanOrEqual(1)
  await second.context.close()
})

test('cmi5: the AU (on @xapi/cmi5) is launched, completes and passes through our LRS', async ({
  browser,
}) => {
  const people = newPeople()
  const courseId = await importAndPublish(browser, people, 'cmi5-script', 'TL-K1-W3')
  const { context, page } = await learnerPage(browser, people)
  await openLesson(page, courseId, 'Het klantgesprek volgens het belscript')
  await start(page, 'Start')
  const au = player(page)
  await expect(au.locator('#status')).toHaveText('Gestart.')
  await au.locator('#afronden').click()
  await expect(au.locator('#status')).toHaveText('Afgerond en gehaald met score 90%.')
  await au.locator('#stoppen').click()
  await expect(au.locator('#status')).toHaveText('Gestopt. Je kunt dit venster sluiten.')
  await expectCompleted(page)
  expect(await stepOf(page, 'TL-K1-W3')).toBeGreaterThanOrEqual(1)
  // The learner's own xAPI export holds the registration's statements as the cmi5 rules
  // order them (the LMS's launched and satisfied among the AU's own), then our completion.
  const exported = (await (await page.request.get('/dashboard/xapi')).json()) as Array<{
    verb: { id: string }
    context?: { registration?: string }
  }>
  const cmi5Verbs = exported
    .filter((s) => s.context?.registration)
    .map((s) => s.verb.id.split('/').at(-1))
  expect(cmi5Verbs).toEqual([
    'launched',
    'initialized',
    'completed',
    'passed',
    'satisfied',
    'terminated',
  ])
  await context.close()
})

test('a hostile cmi5 AU cannot write or read outside its own learner and registration', async ({
  browser,
}) => {
  const people = newPeople()
  const courseId = await importAndPublish(browser, people, 'hostile-cmi5', 'TL-K1-W4')
  const { context, page } = await learnerPage(browser, people)
  await openLesson(page, courseId, 'Vijandige AU')
  await start(page, 'Start')
  const au = player(page)
  await expect(au.locator('#credential')).toHaveText('opgehaald')
  for (const id of ['refetch', 'other-learner', 'other-registration', 'read-other', 'forged']) {
    const outcome = au.locator(`#${id}`)
    await expect(outcome, id).toHaveText(/^geweigerd: /)
    test.info().annotations.push({ type: id, description: (await outcome.textContent()) ?? '' })
  }
  await context.close()
})
