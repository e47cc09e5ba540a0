import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { learnerAgent } from '#app/xapi/learner-agent.server.ts'
import {
  AU_ID,
  fetchAuth,
  launchCmi5,
  makeCmi5Lesson,
  type Cmi5Lesson,
} from '#tests/cmi5-fixtures.ts'
import { makeUser } from '#tests/factories.ts'
import { xapi } from '#tests/xapi-client.ts'

let cmi5: Cmi5Lesson
beforeAll(async () => {
  cmi5 = await makeCmi5Lesson()
})

async function launched() {
  const user = await makeUser()
  const { attempt, launch } = await launchCmi5(user.id, cmi5)
  const auth = await fetchAuth(launch.fetchToken!)
  const agent = encodeURIComponent(JSON.stringify(learnerAgent(user.id)))
  const activity = encodeURIComponent(AU_ID)
  return { user, attempt, auth, agent, activity }
}

describe('State resource', () => {
  test('PUT, GET with ETag, POST merges JSON, ids with since, DELETE', async () => {
    const { auth, agent, activity, attempt } = await launched()
    const base = `activities/state?activityId=${activity}&agent=${agent}&registration=${attempt.registration}`
    expect(
      (await xapi('PUT', `${base}&stateId=voortgang`, { auth, body: { pagina: 1 } })).status,
    ).toBe(204)
    const first = await xapi('GET', `${base}&stateId=voortgang`, { auth })
    expect(first.json).toEqual({ pagina: 1 })
    expect(first.headers.get('ETag')).toMatch(/^"[0-9a-f]{40}"$/)
    expect(
      (await xapi('POST', `${base}&stateId=voortgang`, { auth, body: { score: 3 } })).status,
    ).toBe(204)
    const merged = await xapi('GET', `${base}&stateId=voortgang`, { auth })
    expect(merged.json).toEqual({ pagina: 1, score: 3 })
    expect(merged.headers.get('ETag')).not.toBe(first.headers.get('ETag'))
    // State may be written without concurrency headers; a stale If-Match is refused.
    expect(
      (
        await xapi('PUT', `${base}&stateId=voortgang`, {
          auth,
          body: { pagina: 2 },
          headers: { 'If-Match': first.headers.get('ETag')! },
        })
      ).status,
    ).toBe(412)
    expect(
      (
        await xapi('PUT', `${base}&stateId=voortgang`, {
          auth,
          body: { pagina: 2 },
          headers: { 'If-None-Match': '*' },
        })
      ).status,
    ).toBe(412)
    expect(
      (await xapi('PUT', `${base}&stateId=voortgang`, { auth, body: { pagina: 2 } })).status,
    ).toBe(204)
    const ids = await xapi('GET', base, { auth })
    expect(ids.json).toEqual(['LMS.LaunchData', 'voortgang'])
    const later = await xapi(
      'GET',
      `${base}&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      { auth },
    )
    expect(later.json).toEqual([])
    expect((await xapi('POST', `${base}&stateId=voortgang`, { auth, raw: '[1,2]' })).status).toBe(
      400,
    )
    expect((await xapi('DELETE', `${base}&stateId=voortgang`, { auth })).status).toBe(204)
    expect((await xapi('GET', `${base}&stateId=voortgang`, { auth })).status).toBe(404)
  })

  test('only this learner, this AU and this registration', async () => {
    const { auth, agent, activity, attempt } = await launched()
    const other = await makeUser()
    const otherAgent = encodeURIComponent(JSON.stringify(learnerAgent(other.id)))
    const forOther = await xapi(
      'GET',
      `activities/state?activityId=${activity}&agent=${otherAgent}&stateId=LMS.LaunchData&registration=${attempt.registration}`,
      { auth },
    )
    expect(forOther.status).toBe(403)
    const otherActivity = await xapi(
      'GET',
      `activities/state?activityId=${encodeURIComponent('https://elders.example/au')}&agent=${agent}&stateId=x`,
      { auth },
    )
    expect(otherActivity.status).toBe(403)
  })

  test('another registration is refused', async () => {
    const { auth, agent, activity } = await launched()
    const answer = await xapi(
      'GET',
      `activities/state?activityId=${activity}&agent=${agent}&stateId=LMS.LaunchData&registration=${randomUUID()}`,
      { auth },
    )
    expect(answer.status).toBe(403)
  })
})

describe('Activity and Agent Profile resources', () => {
  test('a profile PUT over an existing one needs If-Match (409 without, 412 when stale)', async () => {
    const { auth, agent, activity } = await launched()
    for (const base of [
      `activities/profile?activityId=${activity}&profileId=instellingen`,
      `agents/profile?agent=${agent}&profileId=cmi5LearnerPreferences`,
    ]) {
      expect(
        (await xapi('PUT', base, { auth, body: { languagePreference: 'nl-NL' } })).status,
      ).toBe(204)
      const held = await xapi('GET', base, { auth })
      const etag = held.headers.get('ETag')!
      expect((await xapi('PUT', base, { auth, body: { audioPreference: 'on' } })).status).toBe(409)
      expect(
        (
          await xapi('PUT', base, {
            auth,
            body: { audioPreference: 'on' },
            headers: { 'If-Match': '"0000"' },
          })
        ).status,
      ).toBe(412)
      expect(
        (
          await xapi('PUT', base, {
            auth,
            body: { audioPreference: 'on' },
            headers: { 'If-None-Match': '*' },
          })
        ).status,
      ).toBe(412)
      expect(
        (
          await xapi('PUT', base, {
            auth,
            body: { audioPreference: 'on' },
            headers: { 'If-Match': etag },
          })
        ).status,
      ).toBe(204)
      expect((await xapi('GET', base, { auth })).json).toEqual({ audioPreference: 'on' })
      expect(
        (await xapi('POST', base, { auth, body: { languagePreference: 'nl-NL' } })).status,
      ).toBe(204)
      expect((await xapi('GET', base, { auth })).json).toEqual({
        audioPreference: 'on',
        languagePreference: 'nl-NL',
      })
      expect((await xapi('DELETE', base, { auth, headers: { 'If-Match': '"0000"' } })).status).toBe(
        412,
      )
      expect((await xapi('DELETE', base, { auth })).status).toBe(204)
      expect((await xapi('GET', base, { auth })).status).toBe(404)
    }
  })
})
