import { expect, test } from 'vitest'
import { frameAncestors, isLtiEntryPoint } from './frame-policy.ts'

test('our pages may be framed only by us, or inside a platform by that platform', () => {
  expect(frameAncestors('/dashboard', null)).toBe("frame-ancestors 'self'")
  expect(frameAncestors('/courses/x/y', ['https://moodle.rocnoord.example'])).toBe(
    "frame-ancestors 'self' https://moodle.rocnoord.example",
  )
})

test('the LTI entry pages a platform frames before sign-in may be framed by any site', () => {
  expect(frameAncestors('/lti/launch', null)).toBe('frame-ancestors *')
  expect(frameAncestors('/lti/register/abc', null)).toBe('frame-ancestors *')
  // The deep-linking picker has a session: it is framed only by that platform.
  expect(frameAncestors('/lti/deep-linking/abc', ['https://canvas.example'])).toBe(
    "frame-ancestors 'self' https://canvas.example",
  )
  expect(frameAncestors('/lti/launchpad', null)).toBe("frame-ancestors 'self'")
})

test('only the login and launch take cross-site posts', () => {
  expect(isLtiEntryPoint('/lti/launch')).toBe(true)
  expect(isLtiEntryPoint('/lti/login')).toBe(true)
  expect(isLtiEntryPoint('/lti/deep-linking/abc')).toBe(false)
  expect(isLtiEntryPoint('/login')).toBe(false)
})
