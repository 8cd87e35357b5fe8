import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Previous/next links that keep every other query parameter (filters, search, sort). */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const { search } = useLocation()
  if (pageCount <= 1) return null
  const to = (target: number) => {
    const params = new URLSearchParams(search)
    params.set('page', String(target))
    return `?${params}`
  }
  return (
    <nav aria-label={t('catalog.pagination')} className="pagination">
      {page > 1 ? <Link to={to(page - 1)}>{t('catalog.previousPage')}</Link> : null}
      <span>{t('catalog.pageOf', { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={to(page + 1)}>{t('catalog.nextPage')}</Link> : null}
    </nav>
  )
}
