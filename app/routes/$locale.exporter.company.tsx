import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CompanyFields, ContactFields } from '~/components/company-fields'
import { fieldBinder, FileField, FormError, Notice, SelectField, StatusBadge } from '~/components/form'
import { maxUploadBytes } from '~/config/limits'
import { companyProfile } from '~/modules/exporters/company.server'
import { companyFormValues, updateCompanyDetails } from '~/modules/exporters/company-edit.server'
import { documentKinds } from '~/modules/exporters/document-kinds'
import { replaceExporterDocument, saveExporterDocument, withdrawExporterDocument } from '~/modules/exporters/documents.server'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { regionOptions } from '~/modules/exporters/options.server'
import { askForNewCheck, recheckFields } from '~/modules/exporters/recheck.server'
import { privateHeaders } from '~/utils/cache'
import { formObject, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { readMultipartForm } from '~/utils/multipart.server'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  const [company, form, regions] = await Promise.all([
    companyProfile(user, locale),
    companyFormValues(user, locale),
    regionOptions(locale),
  ])
  return { title: getFixedT(locale, 'portal')('company.title'), company, form, regions, recheckFields }
}

export const headers = privateHeaders
export const meta = noindexMeta

const notice = (locale: Locale, key: string) => redirect(localePath(locale, `/exporter/company?notice=${key}`))

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { user } = await requireExporterMember(request, locale)
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const upload = await readMultipartForm(request, { fileField: 'document', maxFileBytes: maxUploadBytes })
    const file = { file: upload.file, fileTooLarge: upload.fileTooLarge }
    const documentId = Number(upload.fields.get('documentId') ?? '')
    const replacing = upload.fields.get('intent') === 'replace'
    const saved = replacing
      ? await replaceExporterDocument(user, documentId, file)
      : await saveExporterDocument(user, { kind: upload.fields.get('kind') ?? '', ...file })
    if (!saved.ok) return data({ errors: saved.errors, documentId: replacing ? documentId : null }, { status: saved.status })
    return notice(locale, replacing ? 'documentReplaced' : 'documentUploaded')
  }
  const values = formObject(await readForm(request))
  if (values.intent === 'withdraw') {
    const done = await withdrawExporterDocument(user, Number(values.documentId))
    return done.ok ? notice(locale, 'documentWithdrawn') : data({ errors: done.errors }, { status: done.status })
  }
  if (values.intent === 'askCheck') {
    const done = await askForNewCheck(user)
    return done.ok ? notice(locale, 'checkRequested') : data({ errors: done.errors }, { status: done.status })
  }
  const saved = await updateCompanyDetails(user, values, locale)
  if (!saved.ok) return data({ errors: saved.errors, values }, { status: saved.status })
  const { changed, recheck } = saved.value
  return notice(locale, recheck ? 'companyRecheck' : changed.length > 0 ? 'companySaved' : 'unchanged')
}

export default function Company() {
  const { company, form, regions, recheckFields } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; values?: Record<string, string>; documentId?: number }>()
  const errors = actionData?.errors ?? {}
  const field = fieldBinder('portal', actionData?.values ?? form.values, errors) as Parameters<typeof CompanyFields>[0]['field']
  const editable = company.status !== 'suspended'
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

      {company.status === 'rejected' ? (
        <Form method="post" className="form-section">
          <h2>{t('companyEdit.askTitle')}</h2>
          <p>{t('companyEdit.askLead')}</p>
          <input type="hidden" name="intent" value="askCheck" />
          <button type="submit" className="button button--primary">
            {t('companyEdit.askSubmit')}
          </button>
        </Form>
      ) : null}

      <Form method="post" noValidate aria-labelledby="details-title">
        <h2 id="details-title">{t('companyEdit.title')}</h2>
        <p className="muted">{editable ? t('companyEdit.recheckHint') : t('companyEdit.suspended')}</p>
        {Object.keys(errors).length > 0 && !actionData?.documentId ? (
          <FormError namespace="portal" error={errors.form ?? 'errors.checkFields'} />
        ) : null}
        <fieldset className="form-section" disabled={!editable}>
          <CompanyFields
            field={field}
            regions={regions}
            marked={company.status === 'verified' ? recheckFields : []}
            aboutLabel={t('companyEdit.aboutIn', { language: t(`languages.${form.aboutLocale}`) })}
          />
          <ContactFields field={field} />
          <button type="submit" className="button button--primary">
            {t('companyEdit.save')}
          </button>
        </fieldset>
      </Form>

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
                {editable ? (
                  <DocumentActions document={document} errors={actionData?.documentId === document.id ? errors : {}} />
                ) : null}
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

/** Replace the file (same kind) or withdraw it; both delete the old bytes. */
function DocumentActions({ document, errors }: { document: { id: number; fileName: string }; errors: Record<string, string> }) {
  const { t } = useTranslation('portal')
  return (
    <div className="inline-form">
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="replace" />
        <input type="hidden" name="documentId" value={document.id} />
        <FileField
          namespace="portal"
          label={t('companyEdit.replaceFile', { name: document.fileName })}
          name="document"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          error={errors.file ?? errors.form}
        />
        <button type="submit" className="button">
          {t('companyEdit.replace')}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="documentId" value={document.id} />
        <button type="submit" className="button button--danger">
          {t('companyEdit.withdraw')}
        </button>
      </Form>
    </div>
  )
}
