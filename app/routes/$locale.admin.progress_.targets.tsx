import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SourceField } from '~/components/admin/source-field'
import { useAdminForm } from '~/components/admin/ui'
import { Field, fieldBinder, FormError, Notice, SelectField } from '~/components/form'
import { FigureTable } from '~/components/progress-chart'
import { adminAction, adminPage } from '~/modules/admin/console.server'
import { categoryTargets, saveCategoryTarget } from '~/modules/progress/targets.server'
import progressStyles from '~/styles/progress.css'
import { privateHeaders } from '~/utils/cache'
import { positiveId } from '~/utils/forms.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { titleMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: progressStyles }]

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(
    args,
    'targets.title',
    (locale, url) => categoryTargets(locale, positiveId(url.searchParams.get('category'))),
    'progress',
  )

export const action = (args: ActionFunctionArgs) =>
  adminAction(
    args,
    saveCategoryTarget,
    ({ categoryId, removed }) => `/admin/progress/targets?category=${categoryId}&notice=${removed ? 'removed' : 'saved'}`,
    { summary: 'errors.fixFields' },
  )

export const headers = privateHeaders
export const meta = titleMeta

export default function AdminCategoryTargets() {
  const { rows, set, saved, maxTargetUsd } = useLoaderData<typeof loader>()
  const locale = useRootLocale()
  const { t } = useTranslation('progress')
  const { errors, values } = useAdminForm(saved)
  const bind = fieldBinder('progress', values, errors)
  const withTarget = rows.filter((row) => row.target)
  const sectors = [...new Set(rows.map((row) => row.sector))]
  return (
    <>
      <p>
        <Link to={localePath(locale, '/admin/progress')}>← {t('admin.title')}</Link>
      </p>
      <h1>{t('targets.title')}</h1>
      <p className="muted">{t('targets.lead')}</p>
      <Notice namespace="progress" keyPrefix="targets" />
      <p>{t('targets.count', { set, total: rows.length })}</p>
      {withTarget.length === 0 ? (
        <p>{t('targets.none')}</p>
      ) : (
        <FigureTable
          caption={t('targets.list')}
          rows={withTarget.map((row) => ({ ...row, key: String(row.id) }))}
          columns={[
            { heading: t('targets.category'), cell: (row) => row.name },
            { heading: t('columns.sector'), cell: (row) => row.sector },
            { heading: t('columns.target'), cell: (row) => row.target!.usdText, numeric: true },
            { heading: t('targets.source'), cell: (row) => row.target!.source },
            { heading: t('targets.updatedAt'), cell: (row) => row.target!.updatedAt.text },
            {
              heading: t('targets.edit'),
              cell: (row) => (
                <Link to={`?category=${row.id}#target-form`} aria-label={`${t('targets.edit')}: ${row.name}`}>
                  {t('targets.edit')}
                </Link>
              ),
            },
          ]}
        />
      )}

      {/* keyed by the category, so choosing "edit" on another row refills the fields */}
      <Form method="post" className="admin-form" id="target-form" noValidate key={saved.categoryId}>
        <h2>{t('targets.editTitle')}</h2>
        <FormError namespace="progress" error={errors.form} />
        <SelectField label={t('targets.category')} {...bind('categoryId')} required>
          <option value="">—</option>
          {sectors.map((sector) => (
            <optgroup key={sector} label={sector}>
              {rows
                .filter((row) => row.sector === sector)
                .map((row) => (
                  <option key={row.id} value={row.id}>
                    {row.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <Field
          label={t('targets.amount')}
          {...bind('usd')}
          inputMode="numeric"
          maxLength={String(maxTargetUsd).length + 2}
          hint={t('targets.amountHint')}
        />
        <SourceField label={t('targets.source')} {...bind('source')} hint={t('targets.sourceHint')} />
        <button type="submit" className="button button--primary">
          {t('targets.save')}
        </button>
      </Form>
    </>
  )
}
