import { spawn } from 'node:child_process'
import path from 'node:path'
import { reactRouter } from '@react-router/dev/vite'
import { defineConfig, type Plugin } from 'vite'

/**
 * Dev mode: when a file under courses/ changes, re-import the content (check, compile the
 * changed lessons, publish into the database) and reload the open page. Requests still never
 * compile MDX; the import does, as on start.
 */
function coursesReload(): Plugin {
  return {
    name: 'leerplein:courses-reload',
    apply: 'serve',
    configureServer(server) {
      const folder = path.resolve('courses')
      server.watcher.add(folder)
      let running: Promise<void> | null = null
      server.watcher.on('change', (file) => {
        if (!file.startsWith(folder) || running) return
        running = new Promise<void>((resolve) => {
          const child = spawn(
            path.resolve('node_modules/.bin/tsx'),
            ['app/cli/import-courses.ts'],
            {
              stdio: 'inherit',
            },
          )
          child.on('exit', () => {
            running = null
            server.ws.send({ type: 'full-reload' })
            resolve()
          })
        })
      })
    },
  }
}

export default defineConfig({
  plugins: [reactRouter(), coursesReload()],
})
