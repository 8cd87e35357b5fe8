import { useTranslation } from 'react-i18next'

import { CheckboxField } from '~/components/form'
import { cbecRiskNotice } from '~/modules/checkout/cbec'

export function RiskNotice({ checked, error }: { checked: boolean; error?: string }) {
  const { t } = useTranslation('checkout')
  return (
    <section className="notice risk-notice" aria-labelledby="risk-notice-title" data-testid="risk-notice">
      <h2 id="risk-notice-title">{t('riskNotice.title')}</h2>
      <p>{t('riskNotice.intro')}</p>
      <ol>
        {cbecRiskNotice.points.map((point) => (
          <li key={point}>{t(`riskNotice.${point}`)}</li>
        ))}
      </ol>
      <p className="muted risk-notice__source">{t('riskNotice.source')}</p>
      <CheckboxField
        namespace="checkout"
        name="riskNotice"
        value={cbecRiskNotice.version}
        required
        defaultChecked={checked}
        label={t('riskNotice.confirm')}
        error={error}
      />
    </section>
  )
}

export function RiskNoticeRecord({ notice }: { notice: { version: string; at: string } | null }) {
  const { t } = useTranslation('checkout')
  if (!notice) return null
  return (
    <p className="muted" data-testid="risk-notice-record">
      {t('riskNotice.recorded', { version: notice.version, date: notice.at })}
    </p>
  )
}
