import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CorridorMap, StatusIcon } from '~/components/corridor-map'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { corridorPage } from '~/modules/logistics/corridor.server'
import tradeStyles from '~/styles/trade.css'
import { publicHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { intlLocale } from '~/utils/locales'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titledPageMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tradeStyles }]

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const t = getFixedT(locale, 'trade')
  const page = await corridorPage(locale)
  const list = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' })
  return {
    seo: await seoContext(locale),
    title: t('corridor.title'),
    description: t('corridor.lead'),
    ...page,
    checkpoints: page.checkpoints.map((checkpoint) => ({ ...checkpoint, closedOnText: list.format(checkpoint.closedOn) })),
    closureDays: list.format([...new Set(page.checkpoints.flatMap((checkpoint) => checkpoint.closedOn))]),
    sources: [...new Set(page.checkpoints.map((checkpoint) => checkpoint.source).filter((source) => source !== ''))],
  }
}

export const clientLoader = withNamespaces('trade', 'product')

export const headers = publicHeaders

export const meta: MetaFunction<typeof loader> = titledPageMeta('/corridor')

export default function Corridor() {
  const { checkpoints, map, unplotted, closureDays, sources } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  return (
    <article className="corridor-page">
      <h1>{t('corridor.title')}</h1>
      <p className="lead">{t('corridor.lead')}</p>
      <CorridorMap map={map} />
      {unplotted.length > 0 ? (
        <p className="notice" role="note">
          {t('corridor.unplotted', { count: unplotted.length })}
        </p>
      ) : null}

      <section aria-labelledby="corridors-title">
        <h2 id="corridors-title">{t('corridor.corridorsTitle')}</h2>
        <p>{t('corridor.khorgos')}</p>
        <p>{t('corridor.dostyk')}</p>
        <p>{t('corridor.north')}</p>
        <p>{t('corridor.notOpen')}</p>
        {closureDays ? <p className="notice">{t('corridor.closures', { days: closureDays })}</p> : null}
        <p>
          {t('corridor.estimates')} <Link to={localePath(locale, '/catalog')}>{t('corridor.catalogLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="checkpoints-title">
        <h2 id="checkpoints-title">{t('corridor.checkpointsTitle')}</h2>
        <ol className="corridor-list">
          {checkpoints.map((checkpoint, index) => (
            <li key={checkpoint.id} id={`checkpoint-${checkpoint.slug}`}>
              <h3>
                <StatusIcon status={checkpoint.status} />
                <span>
                  {index + 1}. <LocalizedText value={checkpoint.name} locale={locale} />
                </span>
              </h3>
              <dl>
                <dt>{t('corridor.status')}</dt>
                <dd>{t(`checkpointStatus.${checkpoint.status}`)}</dd>
                <dt>{t('corridor.mode')}</dt>
                <dd>{t(`checkpointModes.${checkpoint.mode}`)}</dd>
                {checkpoint.kazakhSide.text ? (
                  <>
                    <dt>{t('corridor.kazakhSide')}</dt>
                    <LocalizedText value={checkpoint.kazakhSide} locale={locale} as="dd" />
                  </>
                ) : null}
                {checkpoint.chineseSide.text ? (
                  <>
                    <dt>{t('corridor.chineseSide')}</dt>
                    <LocalizedText value={checkpoint.chineseSide} locale={locale} as="dd" />
                  </>
                ) : null}
                <dt>{t('corridor.coordinates')}</dt>
                <dd>
                  {checkpoint.coordinates
                    ? `${checkpoint.coordinates.lat}, ${checkpoint.coordinates.lon}${checkpoint.coordinates.verified ? '' : ` ${t('corridor.approximate')}`}`
                    : t('corridor.notPlotted')}
                </dd>
                {checkpoint.closedOn.length > 0 ? (
                  <>
                    <dt>{t('corridor.closedOn')}</dt>
                    <dd>{checkpoint.closedOnText}</dd>
                  </>
                ) : null}
                <dt>{t('corridor.source')}</dt>
                {checkpoint.source ? (
                  <LocalizedText value={{ text: checkpoint.source, lang: 'en' }} locale={locale} as="dd" />
                ) : (
                  <dd>{t('corridor.estimate')}</dd>
                )}
              </dl>
              {checkpoint.notes.text ? <LocalizedText value={checkpoint.notes} locale={locale} as="p" /> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t('corridor.sourcesTitle')}</h2>
        <ul>
          {sources.map((source) => (
            <li key={source} lang={langAttr('en', locale)}>
              {source}
            </li>
          ))}
          <li>{t('common:maps.attribution')}</li>
        </ul>
      </section>
    </article>
  )
}
