import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SelectField } from '~/components/form'

type Stages = {
  current: string | null
  next: readonly string[]
  bonded: boolean
  steps: { stage: string; reached: boolean; at: { iso: string; text: string } | null }[]
}

export function OrderStages({
  stages,
  window,
}: {
  stages: Stages
  window?: { fromText: string; toText: string } | null
}) {
  const { t } = useTranslation('checkout')
  if (!stages.current) return null
  return (
    <div className="order-stages" data-testid="order-stages">
      <p className="order-stages__title">{t('stages.title')}</p>
      <ol className="stages">
        {stages.steps.map((step) => (
          <li
            key={step.stage}
            className={step.reached ? 'stage stage--reached' : 'stage stage--pending'}
            aria-current={step.stage === stages.current ? 'step' : undefined}
            data-stage={step.stage}
          >
            <span className="stage__name">{t(`stages.${step.stage}`)}</span>{' '}
            <span className="stage__time">
              {step.at ? <time dateTime={step.at.iso}>{step.at.text}</time> : step.reached ? null : t('stages.notYet')}
            </span>
          </li>
        ))}
      </ol>
      {stages.bonded ? <p className="field__hint">{t('stages.bonded')}</p> : null}
      {window && stages.current !== 'delivered' ? (
        <p className="muted">{t('stages.expected', { from: window.fromText, to: window.toText })}</p>
      ) : null}
    </div>
  )
}

/** Records the next stage; `hidden` carries what the page's action checks besides (an admin's expected status). */
export function StageForm({
  partId,
  stages,
  error,
  hidden = {},
}: {
  partId: number
  stages: Stages
  error?: string
  hidden?: Record<string, string>
}) {
  const { t } = useTranslation('checkout')
  const busy = useNavigation().state === 'submitting'
  if (stages.next.length === 0) return null
  return (
    <Form method="post" className="narrow-form stage-form">
      <input type="hidden" name="partId" value={partId} />
      <input type="hidden" name="from" value={stages.current ?? ''} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="muted">{t('stages.recordLead')}</p>
      <SelectField
        label={t('stages.label')}
        name="stage"
        error={error}
        namespace="sales"
        options={stages.next.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
      />
      <button type="submit" name="intent" value="stage" className="button button--primary" disabled={busy}>
        {t('stages.save')}
      </button>
    </Form>
  )
}
