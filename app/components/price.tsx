import { useTranslation } from 'react-i18next'

type PriceText = { text: string }

export function Price({ price, reference, unit }: { price: PriceText; reference: PriceText | null; unit?: string }) {
  const { t } = useTranslation()
  return (
    <span className="price">
      <span className="price__amount">{price.text}</span>
      {unit ? <span className="price__unit"> {t('units.per', { unit: t(`units.${unit}`) })}</span> : null}
      {reference ? <span className="price__reference">{t('price.reference', { amount: reference.text })}</span> : null}
    </span>
  )
}
