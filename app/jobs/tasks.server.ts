import { deliverEmail, type MailTransport } from '#app/email/mailer.server.ts'
import { postScore } from '#app/integrations/lti/grade-passback.server.ts'
import { forwardPending } from '#app/integrations/lrs/delivery.server.ts'
import { sendReminders } from '#app/employer/assignments.server.ts'
import { remindFollowUps } from '#app/quality/coaching.server.ts'
import { carryOutDueErasures, carryOutErasure } from '#app/privacy/erasure-requests.server.ts'
import { applyRetentionEverywhere } from '#app/privacy/retention.server.ts'
import { abortStaleUploads } from '#app/storage/uploads.server.ts'
import { now as clockNow } from './clock.server.ts'
import type { JobName } from './job-catalog.ts'
import type { JobHandler } from './job-queue.ts'

export type TaskDependencies = {
  /** The mail transport (default: SMTP when SMTP_URL is set, else the outbox). */
  transport?: MailTransport
  /** "Now" for the reminders (default: the app's clock). */
  now?: () => Date
}

/**
 * What each job of the catalog does: the one place handlers are registered. Every handler
 * is idempotent, because a job may run more than once (docs/decisions/020-job-queue.md).
 */
export function createTasks(deps: TaskDependencies = {}): Record<JobName, JobHandler> {
  return {
    // Skips an e-mail that is sent already; a failure is recorded on the e-mail and thrown.
    'email.deliver': async (payload) => {
      await deliverEmail(String(payload.emailId), deps.transport)
    },
    // Each assignment, and each coaching session due for its follow-up, is claimed before
    // its reminder is sent: a second run sends nothing twice. The day's one reminder run.
    'assignments.remind': async () => {
      const now = (deps.now ?? clockNow)()
      await sendReminders(null, now)
      await remindFollowUps(now)
    },
    // Uploads left open (or completed, never handed in) for a day: parts and objects go.
    'uploads.cleanup': async () => {
      await abortStaleUploads((deps.now ?? clockNow)())
    },
    // A learner's current score on an LTI link to the platform's line item; skips what the
    // platform accepted already, throws when it is down or refuses (retried with back-off).
    'lti.score': async (payload) => {
      await postScore(String(payload.resourceLinkId), String(payload.ltiUserId))
    },
    // What an organisation's own LRS lacks, in batches; receipts only after the LRS took a
    // batch, so a rerun sends only the rest. Throws while the LRS is down (retried).
    'lrs.forward': async (payload) => {
      await forwardPending(String(payload.organisationId))
    },
    // One approved erasure request, or (the daily run) every approved one that was waiting
    // for a legal hold or an exam-retention period. A request that is done is left alone.
    'privacy.erase': async (payload) => {
      const now = (deps.now ?? clockNow)()
      if (payload.requestId) await carryOutErasure(String(payload.requestId), now)
      else await carryOutDueErasures(now)
    },
    // Every organisation's retention periods, each organisation in its own transaction; a
    // second run the same day finds nothing more than the time since the first has aged.
    'privacy.retention': async () => {
      await applyRetentionEverywhere((deps.now ?? clockNow)())
    },
  }
}
