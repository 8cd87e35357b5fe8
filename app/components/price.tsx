import { formatMoney, type Money } from '~/modules/checkout/money'
import type { Locale } from '~/utils/locales'
import { useTranslation } from 'react-i18next'

export function Price({ price, reference, locale, unit }: { price: Money; reference: Money | null; locale: Locale; unit?: string }) {
  const { t } = useTranslation()
  return (
    <span className="price">
      <span className="price__amount">{formatMoney(price, locale)}</span>
      {unit ? <span className="price__unit"> {t('units.per', { unit: t(`units.${unit}`) })}</span> : null}
      {reference ? (
        <span className="price__reference">
          {t('price.reference', { amount: formatMoney(reference, locale) })}
        </span>
      ) : null}
    </span>
  )
}
