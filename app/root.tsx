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
import {
  Award,
  BookOpen,
  Building2,
  ClipboardCheck,
  ClipboardList,
  GraduationCap,
  House,
  Languages,
  LayoutDashboard,
  ListChecks,
  LogIn,
  LogOut,
  Menu,
  PencilRuler,
  Settings,
  User,
  X,
  type LucideIcon,
} from 'lucide-react'
import { useRef, useState } from 'react'
import type { Route } from './+types/root'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getMemberships, getSession, sessionFrameAncestors } from '#app/auth/authorize.server.ts'
import { isCrossOriginWrite } from '#app/auth/origin.server.ts'
import { inRequestScope } from '#app/utils/request-scope.server.ts'
import { frameAncestors, isLtiEntryPoint } from '#app/integrations/lti/frame-policy.ts'
import { isPackageContentPath } from '#app/packages/content-policy.ts'
import { isXapiPath } from '#app/xapi/http.server.ts'
import { can, EMPLOYER_ROLES, QUALITY_PERMISSIONS } from '#app/auth/roles.ts'
import { DEFAULT_LOCALE, translator, type Locale, type TextKey } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import fontStylesheet from '@fontsource-variable/inter/wght.css?url'
import stylesheet from '#app/styles/app.css?url'

export const links: Route.LinksFunction = () => [
  // The font is served by us (bundled from npm), never fetched from a third party.
  { rel: 'stylesheet', href: fontStylesheet },
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/**
 * Cross-origin writes are refused for every route before any action runs (CSRF), except the
 * two LTI entry points a platform posts its signed messages to, and what sandboxed package
 * content calls with its launch's token, never a cookie: our LRS (/xapi/) and the SCORM
 * runtime's commit (/package-content/). Every answer says who may frame it (clickjacking;
 * app/integrations/lti/frame-policy.ts).
 */
export const middleware: Route.MiddlewareFunction[] = [
  // Everything runs in the request's scope: the session is read once for all loaders.
  ({ request }, next) => inRequestScope(() => guardAndFrame(request, next)),
]

async function guardAndFrame(request: Request, next: () => Promise<Response>) {
  const { pathname } = new URL(request.url)
  // A package's SCORM runtime commits from its sandbox (an opaque origin): its URL's
  // token is its key, it has no session to ride on, and it sets its own sandbox policy.
  const packageContent = isPackageContentPath(pathname)
  const tokenOnly = packageContent || isXapiPath(pathname)
  if (isCrossOriginWrite(request) && !isLtiEntryPoint(pathname) && !tokenOnly) {
    throw new Response('Cross-origin request refused', { status: 403 })
  }
  const response = await next()
  if (packageContent) return response
  const allowedFramers = await sessionFrameAncestors(request)
  try {
    response.headers.set('Content-Security-Policy', frameAncestors(pathname, allowedFramers))
  } catch {
    // A response with immutable headers (a proxied fetch) keeps its own.
  }
  return response
}

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getSession(request)
  const user = session?.user ?? null
  const memberships = user ? await getMemberships(user) : []
  const roles = memberships.flatMap((m) => m.roles)
  const employerOf = memberships.find((m) => m.roles.some((r) => EMPLOYER_ROLES.includes(r)))
  // A quality coach is no employer: their way into the organisation is its quality pages.
  const qualityOf = employerOf
    ? undefined
    : memberships.find((m) => QUALITY_PERMISSIONS.some((p) => can(m.roles, p)))
  // The trainer area's pages beyond its index are for authors (requireAuthor): an assessor who
  // writes no courses (a team leader who also assesses) is offered their queue instead.
  const trainer = (user?.isPlatformAdmin ?? false) || can(roles, 'author:courses:org')
  const assessorOf =
    trainer || employerOf ? undefined : memberships.find((m) => can(m.roles, 'assess:evidence:org'))
  return {
    locale: getLocale(request),
    user: user ? { name: user.name } : null,
    // Opened from a learning platform (LTI), inside its page: a lighter frame around ours.
    embedded: session?.frameAncestors != null,
    // What the menu offers mirrors what the server allows (the server still checks).
    areas: {
      // The employer's area is their (first) organisation's progress matrix.
      employer: employerOf ? `/orgs/${employerOf.organisation.slug}/matrix` : null,
      quality: qualityOf ? `/orgs/${qualityOf.organisation.slug}/quality` : null,
      assessments: assessorOf ? `/orgs/${assessorOf.organisation.slug}/assessments` : null,
      trainer,
      admin: user?.isPlatformAdmin ?? false,
    },
  }
}

export type RootData = Awaited<ReturnType<typeof loader>>

/** Without JavaScript the menu button cannot work: the menu stays open and the button hidden. */
const NO_SCRIPT_MENU =
  'html .site-menu[data-open=false]{display:flex}html .site-header .menu-button{display:none}'

