/**
 * Every job the app knows, with its retry policy. The handlers live in tasks.server.ts;
 * this file has no imports, so senders (the mailer) and the queue can both read it.
 */
export const JOB_NAMES = [
  'email.deliver',
  'assignments.remind',
  'uploads.cleanup',
  'lti.score',
  'lrs.forward',
  'privacy.erase',
  'privacy.retention',
] as const
export type JobName = (typeof JOB_NAMES)[number]

export const JOB_POLICY: Record<JobName, { attempts: number; backoffSeconds: number }> = {
  // SMTP hiccups: about 10 s, 20 s, 40 s, 80 s between the five attempts (pg-boss adds
  // up to as much again at random, so instances do not retry in step).
  'email.deliver': { attempts: 5, backoffSeconds: 10 },
  'assignments.remind': { attempts: 3, backoffSeconds: 60 },
  'uploads.cleanup': { attempts: 3, backoffSeconds: 300 },
  // A platform down for maintenance: 30 s doubling to about an hour, some two hours in all.
  'lti.score': { attempts: 8, backoffSeconds: 30 },
  // An organisation's LRS down: 30 s doubling to about four hours, some eight in all; after
  // that the sweep (every two minutes) starts a new job. Nothing waits in the job itself.
  'lrs.forward': { attempts: 10, backoffSeconds: 30 },
  // An erasure rolls back as a whole when it fails; three tries, then an admin looks.
  'privacy.erase': { attempts: 3, backoffSeconds: 300 },
  // A night's retention: every organisation again on a retry (what went is gone, so a rerun
  // deletes only what is left); three tries five minutes apart, then it waits for tomorrow.
  'privacy.retention': { attempts: 3, backoffSeconds: 300 },
}

/** A job not in the catalog (tests) gets these. */
export const DEFAULT_POLICY = { attempts: 3, backoffSeconds: 30 }

export function policyOf(name: string) {
  return (
    (JOB_POLICY as Record<string, { attempts: number; backoffSeconds: number }>)[name] ??
    DEFAULT_POLICY
  )
}
