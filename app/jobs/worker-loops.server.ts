/**
 * The workers of one queue engine in this process: one loop per job name that runs due jobs
 * one after another and, when none was due, sleeps for the poll interval or until `wake()`
 * (a job was just enqueued here). `stop()` lets the loops finish their current job, up to a
 * time-out; a job still running then is picked up again once its claim expires. Both queues
 * (SQLite, pg-boss) use it; only how a job is claimed and recorded differs.
 */
export class WorkerLoops {
  private stopping = false
  private loops: Promise<void>[] = []
  private readonly wakeUps = new Set<() => void>()

  constructor(private readonly pollMs: number) {}

  /** Start a loop; `runOne` runs one due job and says whether there was one. */
  start(name: string, runOne: () => Promise<boolean>) {
    this.stopping = false
    this.loops.push(this.loop(name, runOne))
  }

  /** Idle loops look for work now instead of at their next poll. */
  wake() {
    for (const wake of this.wakeUps) wake()
  }

  async stop(timeoutMs: number) {
    this.stopping = true
    this.wake()
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.all(this.loops),
      new Promise((r) => (timer = setTimeout(r, timeoutMs))),
    ])
    clearTimeout(timer)
    this.loops = []
  }

  private async loop(name: string, runOne: () => Promise<boolean>) {
    while (!this.stopping) {
      let ran = false
      try {
        ran = await runOne()
      } catch (error) {
        // The database was busy or gone for a moment: try again after the poll interval.
        console.warn(`jobs: worker for ${name} failed:`, (error as Error).message)
      }
      if (!ran && !this.stopping) await this.sleep(this.pollMs)
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        this.wakeUps.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      this.wakeUps.add(wake)
    })
  }
}