export function Layout({ children }: { children: React.ReactNode }) {
  // The error boundary renders inside this layout too, when the root loader may have failed.
  const data = useRouteLoaderData('root') as { locale?: Locale; embedded?: boolean } | undefined
  const locale = data?.locale ?? DEFAULT_LOCALE
  const t = translator(locale)
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#073f54" />
        <Meta />
        <Links />
        <noscript>
          <style>{NO_SCRIPT_MENU}</style>
        </noscript>
      </head>
      <body className={data?.embedded ? 'embedded' : undefined}>
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

type NavItem = { to: string; label: TextKey; icon: LucideIcon; end?: boolean }

/** The main menu's links for this person, in reading order: public first, then their areas. */
function navItems(root: RootData | undefined): NavItem[] {
  const items: Array<NavItem | null> = [
    { to: '/', label: 'nav.home', icon: House, end: true },
    { to: '/dossiers', label: 'nav.dossiers', icon: BookOpen },
    { to: '/competencies', label: 'nav.competencies', icon: ListChecks },
    { to: '/courses', label: 'nav.courses', icon: GraduationCap },
    root?.user ? { to: '/dashboard', label: 'nav.dashboard', icon: LayoutDashboard } : null,
    root?.user ? { to: '/records', label: 'nav.records', icon: Award } : null,
    root?.areas.employer
      ? { to: root.areas.employer, label: 'nav.employer', icon: Building2 }
      : null,
    root?.areas.quality
      ? { to: root.areas.quality, label: 'quality.title', icon: ClipboardCheck }
      : null,
    root?.areas.assessments
      ? { to: root.areas.assessments, label: 'assessment.queue', icon: ClipboardList }
      : null,
    root?.areas.trainer ? { to: '/trainer', label: 'nav.trainer', icon: PencilRuler } : null,
    root?.areas.admin ? { to: '/admin', label: 'nav.admin', icon: Settings } : null,
  ]
  return items.filter((item) => item !== null)
}

/**
 * The site header: brand, main menu, account and language. On a laptop everything sits in one
 * row; below 900 px the menu folds behind a button (app.css), closing again on navigation.
 */
function SiteHeader() {
  const { t } = useTranslation()
  const location = useLocation()
  const root = useRouteLoaderData('root') as RootData | undefined
  // The menu is open for the page it was opened on: any navigation closes it again.
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === location.key
  const setOpen = (next: boolean) => setOpenOn(next ? location.key : null)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <header
      className="site-header"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false)
          button.current?.focus()
        }
      }}
    >
      <Link to="/" className="brand">
        <BrandMark />
        <span className="brand-text">{t('app.name')}</span>
      </Link>
      <button
        ref={button}
        type="button"
        className="header-button menu-button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen(!open)}
      >
        {open ? (
          <X className="icon" aria-hidden="true" />
        ) : (
          <Menu className="icon" aria-hidden="true" />
        )}
        {t('design.menu')}
      </button>
      <div id="site-menu" className="site-menu" data-open={open}>
        <nav aria-label={t('nav.label')} className="site-nav">
          <ul>
            {navItems(root).map(({ to, label, icon: Icon, end }) => (
              <li key={to}>
                <NavLink to={to} end={end}>
                  <Icon className="icon" size={16} aria-hidden="true" />
                  {t(label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {/* On a laptop the logout and language buttons show an icon and a short code only;
            their full words stay their accessible names (and show in the phone menu). */}
        <div className="account-menu">
          {root?.user ? (
            <>
              <NavLink to="/account" title={t('design.account')}>
                <User className="icon" size={16} aria-hidden="true" />
                <span className="account-name">{root.user.name}</span>
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="header-button" title={t('nav.logout')}>
                  <LogOut className="icon" size={16} aria-hidden="true" />
                  <span className="compact-hidden">{t('nav.logout')}</span>
                </button>
              </Form>
            </>
          ) : (
            <NavLink to="/login">
              <LogIn className="icon" size={16} aria-hidden="true" />
              {t('nav.login')}
            </NavLink>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  )
}

/** A plain form, so the switch works without JavaScript; the cookie makes it stick. */
function LanguageSwitch() {
  const { t, locale } = useTranslation()
  const location = useLocation()
  const other = locale === 'nl' ? 'en' : 'nl'
  return (
    <Form method="post" action="/lang" className="lang-switch">
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" lang={other} title={t('lang.switchToHint')} className="header-button">
        <Languages className="icon" size={16} aria-hidden="true" />
        <span className="compact-only" aria-hidden="true">
          {other.toUpperCase()}
        </span>
        <span className="compact-hidden">{t('lang.switchTo')}</span>
      </button>
    </Form>
  )
}

/** The brand's mark, the same drawing as public/favicon.svg. */
function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#ffffff" />
      <path d="M9 8h4v12h10v4H9z" fill="#0b5c7a" />
      <circle cx="23" cy="11" r="3" fill="#c2410c" />
    </svg>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
