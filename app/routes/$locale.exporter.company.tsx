import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { FileField, FormError, Notice, SelectField, StatusBadge } from '~/components/form'
import { langAttr } from '~/components/localized-text'
import { maxUploadBytes } from '~/config/limits'
import { companyProfile } from '~/modules/exporters/company.server'
import { documentKinds } from '~/modules/exporters/document-kinds'
import { saveExporterDocument } from '~/modules/exporters/documents.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { privateHeaders } from '~/utils/cache'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { htmlLang } from '~/utils/locales'
import { readMultipartForm } from '~/utils/multipart.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  return { title: getFixedT(locale, 'portal')('company.title'), company: await companyProfile(user, locale) }
}

export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const upload = await readMultipartForm(request, { fileField: 'document', maxFileBytes: maxUploadBytes })
  const saved = await saveExporterDocument(user, {
    kind: upload.fields.get('kind') ?? '',
    file: upload.file,
    fileTooLarge: upload.fileTooLarge,
  })
  if (!saved.ok) return data({ errors: saved.errors }, { status: 400 })
  return redirect(localePath(locale, '/exporter/company?notice=documentUploaded'))
}

export default function Company() {
  const { company } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const errors = actionData?.errors ?? {}
  const { t } = useTranslation('portal')
  const locale = useRootLocale()
  const sizeText = (bytes: number) => t('company.documentSize', { size: Math.max(1, Math.round(bytes / 1024)) })
  return (
    <>
      <h1>{t('company.title')}</h1>
      <Notice namespace="portal" />
      <p>
        {t('company.statusLabel')} <StatusBadge kind="company" status={company.status} />
      </p>
      {company.status !== 'verified' ? <p className="notice">{t(`companyStatus.${company.status}.text`)}</p> : null}
      {company.statusReason ? <p className="notice">{t('companyStatus.reason', { reason: company.statusReason })}</p> : null}

      <dl className="facts">
        {company.legalNames.map((name) => (
          <Fragment key={name.locale}>
            <dt>{t('company.legalNameIn', { language: t(`languages.${name.locale}`) })}</dt>
            <dd lang={htmlLang(name.locale)}>{name.text}</dd>
          </Fragment>
        ))}
        <dt>{t('fields.bin')}</dt>
        <dd>{company.bin}</dd>
        <dt>{t('fields.region')}</dt>
        <dd>{company.region}</dd>
        {company.city ? (
          <>
            <dt>{t('fields.city')}</dt>
            <dd>{company.city.text}</dd>
          </>
        ) : null}
        <dt>{t('fields.address')}</dt>
        <dd>{company.address}</dd>
        <dt>{t('fields.contactName')}</dt>
        <dd>{company.contactName}</dd>
        <dt>{t('fields.contactPhone')}</dt>
        <dd>{company.contactPhone}</dd>
        <dt>{t('fields.contactEmail')}</dt>
        <dd>{company.contactEmail}</dd>
        <dt>{t('fields.gaccRegistration')}</dt>
        <dd>{company.gaccRegistration ?? t('company.none')}</dd>
        <dt>{t('fields.website')}</dt>
        <dd>{company.website ?? t('company.none')}</dd>
      </dl>
      {company.about ? (
        <>
          <h2>{t('fields.about')}</h2>
          <p className="prewrap" lang={langAttr(company.about.locale, locale)}>
            {company.about.about}
          </p>
        </>
      ) : null}

      <section className="form-section" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('company.documentsTitle')}</h2>
        <p className="muted">{t('company.documentsLead')}</p>
        {company.documents.length === 0 ? (
          <p>{t('company.noDocuments')}</p>
        ) : (
          <ul className="document-list">
            {company.documents.map((document) => (
              <li key={document.id}>
                <a href={localePath(locale, `/exporter/documents/${document.id}`)} download>
                  {document.fileName}
                </a>{' '}
                <span className="muted">
                  {t(`documentKinds.${document.kind}`, { defaultValue: document.kind })} · {sizeText(document.sizeBytes)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" encType="multipart/form-data" className="upload-form">
          <FormError namespace="portal" error={errors.form} />
          <SelectField
            namespace="portal"
            label={t('company.documentKind')}
            name="kind"
            defaultValue="registration_certificate"
            error={errors.kind}
            options={documentKinds.map((kind) => ({ value: kind, label: t(`documentKinds.${kind}`) }))}
          />
          <FileField
            namespace="portal"
            label={t('company.documentFile')}
            name="document"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            hint={t('company.documentHint')}
            error={errors.file}
          />
          <button type="submit" className="button button--primary">
            {t('company.upload')}
          </button>
        </Form>
      </section>
    </>
  )
}
