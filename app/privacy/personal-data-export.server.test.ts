import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/auth/session.server.ts'
import { seedDemoData } from '#app/demo/demo-data.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { EXPORT_FILES } from './export-files.ts'
import { buildPersonalDataExport } from './personal-data-export.server.ts'

const person = (email: string) =>
  prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  })

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  await seedDemoData()
}, 300_000)

test(
  "a person's zip holds every category with their rows only, their files, and no secrets",
  { timeout: 120_000 },
  async () => {
    const lotte = await person('leerling@noord.demo.test')
    const daan = await person('daan.mulder@noord.demo.test')
    // What the demo does not make for her: a reflection, an SSO identity, an upload, an xAPI
    // document, a session. Daan gets a reflection of his own, which must stay out of hers.
    for (const who of [lotte, daan])
      await prisma.reflection.create({
        data: {
          userId: who.id,
          lessonKey: 'les-1',
          reflectionKey: 'r1',
          text: `Notitie van ${who.name}`,
        },
      })
    await prisma.ssoIdentity.create({
      data: { issuer: 'https://idp.example.test', subject: 'lotte-204', userId: lotte.id },
    })
    await prisma.upload.create({
      data: {
        userId: lotte.id,
        fileName: 'gesprek.mp3',
        size: 10,
        partSize: 10,
        objectKey: 'secret-object-key',
        storageUploadId: 'secret-upload-id',
      },
    })
    await prisma.xapiDocument.create({
      data: {
        scopeKey: 'scope-1',
        kind: 'state',
        userId: lotte.id,
        activityId: 'https://example.test/au',
        documentId: 'bookmark',
        contentType: 'application/json',
        content: new TextEncoder().encode('{"page":3}'),
        etag: 'etag-1',
      },
    })
    const { session } = await createSession(lotte.id, { userAgent: 'Testbrowser' })

    const built = (await buildPersonalDataExport(lotte.id))!
    expect(built.fileName).toMatch(/^leerplein-gegevens-\d{4}-\d{2}-\d{2}\.zip$/)
    const files = unzipSync(built.zip)
    const read = (name: string) => JSON.parse(strFromU8(files[name]!)) as unknown
    const list = (name: string) => read(name) as Array<Record<string, unknown>>

    for (const name of Object.keys(EXPORT_FILES).filter((f) => f.endsWith('.json')))
      expect(files, name).toHaveProperty([name])
    const readme = strFromU8(files['README.md']!)
    for (const name of Object.keys(EXPORT_FILES)) expect(readme).toContain(name)
    expect(readme).toContain('## English')

    expect(read('profile.json')).toMatchObject({ id: lotte.id, email: lotte.email })
    for (const name of [
      'memberships.json',
      'work-process-statuses.json',
      'learning-events.json',
      'xapi-statements.json',
      'lesson-completions.json',
      'evidence.json',
      'records.json',
      'evaluations.json',
      'coaching-sessions.json',
      'kpi-weeks.json',
      'lti-users.json',
      'reflections.json',
      'sso-identities.json',
      'uploads.json',
      'xapi-documents.json',
      'sessions.json',
      'audit-events.json',
    ])
      expect(list(name).length, name).toBeGreaterThan(0)

    // Her rows only: each row that names its person names her.
    expect(list('learning-events.json').every((e) => e.userId === lotte.id)).toBe(true)
    expect(list('reflections.json')).toEqual([
      expect.objectContaining({ text: `Notitie van ${lotte.name}` }),
    ])
    expect(
      list('evaluations.json').every((e) => e.agentId === lotte.id || e.role === 'evaluator'),
    ).toBe(true)
    expect(list('coaching-sessions.json').every((c) => c.agentId === lotte.id)).toBe(true)
    expect(list('work-process-statuses.json').some((s) => (s.history as []).length > 0)).toBe(true)
    expect(list('xapi-documents.json')[0]).toMatchObject({ content: '{"page":3}' })

    // The ladder statements are the xAPI export the dashboard offers.
    const statements = list('xapi-statements.json')
    expect(statements.map((s) => s.id)).toEqual(list('learning-events.json').map((e) => e.id))

    // Records in every stored form.
    for (const record of list('records.json')) {
      const id = record.id as string
      expect(strFromU8(files[`records/${id}.jwt`]!).split('.')).toHaveLength(3)
      expect(JSON.parse(strFromU8(files[`records/${id}.credential.json`]!))).toHaveProperty('id')
    }

    // Her evidence file, byte for byte from the storage.
    const withFile = (list('evidence.json') as Array<{ id: string; file: string | null }>).find(
      (e) => e.file,
    )!
    const stored = await prisma.evidence.findUniqueOrThrow({
      where: { id: withFile.id },
      select: { fileKey: true },
    })
    const object = (await objectStorage().read(stored.fileKey!))!
    const chunks: Buffer[] = []
    for await (const chunk of object.body) chunks.push(chunk as Buffer)
    expect(Buffer.from(files[withFile.file!]!).equals(Buffer.concat(chunks))).toBe(true)
    expect(strFromU8(files[withFile.file!]!.subarray(0, 5))).toBe('%PDF-')

    // Nothing of Daan's, and no secrets, anywhere in the zip.
    // (The README names the columns left out, such as passwordHash: the data files only.)
    const everything = Object.entries(files)
      .filter(([name]) => !name.startsWith('evidence-files/') && name !== 'README.md')
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n')
    for (const other of [daan.id, daan.email, daan.name, `Notitie van ${daan.name}`])
      expect(everything).not.toContain(other)
    for (const secret of [
      'passwordHash',
      lotte.passwordHash,
      session.id,
      'tokenHash',
      'secret-object-key',
      'secret-upload-id',
    ])
      expect(everything).not.toContain(secret)
  },
)

test('no zip for an account that does not exist', async () => {
  expect(await buildPersonalDataExport('no-such-user')).toBeNull()
})
