import type { Route } from './+types/works-council-pdf'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { isLocale } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { worksCouncilPack } from '#app/privacy/works-council-pack.server.ts'
import { renderWorksCouncilPdf } from '#app/privacy/works-council-pdf.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** The works-council pack as a PDF (?lang=nl|en, else the site's language), for its admins. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  const lang = new URL(request.url).searchParams.get('lang')
  const locale = isLocale(lang) ? lang : getLocale(request)
  const pack = await worksCouncilPack(membership.organisation.id, locale)
  invariantResponse(pack)
  const pdf = await renderWorksCouncilPdf(pack.document, {
    organisation: pack.facts.organisation.name,
    generatedAt: pack.facts.generatedAt,
  })
  const name = locale === 'nl' ? 'ondernemingsraad' : 'works-council'
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}-${membership.organisation.slug}.pdf"`,
      // Settings change: never show yesterday's pack from a cache.
      'Cache-Control': 'no-store',
    },
  })
}
