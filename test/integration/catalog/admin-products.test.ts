import { beforeAll, describe, expect, test } from 'vitest'

import { setFeatured } from '~/modules/catalog/admin-featured.server'
import { featuredProducts } from '~/modules/catalog/catalog.server'
import { transitionProduct } from '~/modules/catalog/product-status.server'
import { parseCatalogParams, searchCatalog } from '~/modules/catalog/search.server'
import { loader as queueLoader } from '~/routes/$locale.admin.products._index'
import { action as productAction, loader as productLoader } from '~/routes/$locale.admin.products.$productId'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'

import { createUser, get, outcome, post, signedInAdmin } from '../../support/admin'

let cookie: string
let adminId: number

beforeAll(async () => {
  const signedIn = await signedInAdmin()
  cookie = signedIn.cookie
  adminId = signedIn.admin.id
})

let taken = 0
/** A published product of a verified exporter sent back to review, as an exporter's edit would, with a member to mail. */
async function productInReview(memberLocale = 'kk') {
  const product = await getDb().product.findFirstOrThrow({
    where: { status: 'published', exporter: { status: 'verified' }, translations: { some: { locale: 'zh-hans' } } },
    orderBy: { id: 'desc' },
    skip: taken++,
    select: { id: true, slug: true, exporterId: true, translations: { select: { locale: true, name: true } } },
  })
  await transitionProduct(product.id, 'in_review', null)
  const member = await createUser('exporter', { exporterId: product.exporterId, locale: memberLocale })
  const name = (locale: string) => product.translations.find((t) => t.locale === locale)?.name ?? ''
  return { ...product, member, name }
}

function act(productId: number, fields: Record<string, string>, locale = 'en') {
  return outcome(() =>
    productAction({
      request: post(`/${locale}/admin/products/${productId}`, fields, cookie),
      params: { locale, productId: String(productId) },
      context: {},
    }),
  )
}

async function searchZh(query: string) {
  return (await searchCatalog('zh-hans', 'CN', parseCatalogParams(new URLSearchParams({ q: query })))).products
}

async function lastMailTo(email: string) {
  return getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: email }, orderBy: { id: 'desc' } })
}

describe('the review queue', () => {
  test('lists products in review, the longest-waiting first', async () => {
    const first = await productInReview()
    const second = await productInReview()
    // the first was submitted a day earlier, though its id is higher
    await getDb().product.update({ where: { id: first.id }, data: { submittedAt: new Date(Date.now() - 86_400_000) } })
    expect(first.id).toBeGreaterThan(second.id)
    const result = await outcome(() =>
      queueLoader({ request: get('/en/admin/products', cookie), params: { locale: 'en' }, context: {} }),
    )
    const data = result.data as Awaited<ReturnType<typeof queueLoader>>
    expect(data.status).toBe('in_review')
    const ids = data.products.map((p) => p.id)
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id))
  })

  test('a product shows its texts in every language, HS code against the category and market access', async () => {
    const product = await productInReview()
    const result = await outcome(() =>
      productLoader({
        request: get(`/en/admin/products/${product.id}`, cookie),
        params: { locale: 'en', productId: String(product.id) },
        context: {},
      }),
    )
    const data = (result.data as Awaited<ReturnType<typeof productLoader>>).product
    expect(data.texts).toHaveLength(5)
    expect(data.texts.find((t) => t.locale === 'zh-hans')?.name).toBe(product.name('zh-hans'))
    expect(data.hs.known).toBe(true)
    expect(data.hs.matchesCategory).toBe(true)
    expect(data.category.headings.length).toBeGreaterThan(0)
    expect(data.access.map((a) => a.market)).toEqual(['CN', 'HK', 'INTL'])
  })
})

