import fs from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import * as evidenceNew from '#app/routes/me/evidence-new.tsx'
import * as evidenceDetail from '#app/routes/me/evidence-detail.tsx'
import * as evidenceFile from '#app/routes/me/evidence-file.ts'
import * as assessPage from '#app/routes/orgs/$slug/assessment.tsx'
import * as criteriaEdit from '#app/routes/orgs/$slug/criteria-edit.tsx'
import * as recordPage from '#app/routes/public/record.tsx'
import * as jwks from '#app/routes/resources/jwks.ts'
import * as verify from '#app/routes/public/verify.tsx'
import * as audit from '#app/routes/orgs/$slug/audit.tsx'
import { prisma } from '#app/db.server.ts'
import { importCourses } from '#app/domain/course-import.server.ts'
import { importDossierFolder } from '#app/domain/dossier-folder.server.ts'
import { completeKnowledge, evidenceFor, judge } from '#tests/assessment-fixtures.ts'
import { cookieFor, makeMember, makeOrganisation } from '#tests/factories.ts'
import { call, formRequest, getRequest, multipartRequest } from '#tests/route-call.ts'

let noord: Awaited<ReturnType<typeof makeOrganisation>>
let learner: { id: string; cookie: string }
let assessor: { id: string; cookie: string }
let outsiderAssessor: string
let employerAdmin: string

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
const HTML = new TextEncoder().encode('<html><body>geen pdf</body></html>')

function evidenceForm(
  fields: Record<string, string | string[]>,
  file?: [Uint8Array<ArrayBuffer>, string],
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields))
    for (const value of Array.isArray(v) ? v : [v]) form.append(k, value)
  if (file) form.append('file', new File([file[0]], file[1], { type: 'application/pdf' }))
  return form
}

beforeAll(async () => {
  await importDossierFolder()
  await importCourses()
  noord = await makeOrganisation()
  const l = await makeMember(noord.id, ['learner'])
  learner = { id: l.user.id, cookie: await cookieFor(l.user.id) }
  const a = await makeMember(noord.id, ['assessor', 'trainer'])
  assessor = { id: a.user.id, cookie: await cookieFor(a.user.id) }
  const other = await makeOrganisation('outsourced')
  outsiderAssessor = await cookieFor((await makeMember(other.id, ['assessor', 'trainer'])).user.id)
  employerAdmin = await cookieFor((await makeMember(noord.id, ['employer_admin'])).user.id)
}, 120_000)

