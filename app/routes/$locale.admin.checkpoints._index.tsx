import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminPage } from '~/components/admin/ui'
import { Notice, StatusBadge } from '~/components/form'
import { SourceNote } from '~/components/localized-text'
import { adminPage } from '~/modules/admin/console.server'
import { listCheckpoints } from '~/modules/logistics/admin-checkpoints.server'
import { privateHeaders } from '~/utils/cache'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'checkpoints.title', async (locale) => ({ checkpoints: await listCheckpoints(locale) }))

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminCheckpoints() {
  const { checkpoints, locale, t } = useAdminPage<typeof loader>()
  return (
    <>
      <h1>{t('checkpoints.title')}</h1>
      <Notice namespace="admin" />
      <ListTable
        rows={checkpoints}
        headers={['name', 'mode', 'status', 'coordinates', 'source'].map((column) => t(`checkpoints.${column}`))}
      >
        {(checkpoint) => (
          <tr key={checkpoint.id}>
            <td>
              <Link to={localePath(locale, `/admin/checkpoints/${checkpoint.id}`)}>
                <Text value={checkpoint.name} locale={locale} />
              </Link>
            </td>
            <td>{t(`checkpoints.modes.${checkpoint.mode}`)}</td>
            <td>
              <StatusBadge kind="checkpoint" status={checkpoint.status} />
            </td>
            <td>
              {checkpoint.lat === null || checkpoint.lon === null ? (
                <span className="muted">{t('checkpoints.noCoordinates')}</span>
              ) : (
                <>
                  <code>
                    {checkpoint.lat}, {checkpoint.lon}
                  </code>{' '}
                  <span className={checkpoint.coordinatesVerified ? 'badge badge--ok' : 'badge badge--problem'}>
                    {checkpoint.coordinatesVerified ? t('checkpoints.verified') : t('checkpoints.unverified')}
                  </span>
                </>
              )}
            </td>
            <SourceNote text={checkpoint.source} locale={locale} />
          </tr>
        )}
      </ListTable>
    </>
  )
}
