import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { Text } from '~/components/admin/ui'
import { Notice, StatusBadge } from '~/components/form'
import { requireAdmin } from '~/modules/admin/console.server'
import { listCheckpoints } from '~/modules/logistics/admin-checkpoints.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await requireAdmin(request, params)
  return { title: getFixedT(locale, 'admin')('checkpoints.title'), checkpoints: await listCheckpoints(locale) }
}

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminCheckpoints() {
  const { checkpoints } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
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
            <td>{checkpoint.source}</td>
          </tr>
        )}
      </ListTable>
    </>
  )
}