describe('handing in evidence', () => {
  const base = {
    organisationId: '',
    kind: 'upload',
    title: 'Weekrooster week 12',
    narrative: 'Rooster op basis van de prognose, met toelichting op de keuzes.',
    workProcessCodes: 'TL-K3-W1',
  }

  test('a file is judged by its bytes: HTML named .pdf is refused and nothing is stored', async () => {
    const before = fs.existsSync(process.env.EVIDENCE_DIR!)
      ? fs.readdirSync(process.env.EVIDENCE_DIR!, { recursive: true }).length
      : 0
    const request = await multipartRequest(
      '/evidence/new',
      evidenceForm({ ...base, organisationId: noord.id }, [HTML, 'rooster.pdf']),
      { cookie: learner.cookie },
    )
    const outcome = await call(evidenceNew.action, request)
    expect(outcome.status).toBe(400)
    expect(JSON.stringify(outcome.data)).toContain('evidence.fileType')
    expect(await prisma.evidence.count({ where: { userId: learner.id } })).toBe(0)
    const after = fs.existsSync(process.env.EVIDENCE_DIR!)
      ? fs.readdirSync(process.env.EVIDENCE_DIR!, { recursive: true }).length
      : 0
    expect(after).toBe(before)
  })

  test('missing fields, a foreign organisation or codes from two dossiers get field errors', async () => {
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [{ ...base, organisationId: noord.id, title: '' }, 'title'],
      [
        { ...base, organisationId: noord.id, workProcessCodes: ['TL-K3-W1', 'CM-K1-W1'] },
        'evidence.oneDossier',
      ],
      [
        { ...base, organisationId: noord.id, workProcessCodes: 'TL-K9-W9' },
        'evidence.chooseWorkProcess',
      ],
      [{ ...base, organisationId: 'not-mine' }, 'evidence.chooseOrganisation'],
      [{ ...base, organisationId: noord.id }, 'evidence.fileRequired'],
    ]
    for (const [fields, expected] of cases) {
      const request = await multipartRequest('/evidence/new', evidenceForm(fields), {
        cookie: learner.cookie,
      })
      const outcome = await call(evidenceNew.action, request)
      expect(outcome.status, expected).toBe(400)
      expect(JSON.stringify(outcome.data), expected).toContain(expected)
    }
    expect(await prisma.evidence.count({ where: { userId: learner.id } })).toBe(0)
  })

  test('a body over the limit is refused before it is read', async () => {
    const request = new Request('http://localhost/evidence/new', {
      method: 'POST',
      headers: { Cookie: learner.cookie, 'Content-Length': String(50 * 1024 * 1024) },
      body: 'x',
    })
    expect((await call(evidenceNew.action, request)).status).toBe(413)
  })

  test('a real PDF is stored; the learner and assessors of the organisation get it, others a 404', async () => {
    const request = await multipartRequest(
      '/evidence/new',
      evidenceForm({ ...base, organisationId: noord.id }, [PDF, 'rooster.pdf']),
      { cookie: learner.cookie },
    )
    const outcome = await call(evidenceNew.action, request)
    expect(outcome.status).toBe(302)
    const id = outcome.location!.match(/\/evidence\/(\w+)/)![1]!
    const stored = await prisma.evidence.findUniqueOrThrow({ where: { id } })
    expect(stored).toMatchObject({
      fileType: 'application/pdf',
      fileSize: PDF.length,
      dossierSlug: 'contactcenter-teamleider',
    })
    expect(stored.competencies).toBe('["Q","M"]')

    const file = await call(
      evidenceFile.loader,
      getRequest(`/evidence/${id}/file`, assessor.cookie),
      { evidenceId: id },
    )
    expect(file.status).toBe(200)
    expect(file.headers.get('Content-Type')).toBe('application/pdf')
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff')
    for (const cookie of [outsiderAssessor, employerAdmin]) {
      expect(
        (
          await call(evidenceDetail.loader, getRequest(`/evidence/${id}`, cookie), {
            evidenceId: id,
          })
        ).status,
      ).toBe(404)
      expect(
        (
          await call(evidenceFile.loader, getRequest(`/evidence/${id}/file`, cookie), {
            evidenceId: id,
          })
        ).status,
      ).toBe(404)
    }
    const other = await prisma.organisation.findFirstOrThrow({
      where: { id: { not: noord.id }, slug: { startsWith: 'org-' } },
    })
    expect(
      (
        await call(
          assessPage.loader,
          getRequest(`/orgs/${other.slug}/assessments/${id}`, outsiderAssessor),
          { slug: other.slug, evidenceId: id },
        )
      ).status,
    ).toBe(404)
  })
})

describe('assessing through the page', () => {
  test('sign-off below the required level is a 400 with the reason; then a sign-off issues a record', async () => {
    const l = await makeMember(noord.id, ['learner'])
    await completeKnowledge(l.user.id, ['TL-K2-W2'])
    const { id } = await evidenceFor(l.user.id, noord.id, ['TL-K2-W2'])
    const page = await call(
      assessPage.loader,
      getRequest(`/orgs/${noord.slug}/assessments/${id}`, assessor.cookie),
      { slug: noord.slug, evidenceId: id },
    )
    const { forms } = page.data as {
      forms: Array<{ code: string; criteria: { version: number; criteria: unknown[] } }>
    }
    expect(forms.map((f) => f.code)).toEqual(['TL-K2-W2'])
    const n = forms[0]!.criteria.criteria.length
    const fields = (levels: string[], decision: string) => ({
      workProcessCode: 'TL-K2-W2',
      criteriaVersion: String(forms[0]!.criteria.version),
      decision,
      comment: 'Goed gedaan.',
      ...Object.fromEntries(levels.map((level, i) => [`scores[${i}].level`, level])),
    })
    const low = ['gevorderd', ...Array(n - 1).fill('bekwaam')]
    const refused = await call(
      assessPage.action,
      formRequest(`/orgs/${noord.slug}/assessments/${id}`, fields(low, 'signed_off'), {
        cookie: assessor.cookie,
      }),
      { slug: noord.slug, evidenceId: id },
    )
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toContain('assessment.refused.below_required')
    const missing = await call(
      assessPage.action,
      formRequest(`/orgs/${noord.slug}/assessments/${id}`, fields([], 'signed_off'), {
        cookie: assessor.cookie,
      }),
      { slug: noord.slug, evidenceId: id },
    )
    expect(missing.status).toBe(400)

    const ok = await call(
      assessPage.action,
      formRequest(
        `/orgs/${noord.slug}/assessments/${id}`,
        fields(Array(n).fill('bekwaam'), 'signed_off'),
        { cookie: assessor.cookie },
      ),
      { slug: noord.slug, evidenceId: id },
    )
    expect(ok.status).toBe(200)
    expect(
      await prisma.completionRecord.count({ where: { userId: l.user.id, code: 'TL-K2-W2' } }),
    ).toBe(1)
  })

  test('a trainer edits criteria on the page; an empty list or a stale version is refused', async () => {
    const params = { slug: noord.slug, dossierSlug: 'contactcenter-teamleider', code: 'TL-K4-W2' }
    const url = `/orgs/${noord.slug}/criteria/contactcenter-teamleider/TL-K4-W2`
    const empty = await call(
      criteriaEdit.action,
      formRequest(url, { basedOn: '0', 'criteria[0].nl': '' }, { cookie: assessor.cookie }),
      params,
    )
    expect(empty.status).toBe(400)
    const fields = {
      basedOn: '0',
      'criteria[0].nl': 'Houdt een vast overleg met de opdrachtgever.',
      'criteria[0].en': 'Holds a regular meeting with the client.',
      'criteria[0].requiredLevel': 'gevorderd',
    }
    const saved = await call(
      criteriaEdit.action,
      formRequest(url, fields, { cookie: assessor.cookie }),
      params,
    )
    expect(saved.status).toBe(302)
    const stale = await call(
      criteriaEdit.action,
      formRequest(url, fields, { cookie: assessor.cookie }),
      params,
    )
    expect(stale.status).toBe(400)
    expect(JSON.stringify(stale.data)).toContain('criteria.stale')
    // A learner may not edit criteria.
    expect(
      (
        await call(
          criteriaEdit.action,
          formRequest(url, fields, { cookie: learner.cookie }),
          params,
        )
      ).status,
    ).toBe(403)
  })
})

