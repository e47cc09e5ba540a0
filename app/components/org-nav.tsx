import { NavLink } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** Tabs of an organisation's management pages. */
export function OrgNav({ slug, name }: { slug: string; name: string }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('org.navLabel', { organisation: name })} className="tabs">
      <NavLink to={`/orgs/${slug}/members`}>{t('org.members')}</NavLink>
      <NavLink to={`/orgs/${slug}/teams`}>{t('org.teams')}</NavLink>
      <NavLink to={`/orgs/${slug}/invitations`}>{t('org.invitations')}</NavLink>
      <NavLink to={`/orgs/${slug}/assignments`}>{t('assignments.title')}</NavLink>
      <NavLink to={`/orgs/${slug}/api-tokens`}>{t('api.title')}</NavLink>
      <NavLink to={`/orgs/${slug}/audit`}>{t('audit.title')}</NavLink>
    </nav>
  )
}