describe('approving and rejecting', () => {
  test('approving publishes the product, puts it in search and mails the company in its language', async () => {
    const product = await productInReview('kk')
    expect((await searchZh(product.name('zh-hans'))).some((p) => p.slug === product.slug)).toBe(false)
    const result = await act(product.id, { intent: 'approve' })
    expect(result.status).toBe(302)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe('published')
    expect((await searchZh(product.name('zh-hans'))).some((p) => p.slug === product.slug)).toBe(true)
    const mail = await lastMailTo(product.member.email)
    expect(mail.locale).toBe('kk')
    expect(mail.subject).toContain('жарияланды')
    expect(mail.body).toContain(product.name('kk') || product.name('ru'))
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { entityType: 'Product', entityId: String(product.id), action: 'product.published' },
      orderBy: { id: 'desc' },
    })
    expect(entry.actorId).toBe(adminId)
  })

  test('rejecting needs a reason; the reason is kept and mailed', async () => {
    const product = await productInReview('zh-hans')
    const missing = await act(product.id, { intent: 'reject', reason: '' }, 'zh-hans')
    expect(missing.status).toBe(400)
    expect(missing.errors.reason).toBe('errors.reasonRequired')
    expect(getFixedT('zh-hans', 'admin')(missing.errors.reason)).toContain('原因')
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe('in_review')

    const reason = 'HS 编码与品类不符 <img src=x onerror=alert(1)>'
    expect((await act(product.id, { intent: 'reject', reason })).status).toBe(302)
    expect(await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      status: 'rejected',
      statusReason: reason,
    })
    const mail = await lastMailTo(product.member.email)
    expect(mail.subject).toContain('未通过审核')
    expect(mail.body).toContain(reason)
  })

  test('deciding a product that is not in review is refused (409) and changes nothing', async () => {
    const product = await productInReview()
    expect((await act(product.id, { intent: 'approve' })).status).toBe(302)
    const again = await act(product.id, { intent: 'reject', reason: 'too late' })
    expect(again.status).toBe(409)
    expect(again.errors.form).toBe('errors.productTransition')
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe('published')
  })

  test.each([
    [{ intent: 'publish' }, 'intent', 'errors.unknownAction'],
    [{ intent: 'reject', reason: 'y'.repeat(1001) }, 'reason', 'errors.tooLong'],
    [{ intent: 'reject', reason: 'a\u0007b' }, 'reason', 'errors.controlCharacters'],
  ])('%j is refused with a translated message', async (fields, field, key) => {
    const product = await productInReview()
    const result = await act(product.id, fields, 'ru')
    expect(result.status).toBe(400)
    expect(result.errors[field]).toBe(key)
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe('in_review')
  })
})

describe('featured products', () => {
  test('featuring puts a published product on the home page; unfeaturing takes it off', async () => {
    const product = await getDb().product.findFirstOrThrow({
      where: { status: 'published', featured: false, exporter: { status: 'verified' } },
      select: { id: true, slug: true },
    })
    const onHome = async () => (await featuredProducts('en', 'INTL', 1000)).some((p) => p.slug === product.slug)
    expect(await onHome()).toBe(false)
    expect((await act(product.id, { intent: 'featured', featured: '1' })).location).toContain('notice=featured')
    expect(await onHome()).toBe(true)
    expect((await act(product.id, { intent: 'featured', featured: '0' })).location).toContain('notice=unfeatured')
    expect(await onHome()).toBe(false)
  })

  test('a featured value other than 0 or 1 is refused; non-admins are refused in the module too', async () => {
    const product = await getDb().product.findFirstOrThrow({
      where: { status: 'published' },
      select: { id: true, featured: true },
    })
    const result = await act(product.id, { intent: 'featured', featured: 'true' })
    expect(result.status).toBe(400)
    expect(result.errors.featured).toBe('errors.invalidChoice')
    const exporter = await createUser('exporter')
    await expect(
      setFeatured({ id: exporter.id, role: 'exporter' }, 'product', product.id, { featured: '1' }),
    ).rejects.toMatchObject({
      status: 403,
    })
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).featured).toBe(product.featured)
  })
})
