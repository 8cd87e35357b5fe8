import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { langAttr } from '~/components/localized-text'
import {
  importGuide,
  type ImportMessage,
  listImports,
  readImportUpload,
  startImport,
} from '~/modules/exporters/csv-import.server'
import { requireVerifiedExporter } from '~/modules/exporters/membership.server'
import { privateHeaders } from '~/utils/cache'
import { dateText } from '~/utils/dates'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { titleMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const [imports, guide] = await Promise.all([listImports(user), importGuide(locale)])
  return {
    title: getFixedT(locale, 'imports')('title'),
    imports: imports.map((row) => ({ ...row, createdAt: dateText(row.createdAt, locale) })),
    guide,
  }
}

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireVerifiedExporter(request, locale)
  const read = await readImportUpload(request)
  const started = read.ok ? await startImport(user, read.upload) : read
  if (!started.ok) return data({ error: started.error }, { status: 400 })
  return redirect(localePath(locale, `/exporter/import/${started.importId}`))
}

export default function ImportUpload() {
  const { imports, guide } = useLoaderData<typeof loader>()
  const error = useActionData<{ error?: ImportMessage }>()?.error
  const uploading = useNavigation().state === 'submitting'
  const locale = useRootLocale()
  const { t } = useTranslation('imports')
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p className="notice">{t('upload.draftNote')}</p>

      <Form method="post" encType="multipart/form-data" className="filters" aria-labelledby="upload-title">
        <h2 id="upload-title" className="visually-hidden">
          {t('upload.title')}
        </h2>
        {error ? (
          <p className="form-error" role="alert" id="file-error">
            {t(error.key, error.values ?? {})}
          </p>
        ) : null}
        <div className="field filters__field--wide">
          <label htmlFor="import-file">{t('upload.label')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
          />
          <p className="field__hint" id="file-hint">
            {t('upload.hint', { megabytes: guide.limits.megabytes, rows: guide.limits.rows })}
          </p>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--primary" disabled={uploading}>
            {uploading ? t('upload.submitting') : t('upload.submit')}
          </button>
        </div>
        <p>
          <a href={localePath(locale, '/exporter/import/template.csv')} download>
            {t('upload.template')}
          </a>
        </p>
      </Form>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('history.title')}</h2>
        {imports.length === 0 ? (
          <p className="muted">{t('history.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('history.file')}</th>
                  <th scope="col">{t('history.started')}</th>
                  <th scope="col">{t('history.status')}</th>
                  <th scope="col">{t('history.created')}</th>
                  <th scope="col">{t('history.errors')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={localePath(locale, `/exporter/import/${row.id}`)}>{row.fileName}</Link>
                    </td>
                    <td>
                      <time dateTime={row.createdAt.iso}>{row.createdAt.text}</time>
                    </td>
                    <td>{t(`status.${row.status}`)}</td>
                    <td>{row.createdCount}</td>
                    <td>{row.errorCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="columns-title" className="story">
        <h2 id="columns-title">{t('columns.title')}</h2>
        <p>{t('columns.lead', { rows: guide.limits.rows, cellLength: guide.limits.cellLength })}</p>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.column')}</th>
                <th scope="col">{t('columns.needed')}</th>
                <th scope="col">{t('columns.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {guide.columns.map((column) => (
                <tr key={column.name}>
                  <td>
                    <code>{column.name}</code>
                  </td>
                  <td>{column.required ? t('columns.required') : t('columns.optional')}</td>
                  <td>{t(`columns.${column.name}`, { tiers: guide.limits.tiers })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="facts">
          <dt>
            <code>currency</code>
          </dt>
          <dd>{guide.currencies.join(', ')}</dd>
          <dt>
            <code>sale_mode</code>
          </dt>
          <dd>{guide.saleModes.map((mode) => `${mode} (${t(`saleMode.${mode}`, { ns: 'common' })})`).join(', ')}</dd>
          <dt>
            <code>unit</code>
          </dt>
          <dd>{guide.units.map((unit) => `${unit} (${t(`units.${unit}`, { ns: 'common' })})`).join(', ')}</dd>
          <dt>
            <code>certificates</code>
          </dt>
          <dd>
            {guide.certificates.map((kind, index) => (
              <Fragment key={kind}>
                {index > 0 ? '; ' : null}
                <code>{kind}</code>
              </Fragment>
            ))}
          </dd>
        </dl>
        <details>
          <summary>{t('columns.regions')}</summary>
          <ul>
            {guide.regions.map((region) => (
              <li key={region.code}>
                <code>{region.code}</code> — <span lang={langAttr(region.lang, locale)}>{region.name}</span>
              </li>
            ))}
          </ul>
        </details>
        <details>
          <summary>{t('columns.categories')}</summary>
          <ul>
            {guide.categories.map((category) => (
              <li key={category.slug}>
                <code>{category.slug}</code> — <span lang={langAttr(category.lang, locale)}>{category.name}</span> (
                {t('columns.headings', { headings: category.headings.join(', ') })})
              </li>
            ))}
          </ul>
        </details>
      </section>
    </>
  )
}
