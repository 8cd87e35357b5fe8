// The company's file as the exporter fills it in: at registration and when editing it later.
import { useTranslation } from 'react-i18next'

import { Field, SelectField, TextAreaField } from '~/components/form'
import { htmlLang } from '~/utils/locales'

type Bind = (name: string) => { name: string; defaultValue: string; error?: string; namespace: string }

const legalNameFields = [
  { locale: 'kk', required: true },
  { locale: 'ru', required: true },
  { locale: 'en', required: true },
  { locale: 'zh-hans', required: false },
] as const

/** `marked` fields carry a note (the edit page marks those that send the company back for a check). */
export function CompanyFields({
  field,
  regions,
  marked = [],
  aboutLabel,
}: {
  field: Bind
  regions: { code: string; name: string }[]
  marked?: string[]
  aboutLabel?: string
}) {
  const { t } = useTranslation('portal')
  const note = (name: string, hint?: string) =>
    marked.includes(name) ? [hint, t('companyEdit.recheckMark')].filter(Boolean).join(' · ') : hint
  return (
    <>
      {legalNameFields.map(({ locale: nameLocale, required }) => (
        <Field
          key={nameLocale}
          label={t('company.legalNameIn', { language: t(`languages.${nameLocale}`) })}
          lang={htmlLang(nameLocale)}
          required={required}
          maxLength={200}
          hint={note(`legalName.${nameLocale}`, required ? undefined : t('form.optional'))}
          {...field(`legalName.${nameLocale}`)}
        />
      ))}
      <Field
        label={t('fields.bin')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={14}
        required
        hint={note('bin', t('register.binHint'))}
        {...field('bin')}
      />
      <SelectField label={t('fields.region')} required {...field('region')}>
        <option value="">{t('form.regionPlaceholder')}</option>
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
          </option>
        ))}
      </SelectField>
      <Field label={t('fields.city')} autoComplete="address-level2" maxLength={100} required {...field('city')} />
      <Field label={t('fields.address')} autoComplete="street-address" maxLength={300} required {...field('address')} />
      <Field
        label={t('fields.gaccRegistration')}
        autoComplete="off"
        maxLength={40}
        hint={note('gaccRegistration', t('register.gaccHint'))}
        {...field('gaccRegistration')}
      />
      <Field
        label={t('fields.website')}
        type="url"
        autoComplete="url"
        maxLength={200}
        hint={t('form.optional')}
        {...field('website')}
      />
      <TextAreaField
        label={aboutLabel ?? t('fields.about')}
        maxLength={2000}
        rows={4}
        hint={t('register.aboutHint')}
        {...field('about')}
      />
    </>
  )
}

export function ContactFields({ field }: { field: Bind }) {
  const { t } = useTranslation('portal')
  return (
    <>
      <Field label={t('fields.contactName')} autoComplete="name" maxLength={100} required {...field('contactName')} />
      <Field
        label={t('fields.contactPhone')}
        type="tel"
        autoComplete="tel"
        maxLength={40}
        required
        hint={t('register.phoneHint')}
        {...field('contactPhone')}
      />
      <Field
        label={t('fields.contactEmail')}
        type="email"
        autoComplete="off"
        hint={t('register.contactEmailHint')}
        {...field('contactEmail')}
      />
    </>
  )
}
