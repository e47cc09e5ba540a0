#!/usr/bin/env node
// Benchmark (issue 5): a cached lesson page against a plain page, on the production build.
// Starts the product on a fresh SQLite file on a free loopback port, warms up, then measures
// requests/second and p95 latency with autocannon (10 connections, 10 s each).
// Usage: node scripts/bench/lesson-page.mjs   (prints a Markdown table)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import autocannon from 'autocannon'

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address()
    s.close(() => resolve(port))
  })
})
const db = 'data/bench.db'
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true })
spawnSync('node', ['scripts/start.mjs', '--build-only'], { stdio: 'inherit' })
const server = spawn('node', ['scripts/start.mjs'], {
  env: { ...process.env, DATABASE_URL: `file:./${db}`, PORT: String(port), HOST: '127.0.0.1' },
  stdio: 'ignore',
})
const base = `http://127.0.0.1:${port}`
for (let i = 0; i < 240; i++) {
  if (
    await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break
  await new Promise((r) => setTimeout(r, 500))
}

const pages = {
  'plain page (/dossiers)': '/dossiers',
  'lesson page (/courses/tl-k2-coachen/tl-k2-w3-coachgesprek)':
    '/courses/tl-k2-coachen/tl-k2-w3-coachgesprek',
  'quiz page (/courses/tl-k2-coachen/tl-k2-w3-quiz)': '/courses/tl-k2-coachen/tl-k2-w3-quiz',
}
const rows = []
for (const [name, path] of Object.entries(pages)) {
  await autocannon({ url: base + path, connections: 10, duration: 2 }) // warm-up
  const r = await autocannon({ url: base + path, connections: 10, duration: 10 })
  rows.push(
    `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p97_5 ?? r.latency.p99} | ${r.non2xx} |`,
  )
}
server.kill('SIGTERM')
console.log('| page | requests/s | p50 ms | p97.5 ms | non-2xx |')
console.log('| --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
