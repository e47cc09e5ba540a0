import { beforeAll, describe, expect, test } from 'vitest'
import * as jobsPage from '#app/routes/admin/jobs.tsx'
import { cookieFor, makeUser } from '#tests/factories.ts'
import { call, formRequest, getRequest } from '#tests/route-call.ts'
import { jobQueue } from './process-queue.server.ts'

/** /admin/jobs: the platform admin's view of the job queue, and the retry of a dead job. */
let admin: string
let someone: string
let deadId: string

beforeAll(async () => {
  admin = await cookieFor((await makeUser('Beheerder', { isPlatformAdmin: true })).id)
  someone = await cookieFor((await makeUser('Medewerker')).id)
  deadId = (await jobQueue().enqueue('test.broken', {}, { key: 'broken:1', attempts: 1 }))!
  await jobQueue().runDue({
    'test.broken': async () => {
      throw new Error('SMTP 554: relay denied')
    },
  })
  await jobQueue().enqueue('test.waiting', {}, { key: 'waiting:1' })
})

describe('/admin/jobs', () => {
  test('is for platform admins only, to read and to retry', async () => {
    expect((await call(jobsPage.loader, getRequest('/admin/jobs', someone))).status).toBe(403)
    const retry = formRequest(
      '/admin/jobs',
      { intent: 'retry', jobId: deadId },
      { cookie: someone },
    )
    expect((await call(jobsPage.action, retry)).status).toBe(403)
    expect((await call(jobsPage.loader, getRequest('/admin/jobs'))).status).toBe(302)
  })

  test('shows the counts per state and the dead job with its error', async () => {
    const page = await call(jobsPage.loader, getRequest('/admin/jobs', admin))
    expect(page.status).toBe(200)
    const overview = page.data as Awaited<ReturnType<typeof jobsPage.loader>>
    expect(overview.counts).toMatchObject({ queued: 1, dead: 1, failed: 0, active: 0 })
    expect(overview.jobs.find((j) => j.id === deadId)).toMatchObject({
      name: 'test.broken',
      key: 'broken:1',
      state: 'dead',
      attempts: 1,
      lastError: expect.stringContaining('relay denied'),
    })
  })

  test('retry gives a dead job another attempt and goes back (303); bad input is a 400', async () => {
    const post = (fields: Record<string, string>) =>
      call(jobsPage.action, formRequest('/admin/jobs', fields, { cookie: admin }))
    expect((await post({ intent: 'retry' })).status).toBe(400)
    expect((await post({ intent: 'delete', jobId: deadId })).status).toBe(400)
    expect((await post({ intent: 'retry', jobId: 'not-a-job' })).status).toBe(400)

    const done = await post({ intent: 'retry', jobId: deadId })
    expect(done.status).toBe(303)
    expect(done.location).toBe('/admin/jobs')
    expect((await jobQueue().counts()).dead).toBe(0)
    // Only a dead job can be retried: a second retry is refused.
    expect((await post({ intent: 'retry', jobId: deadId })).status).toBe(400)

    const ran: string[] = []
    await jobQueue().runDue({ 'test.broken': async (_p, job) => void ran.push(job.id) })
    expect(ran).toEqual([deadId])
  })
})
