import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import * as evidenceNew from '#app/routes/me/evidence-new.tsx'
import * as evidenceFile from '#app/routes/me/evidence-file.ts'
import * as uploads from '#app/routes/resources/uploads.ts'
import * as upload from '#app/routes/resources/upload.ts'
import * as uploadPart from '#app/routes/resources/upload-part.ts'
import * as uploadComplete from '#app/routes/resources/upload-complete.ts'
import { submitEvidence } from '#app/assessment/evidence.server.ts'
import { prisma } from '#app/db.server.ts'
import { sniffEvidenceType } from '#app/evidence/file-type.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { startTestS3, type TestS3 } from '#tests/s3-server.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, multipartRequest } from '#tests/route-call.ts'
import { LocalDiskStorage } from './local-disk-storage.server.ts'
import { checkStorage, useObjectStorage } from './object-storage.server.ts'
import type { ObjectStorage } from './object-storage.ts'
import { S3Storage } from './s3-storage.server.ts'
import { storageSettings } from './storage-settings.server.ts'
import { abortStaleUploads, UPLOAD_PART_SIZE } from './uploads.server.ts'

let s3: TestS3
let directory: string
let noordId: string
let learner: { id: string; cookie: string }
let other: { id: string; cookie: string }

beforeAll(async () => {
  s3 = await startTestS3()
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'storage-'))
  await importDossierFolder()
  const noord = await makeOrganisation()
  noordId = noord.id
  const l = await makeMember(noord.id, ['learner'])
  learner = { id: l.user.id, cookie: await cookieFor(l.user.id) }
  const o = await makeMember(noord.id, ['learner'])
  other = { id: o.user.id, cookie: await cookieFor(o.user.id) }
}, 120_000)

afterAll(async () => {
  useObjectStorage(undefined)
  await s3?.close()
  await fs.rm(directory, { recursive: true, force: true })
})

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
/** An MP3 as the sniffer sees it: an ID3 header, then noise. */
function mp3(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(randomBytes(size))
  bytes.set([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0, 0, 0, 0], 0)
  return bytes
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

const base = {
  kind: 'call_review',
  title: 'Gesprek met klant over factuur',
  narrative: 'Opname van een lastig gesprek, met mijn eigen analyse van de aanpak.',
  workProcessCodes: 'CM-K1-W1',
}

function evidenceForm(fields: Record<string, string>, file?: [Uint8Array<ArrayBuffer>, string]) {
  const form = new FormData()
  for (const [k, v] of Object.entries({ ...base, organisationId: noordId, ...fields }))
    form.append(k, v)
  if (file) form.append('file', new File([file[0]], file[1]))
  return form
}

async function download(evidenceId: string, cookie: string) {
  const response = (await evidenceFile.loader({
    request: new Request(`http://localhost/evidence/${evidenceId}/file`, { headers: { cookie } }),
    params: { evidenceId },
  } as never)) as Response
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

function json(cookie: string, method: string, body?: unknown) {
  const text = body === undefined ? undefined : JSON.stringify(body)
  return new Request('http://localhost/resources/uploads', {
    method,
    headers: {
      cookie,
      'Content-Type': 'application/json',
      ...(text === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(text)) }),
    },
    body: text,
  })
}

async function start(cookie: string, size: number, fileName = 'gesprek.mp3') {
  const outcome = await call(uploads.action, json(cookie, 'POST', { fileName, size }))
  return { status: outcome.status, body: JSON.parse(outcome.data as string) }
}

async function sendPart(
  cookie: string,
  uploadId: string,
  n: number | string,
  bytes: Uint8Array<ArrayBuffer>,
  length = bytes.length,
) {
  const request = new Request(`http://localhost/resources/uploads/${uploadId}/parts/${n}`, {
    method: 'PUT',
    headers: { cookie, 'Content-Length': String(length) },
    body: bytes,
  })
  const outcome = await call(uploadPart.action, request, { uploadId, partNumber: String(n) })
  return { status: outcome.status, body: JSON.parse(outcome.data as string) }
}

async function state(cookie: string, uploadId: string) {
  const outcome = await call(upload.loader, json(cookie, 'GET'), { uploadId })
  return { status: outcome.status, body: JSON.parse(outcome.data as string) }
}

async function complete(cookie: string, uploadId: string) {
  const outcome = await call(uploadComplete.action, json(cookie, 'POST'), { uploadId })
  return { status: outcome.status, body: JSON.parse(outcome.data as string) }
}

