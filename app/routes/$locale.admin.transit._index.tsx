import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminPage } from '~/components/admin/ui'
import { Notice } from '~/components/form'
import { adminPage } from '~/modules/admin/console.server'
import { laneFilterOptions, listLanes } from '~/modules/logistics/admin-lanes.server'
import { privateHeaders } from '~/utils/cache'
import { positiveId } from '~/utils/forms.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(
    args,
    'adminTransit.title',
    async (locale, url) => {
      const market = url.searchParams.get('market')
      const options = await laneFilterOptions(locale)
      // one region at a time: all of them together are hundreds of lanes
      const regionId = positiveId(url.searchParams.get('region') ?? undefined) ?? options.regions[0]?.id ?? null
      const filter = { region: regionId ? String(regionId) : '', market: market ?? '' }
      return { options, filter, lanes: await listLanes(locale, { regionId, market }) }
    },
    'trade',
  )

export const clientLoader = withNamespaces('admin', 'trade', 'product')

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminTransit() {
  const { options, filter, lanes, locale, t } = useAdminPage<typeof loader>('trade')
  return (
    <>
      <h1>{t('adminTransit.title')}</h1>
      <p className="muted">{t('adminTransit.lead')}</p>
      <Notice namespace="admin" />
      <Form method="get" className="admin-filters">
        <label>
          {t('adminTransit.region')}{' '}
          <select name="region" defaultValue={filter.region}>
            {options.regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name.text}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('adminTransit.market')}{' '}
          <select name="market" defaultValue={filter.market}>
            <option value="">{t('adminTransit.all')}</option>
            {options.markets.map((market) => (
              <option key={market} value={market}>
                {t(`markets.${market}`, { ns: 'common' })}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" className="button">
          {t('adminTransit.filter')}
        </button>
      </Form>
      <ListTable
        rows={lanes}
        headers={['region', 'checkpoint', 'market', 'mode', 'distance', 'days', 'verified'].map((column) =>
          t(`adminTransit.${column}`),
        )}
      >
        {(lane) => (
          <tr key={lane.id}>
            <td>
              <Link to={localePath(locale, `/admin/transit/${lane.id}`)}>
                <Text value={lane.region.name} locale={locale} />
              </Link>
            </td>
            <td>
              <Text value={lane.checkpoint.name} locale={locale} />
              {lane.checkpoint.status !== 'open' ? (
                <>
                  {' '}
                  <span className="badge badge--problem">{t(`checkpointStatus.${lane.checkpoint.status}`)}</span>
                </>
              ) : null}
            </td>
            <td>
              {t(`markets.${lane.market}`, { ns: 'common' })} · {t(`cities.${lane.destinationCity}`, { ns: 'product' })}
            </td>
            <td>{t(`modes.${lane.mode}`, { ns: 'product' })}</td>
            <td>{lane.distanceKm}</td>
            <td>
              {lane.transitDays}
              {lane.greenCorridorDays !== null ? ` (${t('adminTransit.green', { count: lane.greenCorridorDays })})` : ''}
            </td>
            <td>
              <span className={lane.verified ? 'badge badge--ok' : 'badge badge--problem'}>
                {lane.verified ? t('adminTransit.isVerified') : t('adminTransit.unverified')}
              </span>
            </td>
          </tr>
        )}
      </ListTable>
    </>
  )
}
