#!/usr/bin/env node
// `npm run screenshots`: the key pages of every role, on a phone (390 px) and on a laptop
// (1,280 px), as PNG files in screenshots/ (not committed), so anyone can look at the product
// without logging in by hand. It starts the production build on a fresh demo database of its
// own (SQLite, under data/screenshots/), exactly as `npm start` does, and stops it afterwards.
// Options: --out DIR (default screenshots), --lang nl|en (default nl), PORT (default 3400).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const OUT = path.resolve(option('out', 'screenshots'))
const LANG = option('lang', 'nl')
const PORT = Number(process.env.PORT ?? 3400)
const BASE = `http://127.0.0.1:${PORT}`
const PASSWORD = 'Demo-Wachtwoord-2026'
const ORG = '/orgs/klantcontact-noord'
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
]

/** Per role: who logs in and which pages (a path, or a link found on a page) are taken. */
const ROLES = [
  {
    role: 'bezoeker',
    pages: [
      ['home', '/'],
      ['cursussen', '/courses'],
      ['cursus', '/courses/tl-k2-coachen'],
      ['dossier', '/dossiers/contactcenter-teamleider'],
      ['inloggen', '/login'],
    ],
  },
  {
    role: 'leerling',
    email: 'leerling@noord.demo.test',
    pages: [
      ['dashboard', '/dashboard'],
      [
        'werkproces',
        { from: '/dashboard', link: /^\/(dashboard|werkprocessen|work-processes)\/(?!xapi)[^?]+$/ },
      ],
      ['les', '/courses/tl-k2-coachen/tl-k2-w4-instructie'],
      ['toets', '/courses/tl-k2-coachen/tl-k2-w4-quiz'],
      ['resultaten', '/records'],
      ['resultaat', { from: '/records', link: /^\/records\/[^/]+$/ }],
      ['bewijs', '/evidence'],
      ['beoordelingen', '/evaluations'],
      ['account', '/account'],
      ['wissen', '/account/erasure'],
    ],
  },
  {
    role: 'werkgever',
    email: 'werkgever@noord.demo.test',
    pages: [
      ['matrix', `${ORG}/matrix`],
      ['medewerker', { from: `${ORG}/matrix`, link: /\/staff\/[^/]+$/ }],
      ['teamgrafiek', { from: `${ORG}/matrix`, link: /\/teams\/[^/]+\/progress(\?.*)?$/ }],
      ['opdrachten', `${ORG}/assignments`],
      ['privacy', `${ORG}/privacy`],
      ['ondernemingsraad', `${ORG}/privacy/works-council`],
      ['wisverzoeken', `${ORG}/privacy/erasure-requests`],
    ],
  },
  {
    role: 'teamleider',
    email: 'teamleider@noord.demo.test',
    pages: [
      ['start', '/dashboard'],
      ['kwaliteit', `${ORG}/quality`],
    ],
  },
  {
    role: 'kwaliteitscoach',
    email: 'kwaliteit@noord.demo.test',
    pages: [
      ['kwaliteit', `${ORG}/quality`],
      ['beoordelingen', `${ORG}/quality/evaluations`],
    ],
  },
  {
    role: 'trainer',
    email: 'trainer@demo.test',
    pages: [
      ['trainer', '/trainer'],
      ['cursus', { from: '/trainer', link: /^\/trainer\/courses\/[^/]+$/ }],
    ],
  },
  {
    role: 'beheerder',
    email: 'admin@demo.test',
    pages: [['beheer', '/admin']],
  },
]

async function waitForServer(child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the server stopped while starting')
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the server did not start within 5 minutes')
}

function startServer() {
  const folder = path.resolve('data', 'screenshots')
  fs.rmSync(folder, { recursive: true, force: true })
  fs.mkdirSync(folder, { recursive: true })
  return spawn(process.execPath, ['scripts/start.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PUBLIC_URL: BASE,
      DATABASE_URL: `file:${folder}/leerplein.db`,
      SIGNING_KEY_DIR: `${folder}/keys`,
      EVIDENCE_DIR: `${folder}/evidence`,
    },
  })
}

async function resolvePath(page, target) {
  if (typeof target === 'string') return target
  await page.goto(BASE + target.from)
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  return hrefs.find((href) => target.link.test(href))
}

async function shootRole(browser, { role, email, pages }) {
  const context = await browser.newContext()
  await context.addCookies([{ name: 'lang', value: LANG, url: BASE }])
  const page = await context.newPage()
  if (email) {
    await page.goto(`${BASE}/login`)
    await page.locator('input[form=login][name=email]').fill(email)
    await page.locator('input[form=login][name=password]').fill(PASSWORD)
    await page.locator('#login button[type=submit]').click()
    await page.waitForURL((url) => url.pathname !== '/login')
  }
  for (const [name, target] of pages) {
    const pathname = await resolvePath(page, target)
    if (!pathname) {
      console.warn(`screenshots: no link for ${role}/${name}, skipped`)
      continue
    }
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await page.goto(BASE + pathname)
      const file = path.join(OUT, `${role}-${name}-${size.name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      console.log(`${path.relative(process.cwd(), file)}  ${pathname}`)
    }
  }
  await context.close()
}

fs.mkdirSync(OUT, { recursive: true })
const server = startServer()
try {
  await waitForServer(server)
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] })
  for (const role of ROLES) await shootRole(browser, role)
  await browser.close()
} finally {
  server.kill('SIGTERM')
}
