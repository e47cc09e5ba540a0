import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from 'react-router'
import type { Route } from './+types/root'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getMemberships, getUser } from '#app/auth/authorize.server.ts'
import { isCrossOriginWrite } from '#app/auth/origin.server.ts'
import { can, EMPLOYER_ROLES, QUALITY_PERMISSIONS, TRAINER_ROLES } from '#app/auth/roles.ts'
import { DEFAULT_LOCALE, translator, type Locale } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import stylesheet from '#app/styles/app.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

/** Cross-origin writes are refused for every route before any action runs (CSRF). */
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request }, next) => {
    if (isCrossOriginWrite(request)) {
      throw new Response('Cross-origin request refused', { status: 403 })
    }
    return next()
  },
]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getUser(request)
  const memberships = user ? await getMemberships(user.id) : []
  const roles = memberships.flatMap((m) => m.roles)
  const employerOf = memberships.find((m) => m.roles.some((r) => EMPLOYER_ROLES.includes(r)))
  // A quality coach is no employer: their way into the organisation is its quality pages.
  const qualityOf = employerOf
    ? undefined
    : memberships.find((m) => QUALITY_PERMISSIONS.some((p) => can(m.roles, p)))
  return {
    locale: getLocale(request),
    user: user ? { name: user.name } : null,
    // What the menu offers mirrors what the server allows (the server still checks).
    areas: {
      // The employer's area is their (first) organisation's progress matrix.
      employer: employerOf ? `/orgs/${employerOf.organisation.slug}/matrix` : null,
      quality: qualityOf ? `/orgs/${qualityOf.organisation.slug}/quality` : null,
      trainer: roles.some((r) => TRAINER_ROLES.includes(r)),
      admin: user?.isPlatformAdmin ?? false,
    },
  }
}

export type RootData = Awaited<ReturnType<typeof loader>>

export function Layout({ children }: { children: React.ReactNode }) {
  // The error boundary renders inside this layout too, when the root loader may have failed.
  const data = useRouteLoaderData('root') as { locale?: Locale } | undefined
  const locale = data?.locale ?? DEFAULT_LOCALE
  const t = translator(locale)
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('footer.text')}</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

function SiteHeader() {
  const { t, locale } = useTranslation()
  const location = useLocation()
  const root = useRouteLoaderData('root') as RootData | undefined
  const other = locale === 'nl' ? 'en' : 'nl'
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        {t('app.name')}
      </Link>
      <nav aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/dossiers">{t('nav.dossiers')}</NavLink>
          </li>
          <li>
            <NavLink to="/competencies">{t('nav.competencies')}</NavLink>
          </li>
          <li>
            <NavLink to="/courses">{t('nav.courses')}</NavLink>
          </li>
          {root?.user ? (
            <>
              <li>
                <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
              </li>
              <li>
                <NavLink to="/records">{t('nav.records')}</NavLink>
              </li>
            </>
          ) : null}
          {root?.areas.employer ? (
            <li>
              <NavLink to={root.areas.employer}>{t('nav.employer')}</NavLink>
            </li>
          ) : null}
          {root?.areas.quality ? (
            <li>
              <NavLink to={root.areas.quality}>{t('quality.title')}</NavLink>
            </li>
          ) : null}
          {root?.areas.trainer ? (
            <li>
              <NavLink to="/trainer">{t('nav.trainer')}</NavLink>
            </li>
          ) : null}
          {root?.areas.admin ? (
            <li>
              <NavLink to="/admin">{t('nav.admin')}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="account-menu">
        {root?.user ? (
          <>
            <NavLink to="/account">{root.user.name}</NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="header-button">
                {t('nav.logout')}
              </button>
            </Form>
          </>
        ) : (
          <NavLink to="/login">{t('nav.login')}</NavLink>
        )}
      </div>
      {/* A plain form, so the switch works without JavaScript; the cookie makes it stick. */}
      <Form method="post" action="/lang" className="lang-switch">
        <input type="hidden" name="lang" value={other} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" lang={other} title={t('lang.switchToHint')} className="header-button">
          {t('lang.switchTo')}
        </button>
      </Form>
    </header>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
