import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createClient, prisma } from '#app/db.server.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { makeMember, makeOrganisation } from '#tests/factories.ts'
import { TEST_DATA_DIR, testEngine } from '#tests/test-database.ts'
import { amsterdamDay, clockFromFile } from './clock.server.ts'
import {
  DailySchedule,
  erasureRecheckKey,
  reminderKey,
  retentionKey,
  uploadCleanupKey,
} from './daily-schedule.server.ts'
import type { JobQueue } from './job-queue.ts'
import { PgBossJobQueue } from './pg-boss-queue.server.ts'
import { SqliteJobQueue } from './sqlite-queue.server.ts'
import { createTasks } from './tasks.server.ts'

/**
 * The daily reminders, scheduled inside the app: two instances (two queue objects on this
 * file's database) tick with a clock the test moves by rewriting the clock file.
 */
const clockFile = path.join(TEST_DATA_DIR, `clock-${process.pid}-${Date.now()}.txt`)
const setClock = (iso: string) => fs.writeFileSync(clockFile, iso)
const now = clockFromFile(clockFile)

const clients: PrismaClient[] = []
function makeQueue(): JobQueue {
  const url = process.env.DATABASE_URL!
  if (testEngine === 'postgresql') {
    return new PgBossJobQueue({
      url,
      expireSeconds: 30,
      maintenanceSeconds: 1,
      pollSeconds: 0.5,
      keepDays: 14,
    })
  }
  const db = createClient(url)
  clients.push(db)
  return new SqliteJobQueue({ db, lockSeconds: 30, pollMs: 100, keepDays: 14 })
}

let instances: Array<{ queue: JobQueue; schedule: DailySchedule }>
let learnerEmail: string

beforeAll(async () => {
  instances = [makeQueue(), makeQueue()].map((queue) => ({
    queue,
    schedule: new DailySchedule(queue, now),
  }))
  const organisation = await makeOrganisation()
  const learner = await makeMember(organisation.id, ['learner'])
  learnerEmail = learner.user.email
  const employer = await makeMember(organisation.id, ['employer_admin'])
  // Due on 3 December 2026: within the reminder window on the 1st and the 2nd.
  await prisma.assignment.create({
    data: {
      organisationId: organisation.id,
      userId: learner.user.id,
      kind: 'work_process',
      dossierSlug: 'contactcenter-medewerker',
      workProcessCode: 'MW-K1-W1',
      dueAt: new Date('2026-12-03T16:00:00Z'),
      assignedById: employer.user.id,
    },
  })
})

afterAll(async () => {
  await Promise.all(instances.map((i) => i.queue.stop(1000)))
  await Promise.all(clients.map((c) => c.$disconnect()))
  fs.rmSync(clockFile, { force: true })
})

/** Every instance ticks `times` times, then runs what is due, as their workers would. */
async function tickEverywhere(times: number) {
  const enqueued: string[] = []
  for (let i = 0; i < times; i++) {
    // Both at the same moment, as two servers whose minutes coincide.
    const ids = await Promise.all(instances.map(({ schedule }) => schedule.tick()))
    enqueued.push(...ids.flat())
  }
  for (const { queue } of instances) await queue.runDue(createTasks({ now }))
  return enqueued
}

const reminders = () => prisma.email.count({ where: { to: learnerEmail } })

describe(`daily reminders scheduled in the app (${testEngine})`, () => {
  test('the clock: Amsterdam date and hour, summer and winter time', () => {
    expect(amsterdamDay(new Date('2026-12-01T06:05:00Z'))).toEqual({ date: '2026-12-01', hour: 7 })
    expect(amsterdamDay(new Date('2026-07-01T05:05:00Z'))).toEqual({ date: '2026-07-01', hour: 7 })
    expect(amsterdamDay(new Date('2026-12-01T23:30:00Z'))).toEqual({ date: '2026-12-02', hour: 0 })
  })

  test('before 07:00 nothing; after it, one run a day across instances however often they tick', async () => {
    setClock('2026-12-01T05:30:00Z') // 06:30 in Amsterdam
    expect(await tickEverywhere(3)).toEqual([])
    expect(await reminders()).toBe(0)

    // The reminders, the clean-up of stale uploads, retention and the re-check of waiting
    // erasures: four jobs a day.
    setClock('2026-12-01T06:05:00Z') // 07:05
    expect(await tickEverywhere(5)).toHaveLength(4)
    expect(await reminders()).toBe(1)
    setClock('2026-12-01T15:00:00Z') // later that day
    expect(await tickEverywhere(5)).toEqual([])
    expect(await reminders()).toBe(1)

    // The next day: once more.
    setClock('2026-12-02T07:10:00Z') // 08:10 on the 2nd
    expect(await tickEverywhere(5)).toHaveLength(4)
    expect(await tickEverywhere(5)).toEqual([])
    expect(await reminders()).toBe(2)

    const runs = await instances[0]!.queue.list(['completed'], 1000)
    expect(
      runs
        .filter((j) => j.name === 'assignments.remind')
        .map((j) => j.key)
        .sort(),
    ).toEqual([reminderKey('2026-12-01'), reminderKey('2026-12-02')])
    expect(
      runs
        .filter((j) => j.name === 'uploads.cleanup')
        .map((j) => j.key)
        .sort(),
    ).toEqual([uploadCleanupKey('2026-12-01'), uploadCleanupKey('2026-12-02')])
    expect(
      runs
        .filter((j) => j.name === 'privacy.erase')
        .map((j) => j.key)
        .sort(),
    ).toEqual([erasureRecheckKey('2026-12-01'), erasureRecheckKey('2026-12-02')])
    expect(
      runs
        .filter((j) => j.name === 'privacy.retention')
        .map((j) => j.key)
        .sort(),
    ).toEqual([retentionKey('2026-12-01'), retentionKey('2026-12-02')])
  })
})
