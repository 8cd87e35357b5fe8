import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLocation } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { useAdminPage, When } from '~/components/admin/ui'
import { AnyFilters, FilterActions, FilterSearch } from '~/components/filter-select'
import { Pagination } from '~/components/pagination'
import { auditActions, auditCsvRows, auditFilter, auditLogPage, auditRecordTypes } from '~/modules/admin/audit-log.server'
import { requireAdmin } from '~/modules/admin/console.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  const url = new URL(request.url)
  const filter = auditFilter(url.searchParams, pageParam(url))
  const t = getFixedT(locale, 'admin')
  return {
    title: t('audit.title'),
    filter,
    // the choices in words here: the client has no list of actions
    actions: auditActions.map((action): [string, string] => [action, t(`audit.actions.${action}`)]),
    types: auditRecordTypes.map((type): [string, string] => [type, t(`audit.types.${type}`)]),
    csvRows: auditCsvRows,
    ...(await auditLogPage(locale, filter)),
  }
}

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminAudit() {
  const { filter, actions, types, csvRows, entries, total, page, pageCount, locale, t } = useAdminPage<typeof loader>()
  const { search } = useLocation()
  const filtered = Boolean(filter.actor || filter.action || filter.type || filter.from || filter.to)
  const csv = new URLSearchParams(search)
  csv.delete('page')
  const dates = [
    { name: 'from', value: filter.from },
    { name: 'to', value: filter.to },
  ]
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <Form method="get" className="filters" aria-label={t('audit.filters')}>
        <FilterSearch id="audit-actor" label={t('audit.actor')} name="actor" defaultValue={filter.actor} maxLength={254} />
        <AnyFilters
          idPrefix="audit"
          anyLabel={t('audit.any')}
          filters={[
            { name: 'action', label: t('audit.action'), value: filter.action, choices: actions },
            { name: 'type', label: t('audit.type'), value: filter.type, choices: types },
          ]}
        />
        {dates.map(({ name, value }) => (
          <div className="filters__field" key={name}>
            <label htmlFor={`audit-${name}`}>{t(`audit.${name}`)}</label>
            <input id={`audit-${name}`} name={name} type="date" defaultValue={value} />
          </div>
        ))}
        <FilterActions
          apply={t('audit.apply')}
          clear={t('audit.clear')}
          clearTo={filtered ? localePath(locale, '/admin/audit') : null}
        />
      </Form>
      <p className="muted" role="status">
        {t('audit.lead', { count: total })}
      </p>
      {total > 0 ? (
        <p>
          <a href={`${localePath(locale, '/admin/audit.csv')}?${csv}`} download>
            {t('audit.csv')}
          </a>{' '}
          {total > csvRows ? <span className="muted">{t('audit.csvLimit', { count: csvRows })}</span> : null}
        </p>
      ) : null}
      <ListTable
        rows={entries}
        empty={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
        className="admin-table audit-table"
        headers={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.entity'), t('audit.details')]}
      >
        {(entry) => (
          <tr key={entry.id}>
            <td data-label={t('audit.when')}>
              <When value={entry.createdAt} />
            </td>
            <td className="audit-table__who" data-label={t('audit.who')}>
              {entry.actor ?? t('audit.system')}
            </td>
            <td data-label={t('audit.what')}>{entry.what}</td>
            <td data-label={t('audit.entity')}>
              {entry.record.type}{' '}
              {entry.record.href ? (
                <Link to={entry.record.href}>{entry.record.name ?? `#${entry.record.id}`}</Link>
              ) : (
                (entry.record.name ?? `#${entry.record.id}`)
              )}
            </td>
            <td>
              {entry.changes.length > 0 ? (
                <dl className="audit-changes">
                  {entry.changes.map((change, index) => (
                    <div key={index}>
                      {change.field ? <dt>{change.field}</dt> : null}
                      <dd>
                        {change.before === null ? null : (
                          <>
                            <del>{change.before}</del> →{' '}
                          </>
                        )}
                        <ins>{change.after}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </td>
          </tr>
        )}
      </ListTable>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
