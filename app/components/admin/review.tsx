import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { type Localized, Text } from '~/components/admin/ui'
import { Notice, TextAreaField } from '~/components/form'
import { htmlLang, type Locale } from '~/utils/locales'
import { useRootLocale } from '~/utils/root-data'

export function ReviewHeader({
  back,
  name,
  status,
  reason,
  children,
}: {
  back: { to: string; label: string }
  name: Localized
  status: ReactNode
  reason: string | null
  children?: ReactNode
}) {
  const locale = useRootLocale()
  return (
    <>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>
        <Text value={name} locale={locale} />
      </h1>
      <Notice namespace="admin" />
      <p>
        {status}
        {reason ? <span className="muted"> {reason}</span> : null}
        {children}
      </p>
    </>
  )
}

export function Missing() {
  const locale = useRootLocale()
  const { t } = useTranslation('admin')
  return (
    <span className="missing" lang={htmlLang(locale)}>
      {t('form.missing')}
    </span>
  )
}

export function TextsByLanguage<T extends { locale: Locale }>({
  texts,
  children,
}: {
  texts: T[]
  children: (text: T) => ReactNode
}) {
  const { t } = useTranslation()
  return (
    <div className="texts">
      {texts.map((text) => (
        <article key={text.locale}>
          <h3>{t(`languages.${text.locale}`)}</h3>
          <div lang={htmlLang(text.locale)}>{children(text)}</div>
        </article>
      ))}
    </div>
  )
}

export function ReasonField({ label, hint, value, error }: { label: string; hint: string; value?: string; error?: string }) {
  return (
    <TextAreaField
      namespace="admin"
      label={label}
      name="reason"
      required
      maxLength={1000}
      rows={3}
      defaultValue={value ?? ''}
      error={error}
      hint={hint}
    />
  )
}
