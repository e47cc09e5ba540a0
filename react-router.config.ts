import type { Config } from '@react-router/dev/config'

export default {
  appDirectory: 'app',
  ssr: true,
  // Route middleware: the root route refuses cross-origin writes for every route.
  future: { v8_middleware: true },
} satisfies Config
