import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { LocalizedText, langAttr } from '~/components/localized-text'
import { Notice, StatusBadge } from '~/components/portal'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { listOwnProducts } from '~/modules/exporters/product-authoring.server'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import type { Locale } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user, exporter } = await requireExporterMember(request, locale)
  return {
    title: getFixedT(locale, 'portal')('dashboard.title'),
    company: { status: exporter.status, statusReason: exporter.statusReason },
    products: await listOwnProducts(user, locale),
  }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: 'robots', content: 'noindex' }]

function CompanyStatus({ status, reason }: { status: string; reason: string | null }) {
  const { t, i18n } = useTranslation('portal')
  if (status === 'verified') return null
  return (
    <section className="notice portal-status" aria-labelledby="company-status">
      <h2 id="company-status">{t(`companyStatus.${status}.title`)}</h2>
      <p>{t(`companyStatus.${status}.text`)}</p>
      {reason ? <p>{t('companyStatus.reason', { reason })}</p> : null}
      <p>
        <Link to={`/${i18n.language}/exporter/company`}>{t('companyStatus.uploadDocuments')}</Link>
      </p>
    </section>
  )
}

export default function Dashboard() {
  const { company, products } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('portal')
  const [searchParams] = useSearchParams()
  const locale = i18n.language as Locale
  const verified = company.status === 'verified'
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <Notice notice={searchParams.get('notice')} known={['registered', 'joined', 'archived']} />
      <CompanyStatus status={company.status} reason={company.statusReason} />
      {verified ? (
        <p>
          <Link className="button button--primary" to={`/${locale}/exporter/products/new`}>
            {t('dashboard.newProduct')}
          </Link>
        </p>
      ) : null}
      {products.length === 0 ? (
        <p className="muted">{verified ? t('dashboard.empty') : t('dashboard.emptyUntilVerified')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('dashboard.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.columns.product')}</th>
                <th scope="col">{t('dashboard.columns.status')}</th>
                <th scope="col">{t('dashboard.columns.price')}</th>
                <th scope="col">{t('dashboard.columns.stock')}</th>
                <th scope="col">{t('dashboard.columns.translations')}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((product) => (
                <tr key={product.id}>
                  <td>
                    {verified ? (
                      <Link to={`/${locale}/exporter/products/${product.id}`} lang={langAttr(product.name.lang, locale)}>
                        {product.name.text}
                      </Link>
                    ) : (
                      <LocalizedText value={product.name} locale={locale} />
                    )}
                    <br />
                    <span className="muted">{product.category}</span>
                  </td>
                  <td>
                    <StatusBadge status={product.status} />
                    {product.status === 'rejected' && product.statusReason ? (
                      <p className="status-reason">{t('dashboard.rejectedBecause', { reason: product.statusReason })}</p>
                    ) : null}
                  </td>
                  <td>{product.price}</td>
                  <td>{product.stock}</td>
                  <td>
                    {product.missing.length === 0 ? (
                      t('translations.complete')
                    ) : (
                      <>
                        <span className="visually-hidden">{t('translations.missingLabel')} </span>
                        {product.missing.map((l) => (
                          <span key={l} className="badge badge--missing">
                            {t(`languages.${l}`)}
                          </span>
                        ))}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
