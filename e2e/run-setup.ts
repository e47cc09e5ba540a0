import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

const PORT = Number(process.env.E2E_PORT ?? 3100)

/**
 * Run an e2e set-up script (`e2e/*-setup.ts`) in a child process against the e2e server's own
 * database, keys and files, as the server sees them. Returns the script's last output line
 * parsed as JSON, for scripts that print what the spec needs (null when it prints nothing).
 */
export function runSetup<T>(script: string, args: string[] = []): T | null {
  const folder = `data/e2e-${PORT}`
  const output = execFileSync('node', ['--import', 'tsx', script, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: fs.readFileSync(`${folder}/database-url`, 'utf8'),
      SIGNING_KEY_DIR: `${folder}/keys`,
      EVIDENCE_DIR: `${folder}/evidence`,
    },
    encoding: 'utf8',
  })
  const last = output.trim().split('\n').pop()
  return last ? (JSON.parse(last) as T) : null
}
