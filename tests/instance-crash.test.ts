import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerSession } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp, serverPid, startApp, stopApp, type AppProcess } from './app-process.ts'
import { startTestS3, type TestS3 } from './s3-server.ts'
import { onPostgresServer, postgresUrlFor, testEngine } from './test-database.ts'
import { createClient } from '#app/db.server.ts'

/**
 * Two instances on one PostgreSQL database and one object store, as behind a load balancer.
 * One of them is killed with SIGKILL while it is delivering an e-mail (a job) and receiving
 * a part of an upload. Nothing half-done may surface: the half part is not stored, the open
 * upload cannot become evidence, the e-mail goes out exactly once (from the other instance,
 * once the job's lock expires), and the other instance keeps serving throughout.
 */
const LEARNER = 'leerling@noord.demo.test'
const PASSWORD = 'Demo-Wachtwoord-2026'
const RESET_SUBJECT = 'Nieuw wachtwoord voor Leerplein Contactcenter'

/** An SMTP server that holds the reset e-mail (never answers its DATA) while `holding`. */
function startSmtp() {
  const accepted: string[] = []
  let holding = true
  let onHeld: (session: SMTPServerSession) => void = () => {}
  const held = new Promise<SMTPServerSession>((resolve) => (onHeld = resolve))
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
      stream.on('end', () => {
        if (holding && raw.includes(RESET_SUBJECT)) return onHeld(session)
        accepted.push(raw)
        callback()
      })
    },
  })
  server.on('error', () => {})
  return {
    server,
    accepted,
    held,
    release: () => (holding = false),
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
      ),
  }
}

