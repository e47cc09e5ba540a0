import type { Route } from './+types/works-council'
import { Facts } from '#app/components/ui/facts.tsx'
import { requireOrgPermission } from '#app/auth/authorize.server.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import type { PackBlock } from '#app/privacy/works-council-document.ts'
import { worksCouncilPack } from '#app/privacy/works-council-pack.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'wc.tab')

/**
 * The works-council pack (ondernemingsraad): what the organisation records, who sees what,
 * its rules and integrations, written from its current settings. For its admins only.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireOrgPermission(request, params.slug, 'manage:members:org')
  const pack = await worksCouncilPack(membership.organisation.id, getLocale(request))
  invariantResponse(pack)
  return { slug: membership.organisation.slug, document: pack.document }
}

function Block({ block }: { block: PackBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>
    case 'subheading':
      return <h3>{block.text}</h3>
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )
    case 'facts':
      return (
        <Facts items={block.items} className={block.descriptions ? 'descriptions' : undefined} />
      )
  }
}

export default function WorksCouncil({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { slug, document } = loaderData
  return (
    <div className="page document">
      <h1>{document.title}</h1>
      <p className="lead">{document.subtitle}</p>
      <p>{t('wc.pageIntro')}</p>
      <p>
        <a
          href={`/orgs/${slug}/privacy/works-council.pdf?lang=${document.locale}`}
          download
          className="button"
        >
          {t('wc.downloadPdf')}
        </a>
      </p>
      {document.sections.map((section) => (
        <section key={section.id} aria-labelledby={`wc-${section.id}`}>
          <h2 id={`wc-${section.id}`}>{section.heading}</h2>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </section>
      ))}
    </div>
  )
}
