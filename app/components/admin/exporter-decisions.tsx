import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ReasonField } from '~/components/admin/review'

const intentLabels = {
  verify: 'exporters.verify',
  reject: 'exporters.reject',
  suspend: 'exporters.suspend',
  reinstate: 'exporters.reinstate',
} as const

export function ExporterDecisions({
  decisions,
  errors,
  values,
}: {
  decisions: readonly (keyof typeof intentLabels)[]
  errors: Record<string, string>
  values: Record<string, string>
}) {
  const { t } = useTranslation('admin')
  if (decisions.length === 0) return null
  return (
    <section aria-labelledby="decisions" className="admin-actions">
      <h2 id="decisions" className="visually-hidden">
        {t('exporters.decisions')}
      </h2>
      {decisions.map((intent) => (
        <Form method="post" key={intent} noValidate>
          <input type="hidden" name="intent" value={intent} />
          {intent === 'reject' || intent === 'suspend' ? (
            <ReasonField
              label={t('exporters.reasonLabel')}
              hint={t('exporters.reasonHint')}
              value={values.intent === intent ? values.reason : ''}
              error={values.intent === intent ? errors.reason : undefined}
            />
          ) : (
            <p className="muted">{t(`exporters.${intent}Hint`)}</p>
          )}
          <button
            type="submit"
            className={intent === 'verify' || intent === 'reinstate' ? 'button button--primary' : 'button button--danger'}
          >
            {t(intentLabels[intent])}
          </button>
        </Form>
      ))}
    </section>
  )
}
