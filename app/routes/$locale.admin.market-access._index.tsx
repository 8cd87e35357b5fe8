import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminPage } from '~/components/admin/ui'
import { Notice, StatusBadge } from '~/components/form'
import { SourceNote } from '~/components/localized-text'
import { adminPage } from '~/modules/admin/console.server'
import { listAccessRules } from '~/modules/checkout/admin-access-rules.server'
import { privateHeaders } from '~/utils/cache'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'rules.title', async (locale) => ({ rules: await listAccessRules(locale) }))

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminAccessRules() {
  const { rules, locale, t } = useAdminPage<typeof loader>()
  return (
    <>
      <h1>{t('rules.title')}</h1>
      <p className="muted">{t('rules.lead')}</p>
      <Notice namespace="admin" />
      <p>
        <Link className="button button--primary" to={localePath(locale, '/admin/market-access/new')}>
          {t('rules.create')}
        </Link>
      </p>
      <ListTable
        rows={rules}
        empty={t('rules.none')}
        headers={[
          t('rules.market'),
          t('rules.hsPrefix'),
          t('rules.verdict'),
          t('rules.reason'),
          t('rules.source'),
          <span key="edit" className="visually-hidden">
            {t('rules.edit')}
          </span>,
        ]}
      >
        {(rule) => (
          <tr key={rule.id}>
            <td>{t(`markets.${rule.market}`)}</td>
            <td>
              <code>{rule.hsPrefix}</code>
              {rule.hsDescription ? (
                <>
                  <br />
                  <span className="muted" lang="en">
                    {rule.hsDescription}
                  </span>
                </>
              ) : null}
            </td>
            <td>
              <StatusBadge kind="verdict" status={rule.verdict} />
              {rule.verified ? null : <span className="badge badge--problem">{t('rules.unverified')}</span>}
            </td>
            <td>
              <Text value={rule.reason} locale={locale} />
            </td>
            <SourceNote text={rule.source} locale={locale} />
            <td>
              <Link
                to={localePath(locale, `/admin/market-access/${rule.id}`)}
                aria-label={t('rules.editNamed', { market: rule.market, prefix: rule.hsPrefix })}
              >
                {t('rules.edit')}
              </Link>
            </td>
          </tr>
        )}
      </ListTable>
    </>
  )
}
