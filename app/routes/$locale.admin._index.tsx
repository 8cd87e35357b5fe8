import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { Text, useAdminPage, When } from '~/components/admin/ui'
import { adminPage } from '~/modules/admin/console.server'
import { dashboard, todayWork } from '~/modules/admin/dashboard.server'
import { privateHeaders } from '~/utils/cache'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'dashboard.title', async (locale) => ({ today: await todayWork(), ...(await dashboard(locale)) }))

export const headers = privateHeaders
export const meta = titleMeta

const countLinks = {
  pendingExporters: 'exporters?status=pending',
  productsInReview: 'products',
  publishedProducts: 'products?status=published',
  verifiedExporters: 'exporters?status=verified',
  outboxMessages: 'outbox',
} as const

export default function AdminDashboard() {
  const { today, counts, latestExporters, latestProducts, orders, locale, t } = useAdminPage<typeof loader>()
  const queues = [
    {
      id: 'pending-exporters',
      title: 'dashboard.pendingExporters',
      path: '/admin/exporters',
      items: latestExporters.map(({ id, name, createdAt }) => ({ id, name, at: createdAt })),
      all: '/admin/exporters?status=pending',
      allLabel: 'dashboard.allPendingExporters',
    },
    {
      id: 'products-in-review',
      title: 'dashboard.productsInReview',
      path: '/admin/products',
      items: latestProducts.map(({ id, name, submittedAt }) => ({ id, name, at: submittedAt })),
      all: '/admin/products',
      allLabel: 'dashboard.reviewQueue',
    },
  ]
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <section className="admin-today" aria-labelledby="today" data-testid="today">
        <h2 id="today">{t('dashboard.today.title')}</h2>
        {today.every((item) => item.count === 0) ? <p className="muted">{t('dashboard.today.clear')}</p> : null}
        <ul>
          {today.map((item) => {
            const label = t(`dashboard.today.${item.key}`, { hours: 'hours' in item ? item.hours : 0 })
            return (
              <li key={item.key} className={item.count > 0 ? 'admin-today__due' : undefined}>
                <strong>{item.count}</strong> {item.to ? <Link to={localePath(locale, item.to)}>{label}</Link> : label}
              </li>
            )
          })}
        </ul>
      </section>
      <dl className="admin-counts">
        {(Object.keys(countLinks) as (keyof typeof countLinks)[]).map((key) => (
          <div key={key}>
            <dt>
              <Link to={localePath(locale, `/admin/${countLinks[key]}`)}>{t(`dashboard.counts.${key}`)}</Link>
            </dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
      <div className="admin-panels">
        {queues.map((queue) => (
          <section key={queue.id} className="admin-panel" aria-labelledby={queue.id}>
            <h2 id={queue.id}>{t(queue.title)}</h2>
            {queue.items.length === 0 ? (
              <p className="muted">{t('dashboard.nothingPending')}</p>
            ) : (
              <ul>
                {queue.items.map((item) => (
                  <li key={item.id}>
                    <Link to={localePath(locale, `${queue.path}/${item.id}`)}>
                      <Text value={item.name} locale={locale} />
                    </Link>{' '}
                    <span className="muted">
                      <When value={item.at} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to={localePath(locale, queue.all)}>{t(queue.allLabel)}</Link>
            </p>
          </section>
        ))}
        <section className="admin-panel" aria-labelledby="orders" data-testid="orders-figures">
          <h2 id="orders">{t('dashboard.ordersTitle')}</h2>
          <dl className="facts">
            <dt>
              <Link to={localePath(locale, '/admin/orders?status=awaiting_payment')}>
                {t('dashboard.awaitingPayment', { ns: 'sales' })}
              </Link>
            </dt>
            <dd>{orders.awaitingPayment}</dd>
            <dt>
              <Link to={localePath(locale, '/admin/orders?status=paid')}>{t('dashboard.paidToShip', { ns: 'sales' })}</Link>
            </dt>
            <dd>{orders.paidToShip}</dd>
          </dl>
          <h3>{t('dashboard.revenue', { ns: 'sales' })}</h3>
          {orders.revenue.length === 0 ? (
            <p className="muted">{t('dashboard.noRevenue', { ns: 'sales' })}</p>
          ) : (
            <ul>
              {orders.revenue.map((row) => (
                <li key={row.currency}>
                  <strong>{row.text}</strong>{' '}
                  <span className="muted">{t('dashboard.revenueOrders', { ns: 'sales', count: row.orders })}</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={localePath(locale, '/admin/orders')}>{t('dashboard.allOrders', { ns: 'sales' })}</Link>
          </p>
        </section>
      </div>
    </>
  )
}