/** Which of the given processes owns the local end of a TCP connection (from /proc). */
function processOwningPort(localPort: number, pids: number[]): number | undefined {
  const hexPort = localPort.toString(16).toUpperCase().padStart(4, '0')
  const inodes = ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[1]?.endsWith(`:${hexPort}`))
    .map((cols) => cols[9])
  return pids.find((pid) =>
    fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return inodes.some(
          (inode) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`,
        )
      } catch {
        return false
      }
    }),
  )
}

async function logIn(app: AppProcess) {
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email: LEARNER, password: PASSWORD }),
    redirect: 'manual',
  })
  expect(response.status).toBe(302)
  return response.headers.get('set-cookie')!.split(';')[0]!
}

const PART = 8 * 1024 * 1024
const SIZE = 3 * PART
/** A recording: an ID3 header, then a pattern that depends on the offset. */
function partBytes(n: number): Buffer {
  const bytes = Buffer.alloc(PART, n)
  if (n === 1) bytes.set([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0, 0, 0, 0])
  return bytes
}

describe.runIf(testEngine === 'postgresql')('an instance killed mid-upload and mid-job', () => {
  let s3: TestS3
  let smtp: ReturnType<typeof startSmtp>
  let apps: AppProcess[] = []
  let databaseUrl: string

  beforeAll(async () => {
    buildApp()
    s3 = await startTestS3('crash-test')
    smtp = startSmtp()
    const smtpPort = await smtp.listen()
    const name = `instance_crash_${Date.now()}`
    await onPostgresServer(`CREATE DATABASE "${name}"`)
    databaseUrl = postgresUrlFor(name)
    const env = {
      ...s3.env,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      JOB_EXPIRE_SECONDS: '15',
      JOB_MAINTENANCE_SECONDS: '1',
      JOB_POLL_SECONDS: '0.5',
    }
    apps = await Promise.all([
      startApp(databaseUrl, 240_000, env),
      startApp(databaseUrl, 240_000, env),
    ])
  }, 300_000)

  afterAll(async () => {
    await Promise.all(apps.map((app) => stopApp(app)))
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()))
    // The test itself closes the store at its end; a second close finds nothing to do.
    await s3?.close().catch(() => {})
  })

  test('no half file becomes evidence, the e-mail goes out once, the survivor serves', async () => {
    // The reset e-mail is queued by one instance and delivered by whichever takes the job;
    // the mail server holds it, and the instance holding the connection is the victim.
    const forgot = await fetch(`${apps[0]!.url}/forgot-password`, {
      method: 'POST',
      body: new URLSearchParams({ email: LEARNER }),
      redirect: 'manual',
    })
    expect(forgot.status).toBeLessThan(400)
    const session = await smtp.held
    const pids = apps.map(serverPid)
    const victimPid = processOwningPort(session.remotePort, pids)
    expect(victimPid).toBeDefined()
    const victim = apps[pids.indexOf(victimPid!)]!
    const survivor = apps.find((a) => a !== victim)!

    // On the victim: an upload with two of its three parts, and the third half sent.
    const cookie = await logIn(victim)
    const started = await fetch(`${victim.url}/resources/uploads`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: 'gesprek.mp3', size: SIZE }),
    })
    expect(started.status).toBe(201)
    const upload = (await started.json()) as { id: string; partSize: number }
    expect(upload.partSize).toBe(PART)
    const send = (app: AppProcess, n: number) =>
      fetch(`${app.url}/resources/uploads/${upload.id}/parts/${n}`, {
        method: 'PUT',
        headers: { cookie },
        body: new Uint8Array(partBytes(n)),
      })
    for (const n of [1, 2]) expect((await send(victim, n)).status).toBe(200)
    const halfPart = new Promise<void>((resolve) => {
      const request = http.request(`${victim.url}/resources/uploads/${upload.id}/parts/3`, {
        method: 'PUT',
        headers: { cookie, 'content-length': PART },
      })
      request.on('error', () => resolve())
      request.write(partBytes(3).subarray(0, PART / 2), () => {
        // SIGKILL: no drain, no goodbye; the parent (scripts/start.mjs) goes too.
        process.kill(victimPid!, 'SIGKILL')
        victim.process.kill('SIGKILL')
      })
    })
    await halfPart
    smtp.release()

    // The survivor serves on, and knows only the two whole parts.
    const page = await fetch(`${survivor.url}/dossiers/contactcenter-teamleider`)
    expect(page.status).toBe(200)
    const state = (await (
      await fetch(`${survivor.url}/resources/uploads/${upload.id}`, { headers: { cookie } })
    ).json()) as { parts: number[]; status: string }
    expect(state).toMatchObject({ parts: [1, 2], status: 'open' })

    // The open upload cannot be handed in as evidence.
    const form = await (await fetch(`${survivor.url}/evidence/new`, { headers: { cookie } })).text()
    const organisationId = /name="organisationId" value="([^"]+)"/.exec(form)![1]!
    const handIn = () =>
      fetch(`${survivor.url}/evidence/new`, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({
          organisationId,
          kind: 'call_review',
          title: 'Gesprek na de storing',
          narrative: 'De opname van een lastig gesprek, met wat ik ervan leerde.',
          workProcessCodes: 'CM-K1-W1',
          uploadId: upload.id,
        }),
        redirect: 'manual',
      })
    expect((await handIn()).status).toBe(400)
    const db = createClient(databaseUrl)
    try {
      expect(await db.evidence.count({ where: { title: 'Gesprek na de storing' } })).toBe(0)

      // Resumed on the survivor, completed, handed in: now, and only now, evidence.
      expect((await send(survivor, 3)).status).toBe(200)
      const completed = await fetch(`${survivor.url}/resources/uploads/${upload.id}/complete`, {
        method: 'POST',
        headers: { cookie },
      })
      expect(completed.status).toBe(200)
      expect((await handIn()).status).toBe(302)
      expect(await db.evidence.count({ where: { title: 'Gesprek na de storing' } })).toBe(1)

      // The job the victim died in runs again on the survivor once its lock expires: the
      // reset e-mail arrives exactly once. The survivor keeps answering meanwhile.
      const resets = () => smtp.accepted.filter((raw) => raw.includes(RESET_SUBJECT)).length
      const deadline = Date.now() + 120_000
      while (resets() === 0 && Date.now() < deadline) {
        expect((await fetch(`${survivor.url}/healthz`)).status).toBe(200)
        await new Promise((r) => setTimeout(r, 1000))
      }
      expect(resets()).toBe(1)
      await new Promise((r) => setTimeout(r, 5000))
      expect(resets()).toBe(1)
      const email = await db.email.findFirstOrThrow({
        where: { to: LEARNER, subject: RESET_SUBJECT },
      })
      expect(email.sentAt).not.toBeNull()
    } finally {
      await db.$disconnect()
    }

    // Readiness follows the object store: down when it is gone.
    expect((await fetch(`${survivor.url}/readyz`)).status).toBe(200)
    await s3.close()
    const ready = await fetch(`${survivor.url}/readyz`)
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({
      status: 'unavailable',
      storage: 'down',
      database: 'ok',
    })
  }, 300_000)
})
