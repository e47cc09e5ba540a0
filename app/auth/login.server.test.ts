import { describe, expect, test } from 'vitest'
import * as login from '#app/routes/auth/login.tsx'
import * as account from '#app/routes/me/account.tsx'
import * as dashboard from '#app/routes/me/dashboard.tsx'
import { prisma } from '#app/db.server.ts'
import { MAX_FAILURES_PER_ACCOUNT } from './login.server.ts'
import {
  SESSION_COOKIE,
  sessionCookie,
  validateSessionToken,
  wantsSecureCookies,
} from './session.server.ts'
import { isCrossOriginWrite } from './origin.server.ts'
import { TEST_PASSWORD, cookieFor, makeUser } from '#tests/factories.ts'
import { call, cookieFrom, formRequest, getRequest } from '#tests/route-call.ts'

const address = (ip: string) => ({ headers: { 'x-leerplein-client-address': ip } })

describe('logging in', () => {
  test('a correct password gives a session cookie with HttpOnly, SameSite=Lax and Path=/', async () => {
    const user = await makeUser()
    const outcome = await call(
      login.action,
      formRequest('/login', { email: user.email, password: TEST_PASSWORD }),
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/dashboard')
    const setCookie = outcome.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[a-z2-7]{32};`))
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).toContain('Path=/')
    // Only the hash of the token is stored, never the token itself.
    const token = cookieFrom(outcome).split('=')[1]!
    expect(await prisma.session.count({ where: { id: token } })).toBe(0)
    expect(await validateSessionToken(token)).not.toBeNull()
  })

  test('the cookie is Secure in production, except on plain-http loopback', async () => {
    const site = new Request('http://leren.klantcontact-noord.nl/login')
    const tls = new Request('https://leren.example.nl/login')
    const local = new Request('http://localhost:3000/login')
    expect(wantsSecureCookies(site, true)).toBe(true)
    expect(wantsSecureCookies(tls, true)).toBe(true)
    expect(wantsSecureCookies(local, true)).toBe(false)
    expect(wantsSecureCookies(site, false)).toBe(false)
    expect(sessionCookie(site, 'abc', new Date())).not.toContain('Secure')
  })

  test('unknown e-mail and wrong password get the same answer', async () => {
    const user = await makeUser()
    const wrong = await call(
      login.action,
      formRequest(
        '/login',
        { email: user.email, password: 'Wrong-password-123' },
        address('10.0.0.1'),
      ),
    )
    const unknown = await call(
      login.action,
      formRequest(
        '/login',
        { email: 'nobody@example.test', password: 'Wrong-password-123' },
        address('10.0.0.2'),
      ),
    )
    expect(wrong.status).toBe(400)
    expect(unknown.status).toBe(400)
    const errors = (o: typeof wrong) =>
      (o.data as { result: { error: Record<string, string[]> } }).result.error
    expect(errors(wrong)).toEqual({ '': ['login.invalid'] })
    expect(errors(unknown)).toEqual(errors(wrong))
  })

  test('10 wrong passwords in a row for one account: 429 with Retry-After, even with the right one', async () => {
    const user = await makeUser()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) {
      // A different address each time: the account limit must hold on its own.
      const outcome = await call(
        login.action,
        formRequest(
          '/login',
          { email: user.email, password: `Wrong-password-${i}` },
          address(`10.1.0.${i}`),
        ),
      )
      statuses.push(outcome.status)
      if (outcome.status === 429)
        expect(Number(outcome.headers.get('Retry-After'))).toBeGreaterThan(0)
    }
    expect(statuses.slice(0, MAX_FAILURES_PER_ACCOUNT)).toEqual(
      Array(MAX_FAILURES_PER_ACCOUNT).fill(400),
    )
    expect(statuses.slice(MAX_FAILURES_PER_ACCOUNT)).toEqual(
      Array(10 - MAX_FAILURES_PER_ACCOUNT).fill(429),
    )
    const right = await call(
      login.action,
      formRequest('/login', { email: user.email, password: TEST_PASSWORD }),
    )
    expect(right.status).toBe(429)
  })

  test('failures from one address across many accounts are throttled too', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 22; i++) {
      const outcome = await call(
        login.action,
        formRequest(
          '/login',
          { email: `guess${i}@example.test`, password: 'Wrong-password-1' },
          address('10.9.9.9'),
        ),
      )
      statuses.push(outcome.status)
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true)
    expect(statuses.slice(20)).toEqual([429, 429])
  })

  test('bad input answers 400 with field errors, never 500', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { email: 'x'.repeat(300) + '@example.test', password: 'a' },
      { email: 'someone@example.test', password: 'p'.repeat(201) },
      { email: 'someone@example.test' },
    ]
    for (const fields of cases) {
      const outcome = await call(login.action, formRequest('/login', fields))
      expect(outcome.status, JSON.stringify(fields).slice(0, 60)).toBe(400)
      const error = (outcome.data as { result: { error: Record<string, string[]> } }).result.error
      expect(Object.keys(error).length).toBeGreaterThan(0)
    }
  })

  test('a redirectTo to another site is ignored', async () => {
    const user = await makeUser()
    const outcome = await call(
      login.action,
      formRequest('/login', {
        email: user.email,
        password: TEST_PASSWORD,
        redirectTo: '//evil.example/x',
      }),
    )
    expect(outcome.location).toBe('/dashboard')
  })
})

describe('sessions', () => {
  test('all sessions end when the password changes; this browser gets a fresh one', async () => {
    const user = await makeUser()
    const phone = await cookieFor(user.id)
    const laptop = await cookieFor(user.id)
    const outcome = await call(
      account.action,
      formRequest(
        '/account',
        {
          intent: 'change-password',
          currentPassword: TEST_PASSWORD,
          password: 'Nieuw-wachtwoord-2026',
          confirmPassword: 'Nieuw-wachtwoord-2026',
        },
        { cookie: laptop },
      ),
    )
    expect(outcome.status).toBe(200)
    expect((await call(dashboard.loader, getRequest('/dashboard', phone))).status).toBe(302)
    expect((await call(dashboard.loader, getRequest('/dashboard', laptop))).status).toBe(302)
    expect(
      (await call(dashboard.loader, getRequest('/dashboard', cookieFrom(outcome)))).status,
    ).toBe(200)
    const relogin = await call(
      login.action,
      formRequest('/login', { email: user.email, password: 'Nieuw-wachtwoord-2026' }),
    )
    expect(relogin.status).toBe(302)
  })

  test('a wrong current password changes nothing', async () => {
    const user = await makeUser()
    const cookie = await cookieFor(user.id)
    const outcome = await call(
      account.action,
      formRequest(
        '/account',
        {
          intent: 'change-password',
          currentPassword: 'not-my-password',
          password: 'Nieuw-wachtwoord-2026',
          confirmPassword: 'Nieuw-wachtwoord-2026',
        },
        { cookie },
      ),
    )
    expect(outcome.status).toBe(400)
    expect((await call(dashboard.loader, getRequest('/dashboard', cookie))).status).toBe(200)
  })

  test('"log out everywhere" ends every session', async () => {
    const user = await makeUser()
    const a = await cookieFor(user.id)
    const b = await cookieFor(user.id)
    const outcome = await call(
      account.action,
      formRequest('/account', { intent: 'logout-everywhere' }, { cookie: a }),
    )
    expect(outcome.status).toBe(302)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect((await call(dashboard.loader, getRequest('/dashboard', b))).status).toBe(302)
  })

  test('an expired session is refused and removed; one past half its life slides forward', async () => {
    const user = await makeUser()
    const cookie = await cookieFor(user.id)
    const token = cookie.split('=')[1]!
    const session = (await validateSessionToken(token))!
    await prisma.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() + 1000 * 60 * 60) },
    })
    const slid = (await validateSessionToken(token))!
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000)
    await prisma.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect(await validateSessionToken(token)).toBeNull()
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0)
  })
})

describe('cross-origin writes', () => {
  test('are recognised by Origin, or Referer when Origin is missing', () => {
    const post = (headers: Record<string, string>) =>
      new Request('http://leren.example.nl/account', { method: 'POST', headers })
    expect(isCrossOriginWrite(post({ Origin: 'https://evil.example' }))).toBe(true)
    expect(isCrossOriginWrite(post({ Referer: 'https://evil.example/page' }))).toBe(true)
    expect(isCrossOriginWrite(post({ Origin: 'null' }))).toBe(true)
    expect(isCrossOriginWrite(post({ Origin: 'http://leren.example.nl' }))).toBe(false)
    expect(isCrossOriginWrite(post({}))).toBe(false)
    expect(
      isCrossOriginWrite(
        new Request('http://leren.example.nl/', { headers: { Origin: 'https://evil.example' } }),
      ),
    ).toBe(false)
  })
})
