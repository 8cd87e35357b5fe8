import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'

type Props = { product: { id: number; saleMode: string; stock: number; minOrderQuantity: number; unit: string } }

export function AddToCart({ product }: Props) {
  const locale = useRootLocale()
  const { t } = useTranslation('product')
  if (product.saleMode === 'wholesale') return null
  if (product.stock < product.minOrderQuantity)
    return (
      <p className="buy-box buy-box--sold-out" role="status">
        {t('buy.soldOut')}
      </p>
    )
  return (
    <Form method="post" action={localePath(locale, '/cart')} className="buy-box">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={product.id} />
      <label htmlFor="buy-quantity">{t('buy.quantity', { unit: t(`units.${product.unit}`, { ns: 'common' }) })}</label>
      <input
        id="buy-quantity"
        name="quantity"
        type="number"
        inputMode="numeric"
        min={product.minOrderQuantity}
        max={product.stock}
        step={1}
        defaultValue={product.minOrderQuantity}
        required
      />
      <button type="submit" className="button button--primary">
        {t('buy.add')}
      </button>
      <Link to={localePath(locale, '/cart')} className="buy-box__cart">
        {t('buy.view')}
      </Link>
    </Form>
  )
}
