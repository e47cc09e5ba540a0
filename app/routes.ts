import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('dossiers', 'routes/dossiers.tsx'),
  route('dossiers/:slug', 'routes/dossier.tsx'),
  route('dossiers/:slug/:code', 'routes/work-process.tsx'),
  route('competencies', 'routes/competencies.tsx'),
  route('lang', 'routes/lang.ts'),
  route('healthz', 'routes/healthz.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
