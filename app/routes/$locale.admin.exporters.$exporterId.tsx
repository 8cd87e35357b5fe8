import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ExporterDecisions } from '~/components/admin/exporter-decisions'
import { Missing, ReviewHeader, TextsByLanguage } from '~/components/admin/review'
import { Text, useAdminForm, When } from '~/components/admin/ui'
import { FormError, StatusBadge } from '~/components/form'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { decideExporter, exporterForReview } from '~/modules/exporters/admin-exporters.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { languageNames, type Locale } from '~/utils/locales'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: exporter } = await adminRecord(request, params, 'exporterId', exporterForReview)
  return { title: getFixedT(locale, 'admin')('exporters.detailTitle', { name: exporter.name.text }), exporter }
}

export const headers = privateHeaders
export const meta = titleMeta

export const action = (args: ActionFunctionArgs) =>
  recordAction(args, 'exporterId', decideExporter, (id, { event }) => `/admin/exporters/${id}?notice=${event}`)

export default function AdminExporter() {
  const { exporter } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  const { errors, values } = useAdminForm()
  return (
    <>
      <ReviewHeader
        back={{ to: localePath(locale, '/admin/exporters'), label: t('exporters.backToList') }}
        name={exporter.name}
        status={<StatusBadge kind="exporter" status={exporter.status} />}
        reason={exporter.statusReason ? t('exporters.reasonWas', { reason: exporter.statusReason }) : null}
      />

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
        <dd>{exporter.address || <Missing />}</dd>
        <dt>{t('exporters.contact')}</dt>
        <dd>{[exporter.contactName, exporter.contactPhone, exporter.contactEmail].filter(Boolean).join(' · ') || <Missing />}</dd>
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
      <TextsByLanguage texts={exporter.texts}>
        {(text) => (
          <>
            <p>
              <strong>{text.legalName ?? <Missing />}</strong>
            </p>
            <p>{text.city ?? <Missing />}</p>
            <p>{text.about ?? <Missing />}</p>
          </>
        )}
      </TextsByLanguage>

      <h2>{t('exporters.documents')}</h2>
      {exporter.documents.length === 0 ? (
        <p className="muted">{t('exporters.noDocuments')}</p>
      ) : (
        <ul>
          {exporter.documents.map((document) => (
            <li key={document.id}>
              <a href={localePath(locale, `/exporter/documents/${document.id}`)} download>
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
