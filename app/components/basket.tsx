import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { BasketParts, type PartDeliveryView } from '~/components/delivery'
import { langAttr } from '~/components/localized-text'
import { pavilion } from '~/config/pavilion'
import type { Locale } from '~/utils/locales'
import { useRootLocale } from '~/utils/root-data'

type Problem =
  | { code: 'unavailable' | 'soldOut' | 'departed' }
  | { code: 'belowMinimum'; min: number }
  | { code: 'overStock'; max: number }
  | { code: 'notAllowed'; reason: { text: string; lang: Locale } | null }

type Money = { text: string; amountMinor: number }

type BasketSummary = {
  market: string
  subtotal: Money
  shipping?: Money
  parts?: PartDeliveryView[]
  tax: Money
  total: Money
  cbec: {
    singleItemException: boolean
    problem: string | null
    perOrderLimit: Money
    remainingAnnual: Money | null
    fix: { key: string; units: number | null; orders: number } | null
  } | null
  lines: { key: string; name: { text: string } }[]
}

export function MarketPicker({ market, action }: { market: string; action: string }) {
  const { t } = useTranslation('checkout')
  return (
    <Form method="get" action={action} className="market-picker">
      <label htmlFor="market-picker">{t('basket.market')}</label>
      <select
        id="market-picker"
        name="market"
        defaultValue={market}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {pavilion.markets.map((code) => (
          <option key={code} value={code}>
            {t(`markets.${code}`)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button">
          {t('basket.changeMarket')}
        </button>
      </noscript>
    </Form>
  )
}

export function BasketProblems({ problems }: { problems: Problem[] }) {
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  if (problems.length === 0) return null
  return (
    <ul className="basket__problems">
      {problems.map((problem) => (
        <li key={problem.code} className="field__error">
          {t(`problems.${problem.code}`, 'min' in problem ? { min: problem.min } : 'max' in problem ? { max: problem.max } : {})}
          {problem.code === 'notAllowed' && problem.reason ? (
            <span lang={langAttr(problem.reason.lang, locale)}> {problem.reason.text}</span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function CbecFix({ fix, lines }: { fix: NonNullable<NonNullable<BasketSummary['cbec']>['fix']>; lines: BasketSummary['lines'] }) {
  const { t } = useTranslation('checkout')
  const line = lines.find((candidate) => candidate.key === fix.key)
  return (
    <p data-testid="cbec-fix">
      {line && fix.units !== null
        ? t('cbec.fixRemove', { units: fix.units, name: line.name.text, orders: fix.orders })
        : t('cbec.fixSplit', { orders: fix.orders })}
    </p>
  )
}

export function BasketTotals({ basket, place }: { basket: BasketSummary; place?: string | null }) {
  const { t } = useTranslation('checkout')
  return (
    <div className="basket-totals">
      {basket.parts ? <BasketParts parts={basket.parts} place={place} /> : null}
      <dl>
        <dt>{t('basket.subtotal')}</dt>
        <dd data-testid="subtotal">{basket.subtotal.text}</dd>
        {basket.parts && basket.parts.length > 0 && basket.shipping ? (
          <>
            <dt>{t('delivery.shipping')}</dt>
            <dd data-testid="shipping">{basket.shipping.text}</dd>
          </>
        ) : null}
        {basket.cbec ? (
          <>
            <dt>
              {t('basket.taxEstimate')}
              <span className="muted"> {t(basket.cbec.singleItemException ? 'basket.taxFullRate' : 'basket.taxCbecRate')}</span>
            </dt>
            <dd data-testid="tax">{basket.tax.text}</dd>
          </>
        ) : null}
        <dt>{t('basket.total')}</dt>
        <dd data-testid="total">
          <strong>{basket.total.text}</strong>
        </dd>
      </dl>
      {basket.cbec ? (
        <div className="notice" role="note">
          <p>{t('cbec.explainer', { limit: basket.cbec.perOrderLimit.text })}</p>
          {basket.cbec.remainingAnnual ? <p>{t('cbec.remaining', { amount: basket.cbec.remainingAnnual.text })}</p> : null}
          {basket.cbec.singleItemException ? <p>{t('cbec.singleItem')}</p> : null}
          {basket.cbec.problem ? (
            <p className="field__error" role="alert">
              {t(`errors.${basket.cbec.problem}`, { limit: basket.cbec.perOrderLimit.text })}
            </p>
          ) : null}
          {basket.cbec.fix ? <CbecFix fix={basket.cbec.fix} lines={basket.lines} /> : null}
        </div>
      ) : null}
    </div>
  )
}
