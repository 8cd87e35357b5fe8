import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, fieldBinder, FormError, Honeypot, SelectField, TextAreaField } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { IncotermSelect } from '~/components/quote-form'
import { pavilion } from '~/config/pavilion'
import { requireRole } from '~/modules/accounts/session.server'
import { todayUtc } from '~/modules/trade/forms.server'
import { tradeMarkets } from '~/modules/trade/options'
import { quoteRequestProduct, requestQuote } from '~/modules/trade/quotes.server'
import tradeStyles from '~/styles/trade.css'
import { privateHeaders } from '~/utils/cache'
import { formObject, isHoneypotFilled, readForm } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tradeStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireRole(request, locale, 'buyer')
  const product = await quoteRequestProduct(params.productSlug ?? '', locale)
  if (!product) throw notFound()
  const tomorrow = new Date(todayUtc().getTime() + 86_400_000)
  return {
    title: getFixedT(locale, 'trade')('request.title', { product: product.name.text }),
    product,
    defaultMarket: pavilion.defaultMarketByLocale[locale],
    earliestDate: tomorrow.toISOString().slice(0, 10),
  }
}

export const clientLoader = withNamespaces('trade', 'checkout')

export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const buyer = await requireRole(request, locale, 'buyer')
  const form = await readForm(request)
  const values = formObject(form)
  if (isHoneypotFilled(form)) return data({ errors: { form: 'errors.rejected' }, values }, { status: 400 })
  const result = await requestQuote(buyer, params.productSlug ?? '', values, locale)
  if (!result.ok) return data({ errors: result.errors, values }, { status: result.status })
  return redirect(localePath(locale, `/quotes/${result.value.number}?notice=requested`))
}

export default function RequestQuote() {
  const { product, defaultMarket, earliestDate } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; values?: Record<string, string> }>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const locale = useRootLocale()
  const { t } = useTranslation('trade')
  const unit = t(`units.${product.unit}`, { ns: 'common' })
  const bind = fieldBinder('trade', values, errors)
  return (
    <div className="trade-form">
      <p>
        <Link to={localePath(locale, `/products/${product.slug}`)}>{t('request.backToProduct')}</Link>
      </p>
      <h1>
        {t('request.heading')} <LocalizedText value={product.name} locale={locale} />
      </h1>
      <p className="muted">
        {t('request.lead', { minimum: product.minOrderQuantity, unit })}{' '}
        <LocalizedText value={product.exporter.name} locale={locale} />
      </p>
      <Form method="post" noValidate>
        <FormError namespace="trade" error={errors.form} />
        <Honeypot />
        <div className="trade-row">
          <Field
            label={t('request.quantity', { unit })}
            {...bind('quantity', String(product.minOrderQuantity))}
            type="number"
            inputMode="numeric"
            min={product.minOrderQuantity}
            step={1}
            required
            hint={t('request.quantityHint', { minimum: product.minOrderQuantity, unit })}
          />
          <SelectField
            label={t('request.market')}
            {...bind('market', defaultMarket)}
            options={tradeMarkets.map((market) => ({ value: market, label: t(`markets.${market}`, { ns: 'common' }) }))}
          />
        </div>
        <div className="trade-row">
          <IncotermSelect defaultValue={values.incoterm ?? 'DAP'} error={errors.incoterm} />
          <Field
            label={t('request.namedPlace')}
            {...bind('namedPlace')}
            required
            maxLength={200}
            hint={t('request.namedPlaceHint')}
          />
        </div>
        <div className="trade-row">
          <Field
            label={t('request.destinationCity')}
            {...bind('destinationCity')}
            required
            maxLength={200}
            autoComplete="address-level2"
          />
          <Field label={t('request.wishedDelivery')} {...bind('wishedDeliveryOn')} type="date" min={earliestDate} />
        </div>
        <TextAreaField
          label={t('request.message')}
          {...bind('message')}
          maxLength={4000}
          rows={5}
          hint={t('request.messageHint')}
        />
        <button type="submit" className="button button--primary">
          {t('request.submit')}
        </button>
      </Form>
    </div>
  )
}
