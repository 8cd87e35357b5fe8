import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { FilterLinks } from '~/components/admin/filter-links'
import { ListTable } from '~/components/admin/list-table'
import { useAdminPage, When } from '~/components/admin/ui'
import { FilterSearch } from '~/components/filter-select'
import { LocalizedText } from '~/components/localized-text'
import { Pagination } from '~/components/pagination'
import { emailQuery, listUsers, roleFilter, roles } from '~/modules/accounts/admin-users.server'
import { adminPage } from '~/modules/admin/console.server'
import { privateHeaders } from '~/utils/cache'
import { pageParam } from '~/utils/http.server'
import { localePath } from '~/utils/locale-path'
import { titleMeta } from '~/utils/seo'

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'users.title', async (locale, url) => {
    const filter = { q: emailQuery(url.searchParams.get('q')), role: roleFilter(url.searchParams.get('role')) }
    return { filter, roles, ...(await listUsers(locale, filter, pageParam(url))) }
  })

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminUsers() {
  const { filter, roles, users, total, countByRole, page, pageCount, locale, t } = useAdminPage<typeof loader>()
  const base = localePath(locale, '/admin/users')
  const withRole = (role: string | null) => {
    const search = new URLSearchParams()
    if (filter.q) search.set('q', filter.q)
    if (role) search.set('role', role)
    const query = search.toString()
    return query ? `${base}?${query}` : base
  }
  return (
    <>
      <h1>{t('users.title')}</h1>
      <Form method="get" className="filters" role="search" aria-label={t('users.searchLabel')}>
        {filter.role ? <input type="hidden" name="role" value={filter.role} /> : null}
        <FilterSearch id="users-q" label={t('users.search')} name="q" inputMode="email" defaultValue={filter.q} maxLength={254} />
        <button type="submit" className="button">
          {t('users.searchSubmit')}
        </button>
      </Form>
      <FilterLinks
        label={t('users.filterLabel')}
        links={[
          { to: withRole(null), text: t('users.all'), current: filter.role === null },
          ...roles.map((role) => ({
            to: withRole(role),
            text: t('users.filterCount', { role: t(`users.roles.${role}`), n: countByRole[role] ?? 0 }),
            current: filter.role === role,
          })),
        ]}
      />
      <p className="muted" role="status">
        {t('users.found', { count: total })}
      </p>
      {users.length === 0 ? (
        <p>{t('users.none')}</p>
      ) : (
        <div className="admin-table-scroll">
          <ListTable
            rows={users}
            headers={['email', 'name', 'role', 'state', 'registered'].map((column) => t(`users.${column}`))}
          >
            {(user) => (
              <tr key={user.id}>
                <td className="admin-users__email">
                  <Link to={`${base}/${user.id}`}>{user.email}</Link>
                </td>
                <LocalizedText value={{ text: user.displayName, lang: user.lang }} locale={locale} as="td" />
                <td>{t(`users.roles.${user.role}`)}</td>
                <td>
                  <span className={user.suspended ? 'badge badge--problem' : 'badge badge--ok'}>
                    {user.suspended ? t('users.suspended') : t('users.active')}
                  </span>
                </td>
                <td>
                  <When value={user.createdAt} />
                </td>
              </tr>
            )}
          </ListTable>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}
