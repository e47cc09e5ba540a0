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
import { DEFAULT_LOCALE, translator, type Locale } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import stylesheet from '#app/styles/app.css?url'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

export async function loader({ request }: Route.LoaderArgs) {
  return { locale: getLocale(request) }
}

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
        </ul>
      </nav>
      {/* A plain form, so the switch works without JavaScript; the cookie makes it stick. */}
      <Form method="post" action="/lang" className="lang-switch">
        <input type="hidden" name="lang" value={other} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" lang={other} title={t('lang.switchToHint')}>
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
