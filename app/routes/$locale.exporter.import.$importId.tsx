import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import { Pagination } from '~/components/pagination'
import { getImport, type ImportStatus } from '~/modules/exporters/csv-import.server'
import { requireVerifiedExporter } from '~/modules/exporters/membership.server'
import { privateHeaders } from '~/utils/cache'
import { dateText } from '~/utils/dates'
import { notFound, pageParam } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const url = new URL(request.url)
  const found = await getImport(user, params.importId, {
    page: pageParam(url),
    errorsOnly: url.searchParams.get('errors') === '1',
    locale,
  })
  if (!found) throw notFound()
  return {
    ...found,
    title: getFixedT(locale, 'imports')('progress.title', { fileName: found.fileName }),
    createdAt: dateText(found.createdAt, locale),
    finishedAt: found.finishedAt ? dateText(found.finishedAt, locale) : null,
  }
}

export const headers = privateHeaders
export const meta = titleMeta

type Progress = { status: ImportStatus; totalRows: number; processedRows: number; createdCount: number; errorCount: number }

const isFinished = (status: ImportStatus) => status === 'done' || status === 'failed'

function usePolledProgress(initial: Progress, statusUrl: string) {
  const [polled, setPolled] = useState<Progress | null>(null)
  const revalidator = useRevalidator()
  useEffect(() => {
    if (isFinished(initial.status)) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const poll = async () => {
      try {
        const response = await fetch(statusUrl, { headers: { Accept: 'application/json' } })
        if (response.ok) {
          const progress = (await response.json()) as Progress
          if (stopped) return
          setPolled(progress)
          if (isFinished(progress.status)) return
        }
      } catch {
        // a poll that failed is simply tried again a second later
      }
      if (!stopped) timer = setTimeout(poll, 1000)
    }
    timer = setTimeout(poll, 1000)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [initial.status, statusUrl])
  const finishedHere = polled !== null && isFinished(polled.status) && !isFinished(initial.status)
  // the report comes with the page's data: load it once the import has ended
  useEffect(() => {
    if (finishedHere && revalidator.state === 'idle') revalidator.revalidate()
  }, [finishedHere, revalidator])
  return polled && !isFinished(initial.status) ? polled : initial
}

export default function ImportProgress() {
  const data = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('imports')
  const base = localePath(locale, `/exporter/import/${data.id}`)
  const progress = usePolledProgress(data, `${base}/status`)
  const finished = isFinished(data.status)
  const total = Math.max(progress.totalRows, 1)
  return (
    <>
      <p>
        <Link to={localePath(locale, '/exporter/import')}>{t('progress.back')}</Link>
      </p>
      <h1>{t('progress.title', { fileName: data.fileName })}</h1>
      <p className="muted">
        {t('progress.started')} <time dateTime={data.createdAt.iso}>{data.createdAt.text}</time>
      </p>

      <div className="field import-progress">
        <label htmlFor="import-progress">{t('progress.label')}</label>
        <progress id="import-progress" max={total} value={progress.processedRows} aria-describedby="import-progress-text">
          {t('progress.count', { processed: progress.processedRows, total: progress.totalRows })}
        </progress>
        <p id="import-progress-text" className="field__hint" aria-live="polite">
          {t(`status.${progress.status}`)} —{' '}
          {t('progress.count', { processed: progress.processedRows, total: progress.totalRows })}
        </p>
      </div>
      {finished ? null : (
        <p className="muted">
          {t('progress.running')} <a href={base}>{t('progress.reload')}</a>
        </p>
      )}

      {data.status === 'failed' ? (
        <p className="form-error" role="alert">
          {t('progress.failed', { count: data.processedRows })}
        </p>
      ) : null}

      {finished ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t('report.title')}</h2>
          <p>
            {t('report.createdCount', { count: data.createdCount })} {t('report.errorCount', { count: data.errorCount })}
          </p>
          <p>
            <a href={`${base}/report.csv`} download>
              {t('report.download')}
            </a>{' '}
            ·{' '}
            {data.report.errorsOnly ? (
              <Link to={base}>{t('report.showAll')}</Link>
            ) : (
              <Link to={`${base}?errors=1`}>{t('report.showErrors')}</Link>
            )}
            {' · '}
            <Link to={localePath(locale, '/exporter/import')}>{t('report.another')}</Link>
          </p>
          {data.report.entries.length === 0 ? (
            <p className="muted">{t('report.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.row')}</th>
                    <th scope="col">{t('report.result')}</th>
                    <th scope="col">{t('report.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.report.entries.map((entry) => (
                    <tr key={entry.row}>
                      <th scope="row">{entry.row}</th>
                      {entry.status === 'created' ? (
                        <>
                          <td>{t('report.created')}</td>
                          <td>
                            <Link
                              to={localePath(locale, `/exporter/products/${entry.productId}`)}
                              lang={entry.name ? langAttr(entry.name.lang, locale) : undefined}
                            >
                              {entry.name?.text ?? entry.slug}
                            </Link>
                          </td>
                        </>
                      ) : (
                        <>
                          <td>{t('report.error')}</td>
                          <td>
                            <ul>
                              {entry.errors.map((error, index) => (
                                <li key={index}>
                                  {error.column ? <code>{error.column}</code> : null}
                                  {error.column ? ': ' : null}
                                  {t(error.key, error.values ?? {})}
                                </li>
                              ))}
                            </ul>
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={data.report.page} pageCount={data.report.pageCount} />
        </section>
      ) : null}
    </>
  )
}
