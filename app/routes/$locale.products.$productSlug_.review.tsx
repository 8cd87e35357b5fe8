import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FormError, Honeypot, Notice, TextAreaField } from '~/components/form'
import { LocalizedText } from '~/components/localized-text'
import { requireUser } from '~/modules/accounts/session.server'
import { reviewTextMax } from '~/modules/trust/review-rules'
import { reviewTarget, submitReview } from '~/modules/trust/reviews.server'
import { privateHeaders } from '~/utils/cache'
import { formObject, isHoneypotFilled, readFormOrNull } from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import { getFixedT } from '~/utils/i18n.server'
import { withNamespaces } from '~/utils/i18n-client'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'
import { requireLocale } from '~/utils/route-params.server'
import { noindexMeta } from '~/utils/seo'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  const target = await reviewTarget(user, params.productSlug ?? '', locale)
  if (!target) throw notFound()
  return { title: getFixedT(locale, 'checkout')('review.title', { name: target.name.text }), target }
}

export const clientLoader = withNamespaces('checkout')

export const headers = privateHeaders
export const meta = noindexMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const user = await requireUser(request, locale)
  const form = await readFormOrNull(request)
  if (!form) return data({ errors: { form: 'errors.formTooLarge' }, values: {} }, { status: 413 })
  const values = formObject(form)
  if (isHoneypotFilled(form)) return data({ errors: { form: 'review.errors.rating' }, values }, { status: 400 })
  const result = await submitReview(user, params.productSlug ?? '', locale, values)
  if (!result.ok) return data({ errors: result.errors, values }, { status: result.status })
  return redirect(localePath(locale, `/products/${result.value.slug}/review?notice=sent`))
}

const ratings = [5, 4, 3, 2, 1]

export default function WriteReview() {
  const { target } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; values?: Record<string, string> }>()
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  const locale = useRootLocale()
  const { t } = useTranslation('checkout')
  // once sent, the page thanks the buyer rather than saying they have reviewed it already
  const sent = useSearchParams()[0].get('notice') === 'sent'
  const refusal = sent ? null : target.refusal
  return (
    <div className="review-form">
      <p>
        <Link to={localePath(locale, `/products/${target.slug}`)}>{t('review.backToProduct')}</Link>
      </p>
      <h1>
        {t('review.title', { name: '' })}
        <LocalizedText value={target.name} locale={locale} />
      </h1>
      <Notice namespace="checkout" keyPrefix="review" />
      <p className="muted">{t('review.lead')}</p>
      <FormError namespace="checkout" error={errors.form ?? refusal ?? undefined} />
      {target.refusal ? null : (
        <Form method="post" noValidate>
          <Honeypot />
          <fieldset className="rating-choice" aria-describedby={errors.rating ? 'rating-error' : undefined}>
            <legend>{t('review.rating')}</legend>
            {ratings.map((rating) => (
              <label key={rating}>
                <input type="radio" name="rating" value={rating} required defaultChecked={values.rating === String(rating)} />
                <span aria-hidden="true">{'★'.repeat(rating)}</span>
                <span className="visually-hidden">{t('review.stars', { count: rating })}</span>
              </label>
            ))}
          </fieldset>
          {errors.rating ? (
            <p className="field__error" id="rating-error" role="alert">
              {t(errors.rating)}
            </p>
          ) : null}
          <TextAreaField
            namespace="checkout"
            name="body"
            label={t('review.body')}
            hint={t('review.bodyHint')}
            defaultValue={values.body}
            error={errors.body}
            maxLength={reviewTextMax}
            required
            rows={5}
          />
          <button type="submit" className="button button--primary">
            {t('review.submit')}
          </button>
        </Form>
      )}
    </div>
  )
}
