import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import { servicePolicy } from '~/modules/trust/service-policy.server'
import { publicHeaders } from '~/utils/cache'
import type { RouteHandle } from '~/utils/hydration'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { seoContext } from '~/utils/public-url.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titledPageMeta } from '~/utils/seo'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const t = getFixedT(locale, 'common')
  return {
    seo: await seoContext(locale),
    title: t('trust.policyTitle'),
    description: t('trust.policyLead'),
    policy: await servicePolicy(locale),
  }
}

export const clientLoader = withNamespaces('common')

export const headers = publicHeaders

export const handle: RouteHandle = { hydrate: false }

export const meta: MetaFunction<typeof loader> = titledPageMeta('/help/returns')

export default function ReturnsPolicy() {
  const { policy } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation()
  return (
    <article className="help-page">
      <h1>{t('trust.policyTitle')}</h1>
      {policy ? (
        <>
          <section aria-labelledby="returns-title" lang={langAttr(policy.returns.lang, locale)}>
            <h2 id="returns-title">{t('trust.returnsTitle')}</h2>
            {policy.returns.paragraphs.map((text) => (
              <p key={text}>{text}</p>
            ))}
          </section>
          <section aria-labelledby="contacts-title">
            <h2 id="contacts-title">{t('trust.contactsTitle')}</h2>
            <ul className="help-page__contacts" lang={langAttr(policy.contacts.lang, locale)}>
              {policy.contacts.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
          <p className="muted">
            {t('trust.updated')} <time dateTime={policy.updated.iso}>{policy.updated.text}</time>
          </p>
        </>
      ) : (
        <p>{t('trust.policyMissing')}</p>
      )}
    </article>
  )
}
