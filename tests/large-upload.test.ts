import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildApp, memoryOf, serverPid, startApp, stopApp, type AppProcess } from './app-process.ts'
import { startTestS3, type TestS3 } from './s3-server.ts'
import { onPostgresServer, postgresUrlFor, TEST_DATA_DIR, testEngine } from './test-database.ts'

/**
 * A 200 MB call recording through the real app on s3rver: uploaded in parts, interrupted
 * halfway, resumed with only the missing parts, handed in as evidence and downloaded back
 * intact, while the server's peak memory stays far below the file's size.
 */
const SIZE = 200 * 1024 * 1024
let app: AppProcess | undefined
let s3: TestS3 | undefined
let folder: string
let file: string
let fileHash: string

beforeAll(async () => {
  buildApp()
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'large-upload-'))
  // A recording: an ID3 header, then noise, written in 1 MiB steps (never whole in memory).
  file = path.join(folder, 'gesprek.mp3')
  const hash = createHash('sha256')
  const out = fs.openSync(file, 'w')
  for (let offset = 0; offset < SIZE; offset += 1024 * 1024) {
    const chunk = randomBytes(Math.min(1024 * 1024, SIZE - offset))
    if (offset === 0) chunk.set([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0, 0, 0, 0])
    hash.update(chunk)
    fs.writeSync(out, chunk)
  }
  fs.closeSync(out)
  fileHash = hash.digest('hex')

  s3 = await startTestS3('recordings')
  let databaseUrl: string
  if (testEngine === 'postgresql') {
    const name = `large_upload_${Date.now()}`
    await onPostgresServer(`CREATE DATABASE "${name}"`)
    databaseUrl = postgresUrlFor(name)
  } else {
    databaseUrl = `file:${path.join(TEST_DATA_DIR, `large-upload-${Date.now()}.db`)}`
  }
  app = await startApp(databaseUrl, 240_000, s3.env)
}, 300_000)

afterAll(async () => {
  await stopApp(app)
  await s3?.close()
  fs.rmSync(folder, { recursive: true, force: true })
})

function readPart(n: number, partSize: number): Buffer {
  const start = (n - 1) * partSize
  const buffer = Buffer.alloc(Math.min(partSize, SIZE - start))
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, buffer, 0, buffer.length, start)
  } finally {
    fs.closeSync(fd)
  }
  return buffer
}

test('a 200 MB recording: in parts, interrupted, resumed, handed in, downloaded intact', async () => {
  const url = app!.url
  const login = await fetch(`${url}/login`, {
    method: 'POST',
    body: new URLSearchParams({
      email: 'leerling@noord.demo.test',
      password: 'Demo-Wachtwoord-2026',
    }),
    redirect: 'manual',
  })
  expect(login.status).toBe(302)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const page = await (await fetch(`${url}/evidence/new`, { headers: { cookie } })).text()
  const organisationId = /name="organisationId" value="([^"]+)"/.exec(page)?.[1]
  expect(organisationId).toBeTruthy()

  const pid = serverPid(app!)
  const before = memoryOf(pid)
  const timings: Record<string, number> = {}
  const time = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    try {
      return await step()
    } finally {
      timings[label] = Math.round(performance.now() - started)
    }
  }

  const started = await fetch(`${url}/resources/uploads`, {
    method: 'POST',
    headers: { cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify({ fileName: 'gesprek.mp3', size: SIZE }),
  })
  expect(started.status).toBe(201)
  const upload = (await started.json()) as { id: string; partSize: number; partCount: number }
  expect(upload.partCount).toBe(Math.ceil(SIZE / upload.partSize))
  const send = async (n: number) => {
    const response = await fetch(`${url}/resources/uploads/${upload.id}/parts/${n}`, {
      method: 'PUT',
      headers: { cookie },
      body: new Uint8Array(readPart(n, upload.partSize)),
    })
    expect(response.status, await response.clone().text()).toBe(200)
  }

  // The first half, then the connection "drops": nothing more is sent.
  const half = Math.floor(upload.partCount / 2)
  await time('first half', async () => {
    for (let n = 1; n <= half; n++) await send(n)
  })
  // Resuming: ask which parts are stored and send only the others.
  const state = (await (
    await fetch(`${url}/resources/uploads/${upload.id}`, { headers: { cookie } })
  ).json()) as { parts: number[] }
  expect(state.parts).toEqual(Array.from({ length: half }, (_, i) => i + 1))
  const missing = Array.from({ length: upload.partCount }, (_, i) => i + 1).filter(
    (n) => !state.parts.includes(n),
  )
  await time('resumed rest', async () => {
    for (const n of missing) await send(n)
  })
  const completed = await time('complete', () =>
    fetch(`${url}/resources/uploads/${upload.id}/complete`, {
      method: 'POST',
      headers: { cookie },
    }),
  )
  expect(completed.status, await completed.clone().text()).toBe(200)
  expect(await completed.json()).toMatchObject({ status: 'completed', fileType: 'audio/mpeg' })

  const afterUpload = memoryOf(pid)
  const submitted = await fetch(`${url}/evidence/new`, {
    method: 'POST',
    headers: { cookie },
    body: new URLSearchParams({
      organisationId: organisationId!,
      kind: 'call_review',
      title: 'Gesprek over een factuur',
      narrative: 'De hele opname van het gesprek, met mijn analyse van de aanpak erbij.',
      workProcessCodes: 'CM-K1-W1',
      uploadId: upload.id,
    }),
    redirect: 'manual',
  })
  expect(submitted.status, await submitted.clone().text()).toBe(302)
  const evidenceId = /^\/evidence\/([^/?]+)/.exec(submitted.headers.get('location')!)![1]

  const downloadHash = await time('download', async () => {
    const response = await fetch(`${url}/evidence/${evidenceId}/file`, { headers: { cookie } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(SIZE))
    const hash = createHash('sha256')
    const reader = response.body!.getReader()
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      hash.update(read.value)
    }
    return hash.digest('hex')
  })
  expect(downloadHash).toBe(fileHash)

  const after = memoryOf(pid)
  const growth = after.peakMiB - before.peakMiB
  console.log(
    `large upload (${testEngine}, s3rver): ${SIZE / 1024 / 1024} MiB in ${upload.partCount} parts;` +
      ` server peak memory (VmHWM) before ${before.peakMiB} MiB, after the upload` +
      ` ${afterUpload.peakMiB} MiB, after the download ${after.peakMiB} MiB` +
      ` (growth ${growth} MiB, resident now ${after.residentMiB} MiB); timings ms ${JSON.stringify(timings)}`,
  )
  // Receiving 200 MiB in parts: holding the file (or even half of it) would add well over
  // 100 MiB. The download is printed, not asserted: see the open point in docs/decisions/019.
  expect(afterUpload.peakMiB - before.peakMiB).toBeLessThan(100)
  expect(growth).toBeLessThan(SIZE / 1024 / 1024 + 50)
}, 600_000)
