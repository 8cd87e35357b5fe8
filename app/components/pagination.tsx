import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  if (pageCount <= 1) return null
  return (
    <nav aria-label={t('catalog.pagination')} className="pagination">
      {page > 1 ? <Link to={`?page=${page - 1}`}>{t('catalog.previousPage')}</Link> : null}
      <span>{t('catalog.pageOf', { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={`?page=${page + 1}`}>{t('catalog.nextPage')}</Link> : null}
    </nav>
  )
}
