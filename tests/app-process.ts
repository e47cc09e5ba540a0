import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { TEST_DATA_DIR } from './test-database.ts'

/**
 * Two Vitest workers may ask at the same time, and two builds writing one build/ folder would
 * break each other: one builds while the other waits, then finds the build current. The lock
 * lives in the test data folder, which every run empties first, so a killed run leaves none.
 */
const BUILD_LOCK = path.join(TEST_DATA_DIR, 'build.lock')

/** Build the production app once (no-op when up to date), before starting servers. */
export function buildApp() {
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      Atomics.wait(pause, 0, 0, 500)
    }
  }
  try {
    const result = spawnSync('node', ['scripts/start.mjs', '--build-only'], { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`)
  } finally {
    fs.rmdirSync(BUILD_LOCK)
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type AppProcess = { url: string; process: ChildProcess; output: () => string }

/**
 * Start the product as `npm start` does, on a port of its own; resolves once /healthz answers.
 * `env` adds or overrides environment variables (e.g. a storage bucket); as a function it gets
 * the app's own URL (e.g. to make it the PUBLIC_URL).
 */
export async function startApp(
  databaseUrl: string,
  timeoutMs = 120_000,
  extraEnv: Record<string, string> | ((url: string) => Record<string, string>) = {},
): Promise<AppProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env = typeof extraEnv === 'function' ? extraEnv(url) : extraEnv
  const child = spawn('node', ['scripts/start.mjs'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      // One process, as before workers: forking one per core costs every test server startup
      // time and memory. tests/cluster.test.ts asks for workers.
      WEB_CONCURRENCY: '1',
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited (${child.exitCode}):\n${output}`)
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, process: child, output: () => output }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill()
  throw new Error(`app did not answer within ${timeoutMs} ms:\n${output}`)
}

export async function stopApp(app: AppProcess | undefined) {
  // Already gone: exited, or killed by a signal (a test's SIGKILL).
  if (!app || app.process.exitCode !== null || app.process.signalCode !== null) return
  const exited = new Promise((resolve) => app.process.once('exit', resolve))
  app.process.kill('SIGTERM')
  await exited
}

/** The pid of the HTTP server itself: scripts/start.mjs runs server.mjs as its child. */
export function serverPid(app: AppProcess): number {
  const children = childPids(app.process.pid!)
  if (children.length !== 1) throw new Error(`expected one server process, found ${children}`)
  return children[0]!
}

/** The pids of a process's children (e.g. a cluster primary's workers). */
export function childPids(parent: number): number[] {
  return fs
    .readdirSync(`/proc/${parent}/task`)
    .flatMap((task) =>
      fs.readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8').trim().split(/\s+/),
    )
    .filter(Boolean)
    .map(Number)
}

/** A process's peak resident memory so far (VmHWM) and its current one (VmRSS), in MiB. */
export function memoryOf(pid: number): { peakMiB: number; residentMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1])
  return { peakMiB: Math.round(kib('VmHWM') / 1024), residentMiB: Math.round(kib('VmRSS') / 1024) }
}