describe('records over HTTP', () => {
  test('JWKS publishes public keys only; revocation needs a reason and the right person', async () => {
    const l = await makeMember(noord.id, ['learner'])
    await completeKnowledge(l.user.id, ['TL-K2-W2'])
    const { id } = await evidenceFor(l.user.id, noord.id, ['TL-K2-W2'])
    await judge(id, 'TL-K2-W2', assessor.id)
    const record = await prisma.completionRecord.findFirstOrThrow({ where: { userId: l.user.id } })

    const keys = JSON.parse(
      (await call(jwks.loader, getRequest('/.well-known/jwks.json'))).data as string,
    )
    expect(keys.keys.length).toBeGreaterThan(0)
    for (const k of keys.keys)
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(k).not.toHaveProperty(secret)

    const url = `/records/${record.id}`
    const params = { recordId: record.id }
    const learnerCookie = await cookieFor(l.user.id)
    /** The status of a revocation posted with this reason by whoever the cookie names. */
    const revoke = async (reason: string, cookie: string) =>
      (
        await call(
          recordPage.action,
          formRequest(url, { intent: 'revoke', reason }, { cookie }),
          params,
        )
      ).status
    expect(await revoke('Ik wil het niet meer', learnerCookie)).toBe(403)
    expect(await revoke('Onterecht', outsiderAssessor)).toBe(403)
    expect(await revoke('', employerAdmin)).toBe(400)
    expect(await revoke('Bewijs bleek niet van de deelnemer zelf', employerAdmin)).toBe(200)
    const view = await call(recordPage.loader, getRequest(url), params)
    expect(view.data).toMatchObject({
      record: {
        status: 'revoked',
        revocation: { reason: 'Bewijs bleek niet van de deelnemer zelf' },
      },
      canRevoke: false,
    })
    // The public page shows no account or organisation ids.
    expect(JSON.stringify(view.data)).not.toContain(l.user.id)

    const form = new FormData()
    form.append('credential', record.jwt)
    const verified = await call(verify.action, await multipartRequest('/verify', form))
    expect(verified.data).toMatchObject({ result: { status: 'revoked' } })
    const empty = await call(verify.action, await multipartRequest('/verify', new FormData()))
    expect(empty.status).toBe(400)
  })
})

describe('the audit trail page', () => {
  test("the organisation's admin reads who decided what; others get 403 or 404", async () => {
    const url = `/orgs/${noord.slug}/audit`
    const page = await call(audit.loader, getRequest(url, employerAdmin), { slug: noord.slug })
    expect(page.status).toBe(200)
    const actions = (page.data as { events: Array<{ action: string; actor: string | null }> })
      .events
    expect(actions.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'evidence.submitted',
        'assessment.recorded',
        'record.issued',
        'record.revoked',
        'criteria.changed',
      ]),
    )
    expect(actions.find((e) => e.action === 'record.issued')?.actor).toBeNull()
    expect(
      (await call(audit.loader, getRequest(url, learner.cookie), { slug: noord.slug })).status,
    ).toBe(403)
    expect(
      (await call(audit.loader, getRequest(url, outsiderAssessor), { slug: noord.slug })).status,
    ).toBe(404)
  })
})
