import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'

import { FilterLinks } from '~/components/admin/filter-links'
import { ListTable } from '~/components/admin/list-table'
import { Text, useAdminForm, useAdminPage, When } from '~/components/admin/ui'
import { FormError, Notice } from '~/components/form'
import { adminPage, answerForm, requireAdmin } from '~/modules/admin/console.server'
import { type ReviewStatus, reviewStatuses } from '~/modules/trust/review-rules'
import { moderateReview, reviewsForModeration } from '~/modules/trust/reviews.server'
import { privateHeaders } from '~/utils/cache'
import { localePath } from '~/utils/locale-path'
import { languageNames } from '~/utils/locales'
import { titleMeta } from '~/utils/seo'

function statusOf(request: Request): ReviewStatus {
  const wanted = new URL(request.url).searchParams.get('status')
  return reviewStatuses.find((status) => status === wanted) ?? 'pending'
}

export const loader = (args: LoaderFunctionArgs) =>
  adminPage(args, 'trust.reviewsTitle', async (locale) => {
    const status = statusOf(args.request)
    return { status, reviews: await reviewsForModeration(locale, status) }
  })

export const headers = privateHeaders
export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const { locale, admin } = await requireAdmin(request, params)
  const status = statusOf(request)
  return answerForm(
    request,
    (input) => moderateReview(admin, input),
    (decision) => localePath(locale, `/admin/reviews?status=${status}&notice=${decision}`),
  )
}

const decisions = [
  ['approved', 'trust.approve', 'button button--primary'],
  ['rejected', 'trust.reject', 'button'],
] as const

export default function AdminReviews() {
  const { status, reviews, locale, t } = useAdminPage<typeof loader>()
  const { errors } = useAdminForm()
  // a phone reads each review as a card of labelled lines (.stacked-table), not a table scrolled sideways
  const [product, rating, body, buyer, written] = ['product', 'rating', 'review', 'buyer', 'written'].map((key) => t(`trust.${key}`))
  return (
    <>
      <h1>{t('trust.reviewsTitle')}</h1>
      <p className="muted">{t('trust.reviewsLead')}</p>
      <Notice namespace="admin" keyPrefix="trust" />
      <FormError namespace="admin" error={errors.form ?? errors.reviewId ?? errors.decision} />
      <FilterLinks
        label={t('trust.filter')}
        links={reviewStatuses.map((each) => ({
          to: localePath(locale, `/admin/reviews?status=${each}`),
          text: t(`trust.status.${each}`),
          current: each === status,
        }))}
      />
      <ListTable
        rows={reviews}
        empty={t('trust.noReviews')}
        className="admin-table stacked-table"
        headers={[product, rating, body, buyer, written, '']}
      >
        {(review) => (
          <tr key={review.id}>
            <td data-label={product}>
              <Link to={localePath(locale, `/products/${review.product.slug}`)}>
                <Text value={review.product.name} locale={locale} />
              </Link>
            </td>
            <td data-label={rating}>{t('trust.stars', { count: review.rating, ns: 'common' })}</td>
            <td data-label={body}>
              <Text value={{ text: review.body, lang: review.lang }} locale={locale} />
              <br />
              <span className="muted">
                {t('trust.language')}: {languageNames[review.lang]}
              </span>
            </td>
            <td data-label={buyer}>{review.buyer}</td>
            <td data-label={written}>
              <When value={review.written} />
            </td>
            <td>
              {decisions
                .filter(([decision]) => decision !== review.status)
                .map(([decision, label, className]) => (
                  <Form method="post" key={decision}>
                    <input type="hidden" name="reviewId" value={review.id} />
                    <input type="hidden" name="decision" value={decision} />
                    <button type="submit" className={className}>
                      {t(label)}
                    </button>
                  </Form>
                ))}
            </td>
          </tr>
        )}
      </ListTable>
    </>
  )
}
