import { Link } from 'react-router'
import type { Route } from './+types/home'
import { translator } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { metaLocale } from '#app/utils/meta.ts'

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(metaLocale(matches))
  return [
    { title: `${t('app.name')}: ${t('app.tagline')}` },
    { name: 'description', content: t('home.intro') },
  ]
}

export default function Home() {
  const { t } = useTranslation()
  const audiences = [
    ['home.learners.title', 'home.learners.text'],
    ['home.trainers.title', 'home.trainers.text'],
    ['home.employers.title', 'home.employers.text'],
    ['home.records.title', 'home.records.text'],
  ] as const
  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <p>
          <Link className="button" to="/dossiers">
            {t('home.cta')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="audiences">
        <h2 id="audiences">{t('home.audiences')}</h2>
        <ul className="cards">
          {audiences.map(([title, text]) => (
            <li key={title} className="card">
              <h3>{t(title)}</h3>
              <p>{t(text)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
