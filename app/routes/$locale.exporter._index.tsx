import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Notice, StatusBadge } from '~/components/form'
import { langAttr, LocalizedText } from '~/components/localized-text'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { listOwnProducts } from '~/modules/exporters/product-authoring.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user, exporter } = await requireExporterMember(request, locale)
  return {
    title: getFixedT(locale, 'portal')('dashboard.title'),
    company: { status: exporter.status, statusReason: exporter.statusReason },
    products: await listOwnProducts(user, locale),
  }
}

export const headers = privateHeaders
export const meta = noindexMeta

function CompanyStatus({ status, reason }: { status: string; reason: string | null }) {
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  if (status === 'verified') return null
  return (
    <section className="notice portal-status" aria-labelledby="company-status">
      <h2 id="company-status">{t(`companyStatus.${status}.title`)}</h2>
      <p>{t(`companyStatus.${status}.text`)}</p>
      {reason ? <p>{t('companyStatus.reason', { reason })}</p> : null}
      <p>
        <Link to={localePath(locale, '/exporter/company')}>{t('companyStatus.uploadDocuments')}</Link>
      </p>
    </section>
  )
}

export default function Dashboard() {
  const { company, products } = useLoaderData<typeof loader>()
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  const verified = company.status === 'verified'
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <Notice namespace="portal" />
      <CompanyStatus status={company.status} reason={company.statusReason} />
      {verified ? (
        <p>
          <Link className="button button--primary" to={localePath(locale, '/exporter/products/new')}>
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
                      <Link
                        to={localePath(locale, `/exporter/products/${product.id}`)}
                        lang={langAttr(product.name.lang, locale)}
                      >
                        {product.name.text}
                      </Link>
                    ) : (
                      <LocalizedText value={product.name} locale={locale} />
                    )}
                    <br />
                    <span className="muted">{product.category}</span>
                  </td>
                  <td>
                    <StatusBadge kind="product" status={product.status} />
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
