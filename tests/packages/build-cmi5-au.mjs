// Bundles the cmi5 test AU (tests/packages/cmi5-script/main.ts with @xapi/cmi5, which is
// browser-only) into tests/packages/cmi5-script/au.js. The bundle is never committed: test
// and e2e setup run this. Usage: node tests/packages/build-cmi5-au.mjs
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cmi5-script')

export async function buildCmi5Au() {
  await build({
    entryPoints: [path.join(folder, 'main.ts')],
    outfile: path.join(folder, 'au.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // The ESM build: its default export is the Cmi5 class itself.
    mainFields: ['module', 'main'],
    target: 'es2020',
    logLevel: 'warning',
  })
  return path.join(folder, 'au.js')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCmi5Au()
