import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field, fieldBinder, FormError, Notice, SelectField } from '~/components/form'
import { requireExporterMember } from '~/modules/exporters/membership.server'
import { parseShippingProfile, saveShippingProfile, shippingForms } from '~/modules/logistics/shipping-profile.server'
import { maxBands } from '~/modules/logistics/shipping-rules'
import { privateHeaders } from '~/utils/cache'
import { readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const { exporter } = await requireExporterMember(request, locale)
  return { title: getFixedT(locale, 'sales')('shipping.title'), forms: await shippingForms(exporter.id) }
}

export const clientLoader = withNamespaces('sales')
export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const { exporter } = await requireExporterMember(request, locale)
  const form = await readForm(request)
  const parsed = await parseShippingProfile(form)
  const values = Object.fromEntries([...form.entries()].map(([name, value]) => [name, String(value)]))
  if (!parsed.ok) return data({ market: values.market, errors: parsed.errors, values }, { status: parsed.status })
  // only the signed-in member's own company: the exporter comes from the session, never from the form
  await saveShippingProfile(exporter.id, parsed.value)
  return redirect(localePath(locale, `/exporter/shipping?notice=saved#market-${parsed.value.market}`), 303)
}

type ActionData = { market?: string; errors: Record<string, string>; values: Record<string, string> }

const numberFields = [
  { name: 'handlingDays', inputMode: 'numeric' },
  { name: 'shipWithinHours', inputMode: 'numeric' },
] as const

function MarketForm({ form }: { form: ReturnType<typeof useLoaderData<typeof loader>>['forms'][number] }) {
  const { t } = useTranslation('sales')
  const actionData = useActionData<ActionData>()
  const mine = actionData?.market === form.market
  const values = mine ? actionData.values : form.values
  const errors = mine ? actionData.errors : {}
  const bind = fieldBinder('sales', values, errors)
  const money = (name: string) => ({ ...bind(name), inputMode: 'decimal' as const, autoComplete: 'off' })
  return (
    <section id={`market-${form.market}`} className="card" aria-labelledby={`market-${form.market}-title`}>
      <h2 id={`market-${form.market}-title`}>
        {t(`markets.${form.market}`)} ({form.currency})
      </h2>
      {!form.saved ? <p className="muted">{t('shipping.notSet')}</p> : null}
      <Form method="post" noValidate>
        {mine ? <FormError error={Object.keys(errors).length ? 'shipping.errors.check' : undefined} namespace="sales" /> : null}
        <input type="hidden" name="market" value={form.market} />
        <SelectField {...bind('rateKind')} label={t('shipping.rateKind')}>
          <option value="per_item">{t('shipping.perItemKind')}</option>
          <option value="weight_bands">{t('shipping.bandsKind')}</option>
        </SelectField>
        <Field {...money('perItem')} label={t('shipping.perItem', { currency: form.currency })} />
        <fieldset className="choices">
          <legend>{t('shipping.bands', { currency: form.currency })}</legend>
          <p className="field__hint">{t('shipping.bandsHint')}</p>
          {Array.from({ length: maxBands }, (_, index) => (
            <div key={index} className="form-row">
              <Field {...bind(`band.${index}.upTo`)} inputMode="numeric" label={t('shipping.upToGrams', { n: index + 1 })} />
              <Field {...money(`band.${index}.price`)} label={t('shipping.bandPrice', { n: index + 1 })} />
            </div>
          ))}
        </fieldset>
        <Field
          {...money('freeFrom')}
          label={t('shipping.freeFrom', { currency: form.currency })}
          hint={t('shipping.freeFromHint')}
        />
        {numberFields.map((field) => (
          <Field key={field.name} {...bind(field.name)} inputMode={field.inputMode} label={t(`shipping.${field.name}`)} />
        ))}
        <SelectField {...bind('shipsFrom')} label={t('shipping.shipsFrom')}>
          <option value="direct">{t('shipping.direct')}</option>
          <option value="bonded">{t('shipping.bonded')}</option>
        </SelectField>
        <div className="form-row">
          <Field {...bind('bondedMinDays')} inputMode="numeric" label={t('shipping.bondedMinDays')} />
          <Field {...bind('bondedMaxDays')} inputMode="numeric" label={t('shipping.bondedMaxDays')} />
        </div>
        <button type="submit" className="button button--primary">
          {t('shipping.save', { market: t(`markets.${form.market}`) })}
        </button>
      </Form>
    </section>
  )
}

export default function ShippingPage() {
  const { forms } = useLoaderData<typeof loader>()
  const { t } = useTranslation('sales')
  return (
    <>
      <h1>{t('shipping.title')}</h1>
      <Notice namespace="sales" keyPrefix="shipping.notices" />
      <p>{t('shipping.intro')}</p>
      {forms.map((form) => (
        <MarketForm key={form.market} form={form} />
      ))}
    </>
  )
}
