// A checkpoint and a tour stop take the same coordinates; each page keeps its own words (`words` + `keyPrefix`).
import { useTranslation } from 'react-i18next'

import { CheckboxField, Field, fieldBinder } from '~/components/form'

export function CoordinatesFields({
  words,
  keyPrefix,
  required = false,
  values,
  errors,
}: {
  words: string
  keyPrefix: string
  required?: boolean
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
}) {
  const { t } = useTranslation(words, { keyPrefix })
  const bind = fieldBinder('admin', values, errors)
  return (
    <fieldset className="localized-fields">
      <legend>{t('coordinates')}</legend>
      <p className="field__hint">{t('coordinatesHint')}</p>
      <Field label={t('lat')} {...bind('lat')} inputMode="decimal" required={required} maxLength={20} />
      <Field label={t('lon')} {...bind('lon')} inputMode="decimal" required={required} maxLength={20} />
      <CheckboxField
        namespace="admin"
        label={t('coordinatesVerified')}
        name="coordinatesVerified"
        defaultChecked={values.coordinatesVerified === '1' || values.coordinatesVerified === 'on'}
        error={errors.coordinatesVerified}
      />
    </fieldset>
  )
}