test('the configuration picks the disk by default and S3 from STORAGE_URL or S3_*', () => {
  expect(storageSettings({})).toEqual({ kind: 'disk', directory: 'data/evidence' })
  expect(storageSettings({ EVIDENCE_DIR: '/srv/files' })).toEqual({
    kind: 'disk',
    directory: '/srv/files',
  })
  expect(
    storageSettings({
      STORAGE_URL: 's3://bucket?endpoint=http://127.0.0.1:9000&region=eu-west-1',
      S3_REGION: 'eu-central-1',
    }),
  ).toMatchObject({
    kind: 's3',
    bucket: 'bucket',
    endpoint: 'http://127.0.0.1:9000',
    region: 'eu-central-1',
    forcePathStyle: true,
  })
  expect(storageSettings({ S3_BUCKET: 'b2', S3_FORCE_PATH_STYLE: 'false' })).toMatchObject({
    kind: 's3',
    bucket: 'b2',
    forcePathStyle: false,
  })
})

describe.each(['disk', 's3'] as const)('on %s', (backend) => {
  let storage: ObjectStorage
  beforeAll(() => {
    const settings =
      backend === 's3'
        ? storageSettings(s3.env)
        : ({ kind: 'disk', directory: path.join(directory, 'store') } as const)
    storage =
      settings.kind === 's3' ? new S3Storage(settings) : new LocalDiskStorage(settings.directory)
    useObjectStorage(storage)
  })
  // Each test starts without open uploads, so the limit of three is the test's own.
  beforeEach(async () => {
    await prisma.upload.updateMany({ where: { status: 'open' }, data: { status: 'aborted' } })
  })

  test('checkStorage answers, and throws when the storage cannot be reached', async () => {
    useObjectStorage(storage)
    // A file where the folder should be: nothing can be written below it.
    const notAFolder = path.join(directory, 'a-file')
    await fs.writeFile(notAFolder, 'x')
    await checkStorage()
    useObjectStorage(
      backend === 's3'
        ? new S3Storage({ ...storageSettings(s3.env), bucket: 'no-such-bucket' } as never)
        : new LocalDiskStorage(path.join(notAFolder, 'store')),
    )
    await expect(checkStorage()).rejects.toThrow()
    useObjectStorage(storage)
  })

  test('a streamed put is stored byte for byte (no aws-chunked framing)', async () => {
    useObjectStorage(storage)
    const bytes = new Uint8Array(randomBytes(300_000))
    const key = await storage.put(
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      bytes.length,
    )
    const object = await storage.read(key)
    const chunks: Buffer[] = []
    for await (const chunk of object!.body) chunks.push(chunk as Buffer)
    expect(object!.size).toBe(bytes.length)
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes))
    await storage.delete(key)
    expect(await storage.read(key)).toBeNull()
  })

  test('evidence with a small file from the form downloads back byte-equal', async () => {
    useObjectStorage(storage)
    const request = await multipartRequest(
      '/evidence/new',
      evidenceForm({}, [PDF, 'verslag.pdf']),
      {
        cookie: learner.cookie,
      },
    )
    const outcome = await call(evidenceNew.action, request)
    expect(outcome.status).toBe(302)
    const id = outcome.location!.split('/')[2]!.split('?')[0]!
    const { response, bytes } = await download(id, learner.cookie)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Length')).toBe(String(PDF.length))
    expect(bytes).toEqual(PDF)
  })

  test('a failed transaction leaves no object behind', async () => {
    useObjectStorage(storage)
    const keys: string[] = []
    // Watch what is stored, on the real storage.
    const watching: ObjectStorage = Object.create(storage)
    watching.put = async (...args) => {
      const key = await storage.put(...args)
      keys.push(key)
      return key
    }
    useObjectStorage(watching)
    // An organisation that does not exist: the evidence row breaks its foreign key.
    try {
      await expect(
        submitEvidence({
          userId: learner.id,
          organisationId: 'no-such-organisation',
          dossierSlug: 'contactcenter-medewerker',
          kind: 'upload',
          title: base.title,
          narrative: base.narrative,
          workProcessCodes: [],
          competencies: [],
          coreTaskCode: null,
          file: { bytes: PDF, name: 'x.pdf', type: sniffEvidenceType(PDF)! },
        }),
      ).rejects.toThrow()
    } finally {
      useObjectStorage(storage)
    }
    expect(keys).toHaveLength(1)
    expect(await storage.read(keys[0]!)).toBeNull()
  })

  test('a recording in parts: resumed, completed, attached once, downloaded byte-equal', async () => {
    useObjectStorage(storage)
    const bytes = mp3(2 * UPLOAD_PART_SIZE + 12_345)
    const { status, body } = await start(learner.cookie, bytes.length)
    expect(status).toBe(201)
    expect(body).toMatchObject({ partCount: 3, parts: [], status: 'open' })
    const part = (n: number) => bytes.slice((n - 1) * UPLOAD_PART_SIZE, n * UPLOAD_PART_SIZE)
    // Part 3 first, then part 1 twice (a retry replaces it); part 2 is "lost".
    expect((await sendPart(learner.cookie, body.id, 3, part(3))).status).toBe(200)
    expect((await sendPart(learner.cookie, body.id, 1, mp3(UPLOAD_PART_SIZE))).status).toBe(200)
    expect((await sendPart(learner.cookie, body.id, 1, part(1))).status).toBe(200)
    expect((await complete(learner.cookie, body.id)).status).toBe(409)
    // Not evidence while incomplete.
    const early = await call(
      evidenceNew.action,
      await multipartRequest('/evidence/new', evidenceForm({ uploadId: body.id }), {
        cookie: learner.cookie,
      }),
    )
    expect(early.status).toBe(400)
    expect(JSON.stringify(early.data)).toContain('evidence.uploadNotReady')
    // Resume: ask what is stored, send the rest.
    const resumed = await state(learner.cookie, body.id)
    expect(resumed.body.parts).toEqual([1, 3])
    expect((await sendPart(learner.cookie, body.id, 2, part(2))).status).toBe(200)
    const done = await complete(learner.cookie, body.id)
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: 'completed', fileType: 'audio/mpeg' })

    const submit = () =>
      multipartRequest('/evidence/new', evidenceForm({ uploadId: body.id }), {
        cookie: learner.cookie,
      })
    const outcome = await call(evidenceNew.action, await submit())
    expect(outcome.status).toBe(302)
    const id = outcome.location!.split('/')[2]!.split('?')[0]!
    const { response, bytes: back } = await download(id, learner.cookie)
    expect(response.headers.get('Content-Length')).toBe(String(bytes.length))
    expect(sha256(back)).toBe(sha256(bytes))
    // Attached once only.
    const again = await call(evidenceNew.action, await submit())
    expect(again.status).toBe(400)
    expect(
      await prisma.evidence.count({
        where: {
          fileKey: (await prisma.upload.findUniqueOrThrow({ where: { id: body.id } })).objectKey,
        },
      }),
    ).toBe(1)
  }, 60_000)

  test('parts out of range, of the wrong length, or from someone else are refused', async () => {
    useObjectStorage(storage)
    const { body } = await start(learner.cookie, 1000)
    const bytes = mp3(1000)
    expect((await sendPart(learner.cookie, body.id, 2, bytes)).status).toBe(400)
    expect((await sendPart(learner.cookie, body.id, 0, bytes)).status).toBe(400)
    expect((await sendPart(learner.cookie, body.id, 'x', bytes)).status).toBe(400)
    expect((await sendPart(learner.cookie, body.id, 1, bytes.slice(0, 999))).status).toBe(400)
    // A body longer than its declared (and expected) length.
    const longer = await sendPart(learner.cookie, body.id, 1, mp3(1500), 1000)
    expect(longer.status).toBe(400)
    expect(longer.body.error).toBe('upload.badLength')
    expect((await sendPart(other.cookie, body.id, 1, bytes)).status).toBe(404)
    expect((await state(other.cookie, body.id)).status).toBe(404)
    expect((await complete(other.cookie, body.id)).status).toBe(404)
    expect((await state(learner.cookie, body.id)).body.parts).toEqual([])
    expect((await sendPart(learner.cookie, body.id, 1, bytes)).status).toBe(200)
    // Someone else cannot attach it either, even completed.
    expect((await complete(learner.cookie, body.id)).status).toBe(200)
    const stolen = await call(
      evidenceNew.action,
      await multipartRequest('/evidence/new', evidenceForm({ uploadId: body.id }), {
        cookie: other.cookie,
      }),
    )
    expect(stolen.status).toBe(400)
  })

  test('a file of the wrong type is refused at completion and its object deleted', async () => {
    useObjectStorage(storage)
    const html = new TextEncoder().encode('<html><body>geen geluid</body></html>'.padEnd(2000))
    const { body } = await start(learner.cookie, html.length, 'opname.mp3')
    await sendPart(learner.cookie, body.id, 1, html)
    const refused = await complete(learner.cookie, body.id)
    expect(refused.status).toBe(400)
    expect(refused.body.error).toBe('evidence.fileType')
    expect(refused.body.message).toMatch(/geluidsopname|audio/)
    const row = await prisma.upload.findUniqueOrThrow({ where: { id: body.id } })
    expect(row.status).toBe('rejected')
    expect(await storage.read(row.objectKey)).toBeNull()
  })

  test('a size over 500 MB, or more than three open uploads, is refused', async () => {
    useObjectStorage(storage)
    expect((await start(other.cookie, 501 * 1024 * 1024)).status).toBe(413)
    await prisma.upload.updateMany({ where: { userId: other.id }, data: { status: 'aborted' } })
    for (let i = 0; i < 3; i++) expect((await start(other.cookie, 10)).status).toBe(201)
    expect((await start(other.cookie, 10)).status).toBe(429)
    await prisma.upload.updateMany({ where: { userId: other.id }, data: { status: 'aborted' } })
  })

  test('abortStaleUploads deletes a completed upload never handed in within a day', async () => {
    useObjectStorage(storage)
    const bytes = mp3(5000)
    const { body } = await start(learner.cookie, bytes.length)
    await sendPart(learner.cookie, body.id, 1, bytes)
    expect((await complete(learner.cookie, body.id)).status).toBe(200)
    const row = await prisma.upload.findUniqueOrThrow({ where: { id: body.id } })
    expect(await storage.read(row.objectKey)).not.toBeNull()
    await abortStaleUploads(new Date(row.completedAt!.getTime() + 23 * 3600_000))
    expect((await prisma.upload.findUniqueOrThrow({ where: { id: body.id } })).status).toBe(
      'completed',
    )
    // Other tests' completed uploads go too: at least this one.
    expect(
      await abortStaleUploads(new Date(row.completedAt!.getTime() + 25 * 3600_000)),
    ).toBeGreaterThanOrEqual(1)
    expect((await prisma.upload.findUniqueOrThrow({ where: { id: body.id } })).status).toBe(
      'aborted',
    )
    expect(await storage.read(row.objectKey)).toBeNull()
  })

  test('abortStaleUploads removes the parts of uploads left open for a day', async () => {
    useObjectStorage(storage)
    const bytes = mp3(UPLOAD_PART_SIZE + 10)
    const { body } = await start(learner.cookie, bytes.length)
    await sendPart(learner.cookie, body.id, 1, bytes.slice(0, UPLOAD_PART_SIZE))
    const fresh = await start(learner.cookie, 10)
    const row = await prisma.upload.findUniqueOrThrow({ where: { id: body.id } })
    const tomorrow = new Date(row.createdAt.getTime() + 25 * 60 * 60 * 1000)
    // Only the stale one: the other is moved to "tomorrow" itself, so it is fresh then.
    await prisma.upload.update({ where: { id: fresh.body.id }, data: { createdAt: tomorrow } })
    expect(await abortStaleUploads(tomorrow)).toBeGreaterThanOrEqual(1)
    const after = await prisma.upload.findUniqueOrThrow({ where: { id: body.id } })
    expect(after.status).toBe('aborted')
    expect(await prisma.uploadPart.count({ where: { uploadId: body.id } })).toBe(0)
    expect((await prisma.upload.findUniqueOrThrow({ where: { id: fresh.body.id } })).status).toBe(
      'open',
    )
    if (backend === 'disk') {
      await expect(
        fs.access(path.join(directory, 'store', 'uploads', row.storageUploadId)),
      ).rejects.toThrow()
    }
    // On S3 the storage is asked to abort the multipart upload; s3rver cannot (it has no
    // AbortMultipartUpload), real S3 removes the parts.
    // An aborted upload can never be attached.
    const late = await call(
      evidenceNew.action,
      await multipartRequest('/evidence/new', evidenceForm({ uploadId: body.id }), {
        cookie: learner.cookie,
      }),
    )
    expect(late.status).toBe(400)
    await prisma.upload.update({ where: { id: fresh.body.id }, data: { status: 'aborted' } })
  }, 60_000)
})
