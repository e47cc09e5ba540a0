// The process lessons are compiled in (see lesson-workers.server.ts). Plain JavaScript, so
// Node starts it the same way under vitest, the tsx CLIs and the production server, whose
// bundle does not contain it: the compile itself is TypeScript, loaded through tsx (a runtime
// dependency) from the sources next to this file.
import { tsImport } from 'tsx/esm/api'

const { compileLesson } = await tsImport('./compile-mdx.server.ts', import.meta.url)
// The first compile loads the rest of the MDX pipeline and starts esbuild: done before the
// worker says it is ready, so a lesson's deadline measures only its own compile.
await compileLesson('---\n---\n\nKlaar.\n', process.cwd(), { safe: true })

process.on('message', async ({ source, cwd, safe }) => {
  try {
    process.send({ result: await compileLesson(source, cwd, { safe }) })
  } catch (error) {
    process.send({ error: error instanceof Error ? error.message : String(error) })
  }
})
// The server went away: nobody is left to answer.
process.on('disconnect', () => process.exit(0))
process.send({ ready: true })
