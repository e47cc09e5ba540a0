import { env } from '#app/env.server.ts'

/**
 * A learner as an xAPI Agent: an account on this platform (never the e-mail address), whose
 * homePage is PUBLIC_URL, so the same learner has the same identifier whatever host name a
 * request came in through. Used in our own statements, in cmi5 launches and by the LRS to
 * check that a statement is about the launch's own learner.
 */
export function learnerAgent(userId: string) {
  return {
    objectType: 'Agent' as const,
    account: { homePage: env.PUBLIC_URL, name: userId },
  }
}
