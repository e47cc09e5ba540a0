import { jobQueue } from './process-queue.server.ts'

/** The admin page: counts per state and the newest jobs that are waiting, retrying or dead. */
export async function jobOverview() {
  const queue = jobQueue()
  const [counts, jobs, completed] = await Promise.all([
    queue.counts(),
    queue.list(['queued', 'active', 'failed', 'dead'], 100),
    queue.list(['completed'], 20),
  ])
  return { counts, jobs, completed }
}

/** Give a dead job one more attempt; false when there is no dead job with this id. */
export function retryDeadJob(id: string) {
  return jobQueue().retry(id)
}
