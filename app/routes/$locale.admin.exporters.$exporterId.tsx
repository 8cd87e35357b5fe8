import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ExporterDecisions } from '~/components/admin/exporter-decisions'
import { languageNames } from '~/components/admin/fields'
import { Notice, StatusBadge, Text, useAdminForm, When } from '~/components/admin/ui'
import { FormError } from '~/components/form'
import { requireRole } from '~/modules/accounts/session.server'
import { decideExporter, exporterForReview } from '~/modules/exporters/admin-exporters.server'
import { echoValues, positiveId, readFormOrNull } from '~/utils/forms.server'
import { useRootLocale } from '~/root'
import { cacheHeaders, privatePage } from '~/utils/cache'
import { formObject } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { htmlLang, type Locale } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'admin')
  const id = positiveId(params.exporterId)
  const exporter = id ? await exporterForReview(locale, id) : null
  if (!exporter) throw notFound()
  return { title: getFixedT(locale, 'admin')('exporters.detailTitle', { name: exporter.name.text }), exporter }
}

export const headers = () => cacheHeaders(privatePage)
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const admin = await requireRole(request, locale, 'admin')
  const id = positiveId(params.exporterId)
  if (!id) throw notFound()
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 400 })
  const result = await decideExporter(admin, id, formObject(form))
  if (!result.ok) return data({ errors: result.errors, values: echoValues(form) }, { status: result.status })
  return redirect(`/${locale}/admin/exporters/${id}?notice=${result.value.event}`)
}

export default function AdminExporter() {
  const { exporter } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm()
  const missing = (
    <span className="missing" lang={htmlLang(locale)}>
      {t('form.missing')}
    </span>
  )
  return (
    <>
      <p>
        <Link to={`/${locale}/admin/exporters`}>{t('exporters.backToList')}</Link>
      </p>
      <h1>
        <Text value={exporter.name} locale={locale} />
      </h1>
      <Notice />
      <p>
        <StatusBadge kind="exporter" status={exporter.status} />
        {exporter.statusReason ? (
          <span className="muted"> {t('exporters.reasonWas', { reason: exporter.statusReason })}</span>
        ) : null}
      </p>

      <FormError namespace="admin" error={errors.form} />
      <ExporterDecisions decisions={exporter.decisions} errors={errors} values={values} />

      <h2>{t('exporters.companyData')}</h2>
      <dl className="facts">
        <dt>{t('exporters.bin')}</dt>
        <dd>
          <code>{exporter.bin}</code>{' '}
          <span className={exporter.binValid ? 'badge badge--ok' : 'badge badge--problem'}>
            {exporter.binValid ? t('exporters.binValid') : t('exporters.binInvalid')}
          </span>
        </dd>
        <dt>{t('exporters.region')}</dt>
        <dd>
          <Text value={exporter.region} locale={locale} />
        </dd>
        <dt>{t('exporters.address')}</dt>
        <dd>{exporter.address || missing}</dd>
        <dt>{t('exporters.contact')}</dt>
        <dd>{[exporter.contactName, exporter.contactPhone, exporter.contactEmail].filter(Boolean).join(' · ') || missing}</dd>
        <dt>{t('exporters.website')}</dt>
        <dd>{exporter.website ?? '—'}</dd>
        <dt>{t('exporters.founded')}</dt>
        <dd>{exporter.founded ?? '—'}</dd>
        <dt>{t('exporters.gacc')}</dt>
        <dd>{exporter.gaccRegistration ?? '—'}</dd>
        <dt>{t('exporters.registered')}</dt>
        <dd>
          <When value={exporter.createdAt} />
        </dd>
        <dt>{t('exporters.verifiedAt')}</dt>
        <dd>{exporter.verifiedAt ? <When value={exporter.verifiedAt} /> : '—'}</dd>
        <dt>{t('exporters.products')}</dt>
        <dd>
          {Object.entries(exporter.productCounts)
            .map(([status, count]) => `${t(`statuses.product.${status}`)}: ${count}`)
            .join(' · ') || '0'}
        </dd>
      </dl>

      <h2>{t('exporters.texts')}</h2>
      <div className="texts">
        {exporter.texts.map((text) => (
          <article key={text.locale}>
            <h3>{languageNames[text.locale]}</h3>
            <div lang={htmlLang(text.locale)}>
              <p>
                <strong>{text.legalName ?? missing}</strong>
              </p>
              <p>{text.city ?? missing}</p>
              <p>{text.about ?? missing}</p>
            </div>
          </article>
        ))}
      </div>

      <h2>{t('exporters.documents')}</h2>
      {exporter.documents.length === 0 ? (
        <p className="muted">{t('exporters.noDocuments')}</p>
      ) : (
        <ul>
          {exporter.documents.map((document) => (
            <li key={document.id}>
              <a href={`/${locale}/exporter/documents/${document.id}`} download>
                {document.fileName}
              </a>{' '}
              <span className="muted">
                <code>{document.kind}</code> · {t('exporters.size', { size: Math.ceil(document.sizeBytes / 1024) })} ·{' '}
                <When value={document.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('exporters.members')}</h2>
      {exporter.members.length === 0 ? (
        <p className="muted">{t('exporters.noMembers')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('exporters.memberName')}</th>
              <th scope="col">{t('exporters.memberEmail')}</th>
              <th scope="col">{t('exporters.memberLanguage')}</th>
            </tr>
          </thead>
          <tbody>
            {exporter.members.map((member) => (
              <tr key={member.id}>
                <td>{member.displayName}</td>
                <td>{member.email}</td>
                <td>{languageNames[member.locale as Locale] ?? member.locale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
