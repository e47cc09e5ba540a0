import { fork, type ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import path from 'node:path'
import type { CompileResult } from './compile-mdx.server.ts'

/**
 * A small pool of worker processes that compile lessons, so a compile that runs long never
 * holds up the thread every request is answered on. A compile past its deadline is stopped
 * by killing its worker (a parser stuck in a loop cannot be asked to stop); the next compile
 * gets a fresh one.
 *
 * Processes, not worker threads: esbuild (inside mdx-bundler) runs a child process of its own
 * per thread. A terminated thread leaves that child behind as a zombie, printing a Go panic;
 * a killed process takes it along quietly.
 */

// Found from the project folder, like `courses/` and `build/`: the production server runs
// from the bundle in build/server, where a path relative to this module would not exist.
const WORKER_FILE = path.resolve('app', 'content', 'judge-lesson.worker.mjs')
const POOL_SIZE = 2
// A lesson that needs more memory than this is refused, not the server's memory exhausted.
const MEMORY_MB = 256

export type CompileTask = { source: string; cwd: string; safe: boolean }
export type WorkerOutcome =
  | { done: true; result: CompileResult }
  | { done: false; reason: 'deadline' | 'crashed'; detail?: string }
type Message = { ready?: true; result?: CompileResult; error?: string }

const idle: ChildProcess[] = []
let busy = 0
const waiting: Array<() => void> = []

export async function compileInWorker(task: CompileTask, deadlineMs: number) {
  if (busy >= POOL_SIZE) await new Promise<void>((resolve) => waiting.push(resolve))
  busy++
  try {
    const worker = idle.pop() ?? (await startWorker())
    forget(worker)
    hold(worker, true)
    const outcome = await run(worker, task, deadlineMs)
    if (outcome.done) {
      hold(worker, false)
      idle.push(worker)
      // A worker that dies while it waits is not handed the next lesson.
      worker.once('exit', () => idle.splice(idle.indexOf(worker), 1))
    } else worker.kill('SIGKILL')
    return outcome
  } finally {
    busy--
    waiting.shift()?.()
  }
}

/** A worker that has loaded the compiler; one that cannot start is a fault of the installation. */
function startWorker(): Promise<ChildProcess> {
  const worker = fork(WORKER_FILE, [], {
    // Not the parent's flags (a tsx CLI's loader, vitest's): the worker loads tsx itself.
    execArgv: [`--max-old-space-size=${MEMORY_MB}`],
    // Its stderr is kept only to explain a failed start: esbuild's child writes a Go panic
    // there when its worker is killed mid-compile.
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  })
  let stderr = ''
  worker.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  return new Promise((resolve, reject) => {
    worker.once('error', (error) => {
      forget(worker)
      reject(error)
    })
    worker.once('exit', (code) => {
      forget(worker)
      reject(new Error(`the lesson worker stopped before it was ready (exit ${code}):\n${stderr}`))
    })
    worker.once('message', () => {
      forget(worker)
      resolve(worker)
    })
  })
}

function run(worker: ChildProcess, task: CompileTask, deadlineMs: number): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const settle = (outcome: WorkerOutcome) => {
      clearTimeout(timer)
      forget(worker)
      resolve(outcome)
    }
    const timer = setTimeout(() => settle({ done: false, reason: 'deadline' }), deadlineMs)
    worker.once('message', (message: Message) =>
      settle(
        message.result
          ? { done: true, result: message.result }
          : { done: false, reason: 'crashed', detail: message.error },
      ),
    )
    // Out of memory, or killed from outside: the worker is gone, the lesson refused.
    worker.once('exit', (code, signal) =>
      settle({ done: false, reason: 'crashed', detail: `exit ${signal ?? code}` }),
    )
    worker.send(task)
  })
}

function forget(worker: ChildProcess) {
  for (const event of ['message', 'error', 'exit']) worker.removeAllListeners(event)
}

/** An idle worker must not keep a CLI or a test run from ending; a busy one must. */
function hold(worker: ChildProcess, working: boolean) {
  // A piped stdio stream of a child is a socket.
  for (const handle of [worker, worker.channel, worker.stderr as Socket | null]) {
    if (working) handle?.ref()
    else handle?.unref()
  }
}
