import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { ExporterDecisions } from '~/components/admin/exporter-decisions'
import { ExporterReach } from '~/components/admin/exporter-reach'
import { ListTable } from '~/components/admin/list-table'
import { Missing, ReviewHeader, TextsByLanguage } from '~/components/admin/review'
import { Text, useAdminForm, useAdminPage, When } from '~/components/admin/ui'
import { Facts } from '~/components/facts'
import { FormError, StatusBadge } from '~/components/form'
import { adminRecord, recordAction } from '~/modules/admin/console.server'
import { decideExporter, exporterForReview } from '~/modules/exporters/admin-exporters.server'
import { inviteToCompany } from '~/modules/exporters/team.server'
import { privateHeaders } from '~/utils/cache'
import type { Outcome } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { languageNames, type Locale } from '~/utils/locales'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, record: exporter } = await adminRecord(request, params, 'exporterId', exporterForReview)
  return { title: getFixedT(locale, 'admin')('exporters.detailTitle', { name: exporter.name.text }), exporter }
}

export const headers = privateHeaders
export const meta = titleMeta

// one more intent besides the decisions: inviting someone when nobody can receive the company's mail
export const action = (args: ActionFunctionArgs) =>
  recordAction(
    args,
    'exporterId',
    async (admin, id, input): Promise<Outcome<{ event: string }>> => {
      if (input.intent !== 'invite') return decideExporter(admin, id, input)
      const sent = await inviteToCompany(admin, id, input.email, requireLocale(args.params))
      return sent.ok ? { ok: true, value: { event: 'invited' } } : sent
    },
    (id, { event }) => `/admin/exporters/${id}?notice=${event}`,
  )

export default function AdminExporter() {
  const { exporter, locale, t } = useAdminPage<typeof loader>()
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
      {exporter.recheck ? (
        <div className="notice" role="note">
          <p>
            <strong>{t('exporters.recheckTitle', { date: exporter.recheck.at.text })}</strong>
          </p>
          <p>
            {exporter.recheck.fields.length > 0
              ? `${t('exporters.recheckChanged')} ${exporter.recheck.fields.map((field) => t([`audit.fields.${field}`, field])).join(', ')}`
              : t('exporters.recheckAfterRejection')}
          </p>
        </div>
      ) : null}
      <ExporterDecisions decisions={exporter.decisions} errors={errors} values={values} />

      <h2>{t('exporters.companyData')}</h2>
      <Facts
        rows={[
          {
            label: t('exporters.bin'),
            value: (
              <>
                <code>{exporter.bin}</code>{' '}
                <span className={exporter.binValid ? 'badge badge--ok' : 'badge badge--problem'}>
                  {exporter.binValid ? t('exporters.binValid') : t('exporters.binInvalid')}
                </span>
              </>
            ),
          },
          { label: t('exporters.region'), value: <Text value={exporter.region} locale={locale} /> },
          { label: t('exporters.address'), value: exporter.address || <Missing /> },
          {
            label: t('exporters.contact'),
            value: [exporter.contactName, exporter.contactPhone, exporter.contactEmail].filter(Boolean).join(' · ') || (
              <Missing />
            ),
          },
          { label: t('exporters.website'), value: exporter.website ?? '—' },
          { label: t('exporters.founded'), value: exporter.founded ?? '—' },
          { label: t('exporters.gacc'), value: exporter.gaccRegistration ?? '—' },
          { label: t('exporters.registered'), value: <When value={exporter.createdAt} /> },
          { label: t('exporters.verifiedAt'), value: exporter.verifiedAt ? <When value={exporter.verifiedAt} /> : '—' },
          {
            label: t('exporters.products'),
            value:
              Object.entries(exporter.productCounts)
                .map(([status, count]) => `${t(`statuses.product.${status}`)}: ${count}`)
                .join(' · ') || '0',
          },
        ]}
      />

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
      <ExporterReach
        unreachable={exporter.unreachable}
        invitations={exporter.openInvitations}
        errors={errors}
        values={values}
      />
      {exporter.members.length === 0 ? (
        <p className="muted">{t('exporters.noMembers')}</p>
      ) : (
        <ListTable
          rows={exporter.members}
          headers={['memberName', 'memberEmail', 'memberLanguage'].map((column) => t(`exporters.${column}`))}
        >
          {(member) => (
            <tr key={member.id}>
              <td>
                {member.displayName}{' '}
                {member.suspendedAt ? <span className="badge badge--problem">{t('exporters.memberSuspended')}</span> : null}
              </td>
              <td>{member.email}</td>
              <td>{languageNames[member.locale as Locale] ?? member.locale}</td>
            </tr>
          )}
        </ListTable>
      )}
    </>
  )
}
