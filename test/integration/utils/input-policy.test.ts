// One input policy for every form (issue 11, item 8): NUL, a bidi override (U+202E) and a bell
// (U+0007) typed into a checkout address, a booking name, a quote request, a quote message and a
// consignee are refused with a message in the buyer's language (400), nothing is saved, and
// nothing answers 500 — on SQLite and on PostgreSQL, which cannot store NUL at all.
import { beforeAll, describe, expect, test } from 'vitest'

import { cbecRiskNotice } from '~/modules/checkout/cbec'
import { action as registerAction } from '~/routes/$locale._auth.register'
import { action as cartAction } from '~/routes/$locale.cart'
import { action as checkoutAction } from '~/routes/$locale.checkout'
import { action as exporterQuoteAction } from '~/routes/$locale.exporter.quotes.$requestNumber'
import { action as exporterRegisterAction } from '~/routes/$locale.exporter_.register'
import { action as requestAction } from '~/routes/$locale.products.$productSlug_.quote'
import { action as buyerQuoteAction } from '~/routes/$locale.quotes.$requestNumber'
import { action as tourAction } from '~/routes/$locale.tours.$routeSlug'
import { getDb } from '~/utils/db.server'
import { multiLine as adminMultiLine, singleLine as adminSingleLine } from '~/utils/forms.server'
import { hasControlCharacters, multiLine, singleLine } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { addresses, productBySlug, setStock } from '../../support/checkout'
import { args, freshBin, outcome, type Person, person, post } from '../../support/portal'

const hostile = [
  ['NUL', 'Silk Road 1\u0000'],
  ['U+202E', 'Silk \u202Edaor 1'],
  ['U+0007', 'Silk Road\u0007 1'],
] as const

/** Refused with 400 and a message that exists in all five languages (the key, in `namespace`). */
function expectRefused(
  result: { status: number; errors: Record<string, string> },
  field: string,
  namespace: string,
  message = /errors\.controlCharacters$/,
) {
  expect(result.status).toBe(400)
  const key = result.errors[field]
  expect(key).toMatch(message)
  const [ns, bare] = key.includes(':') ? key.split(':') : [namespace, key]
  for (const locale of locales) expect(getFixedT(locale, ns as Parameters<typeof getFixedT>[1])(bare)).not.toBe(bare)
}

describe('the one policy', () => {
  test('checkout, booking, quote, portal and console fields all refuse the same characters and keep line breaks where text is long', () => {
    for (const [, value] of hostile) {
      expect(hasControlCharacters(value)).toBe(true)
      expect(singleLine(100).safeParse(value).success).toBe(false)
      expect(multiLine(100).safeParse(value).success).toBe(false)
      expect(adminSingleLine(100).safeParse(value).success).toBe(false)
      expect(adminMultiLine(100).safeParse(value).success).toBe(false)
      expect(singleLine(100, { optional: true }).safeParse(value).success).toBe(false)
    }
    for (const override of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u0085', '\u007F'])
      expect(hasControlCharacters(`a${override}b`, { lineBreaks: true })).toBe(true)
    expect(multiLine(100).safeParse('two\r\nlines\tand a tab').success).toBe(true)
    expect(singleLine(100).safeParse('two\nlines').success).toBe(false)
    expect(singleLine(100).safeParse('  陳大文 — Ақтөбе, ул. Абая 1 ').data).toBe('陳大文 — Ақтөбе, ул. Абая 1')
  })
})

describe('checkout', () => {
  let productId: number
  beforeAll(async () => {
    productId = (await productBySlug('altai-mountain-honey-250g')).id
    await setStock(productId, 100)
  })

  async function guestCart() {
    const added = await outcome(() =>
      cartAction(
        args(post('/zh-hant/cart', { intent: 'add', productId: String(productId), quantity: '1' }), { locale: 'zh-hant' }),
      ),
    )
    return (added.response!.headers.get('Set-Cookie') ?? '').split(';')[0]
  }

  test.each(hostile)(
    '%s in an address, a name or a customs name is refused with a message; nothing is saved',
    async (_, value) => {
      const before = await getDb().order.count()
      const stock = (await productBySlug('altai-mountain-honey-250g')).stock
      const hk = { market: 'HK', email: 'input-policy@checkout.example', paymentMethod: 'bank_transfer', ...addresses.HK }
      for (const field of ['addressLine', 'recipientName', 'district'] as const) {
        const cookie = await guestCart()
        const result = await outcome(() =>
          checkoutAction(
            args(post('/zh-hant/checkout', { ...hk, [field]: value } as Record<string, string>, cookie), { locale: 'zh-hant' }),
          ),
        )
        // a Hong Kong district is chosen from the 18: anything else is "choose from the list"
        expectRefused(result, field, 'checkout', field === 'district' ? /errors\.chooseFromList$/ : undefined)
        // what was typed comes back to the form, so nothing is lost
        expect((result.data as { values: Record<string, string> }).values[field]).toBe(value)
      }
      const cookie = await guestCart()
      const cn = {
        market: 'CN',
        email: 'input-policy@checkout.example',
        paymentMethod: 'bank_transfer',
        ...addresses.CN,
        // the customs name is the recipient's own (docs/decisions/025)
        recipientName: `王${value}`,
        customsIdNumber: '11010519491231002X',
        riskNotice: cbecRiskNotice.version,
      }
      const customs = await outcome(() =>
        checkoutAction(args(post('/zh-hans/checkout', cn as Record<string, string>, cookie), { locale: 'zh-hans' })),
      )
      expectRefused(customs, 'recipientName', 'checkout')
      expect(await getDb().order.count()).toBe(before)
      expect((await productBySlug('altai-mountain-honey-250g')).stock).toBe(stock)
    },
  )
})

describe('booking seats', () => {
  test.each(hostile)('%s in the traveller’s name is refused with a message; no seat is taken', async (_, value) => {
    const route = await getDb().tourRoute.findUniqueOrThrow({ where: { slug: 'almaty-shymbulak' }, select: { id: true } })
    const startsOn = new Date(Date.now() + 40 * 86_400_000)
    const { id } = await getDb().tourDeparture.create({
      data: { routeId: route.id, startsOn, seatsTotal: 8, seatsAvailable: 8, priceMinor: 150_000, currency: 'CNY' },
      select: { id: true },
    })
    const before = await getDb().order.count()
    const result = await outcome(() =>
      tourAction(
        args(
          post('/ru/tours/almaty-shymbulak', {
            departureId: String(id),
            seats: '2',
            name: `Айгерим ${value}`,
            travellers: 'Айгерим\nДана',
            email: 'traveller@tours.example',
            phone: '+7 701 555 0101',
            paymentMethod: 'bank_transfer',
          }),
          { locale: 'ru', routeSlug: 'almaty-shymbulak' },
        ),
      ),
    )
    expectRefused(result, 'name', 'tours')
    expect(await getDb().order.count()).toBe(before)
    expect((await getDb().tourDeparture.findUniqueOrThrow({ where: { id } })).seatsAvailable).toBe(8)
  })
})

describe('requests for quote', () => {
  const product = 'copper-cathode-grade-a'
  let buyer: Person
  let exporter: Person
  let checkpointId: number
  beforeAll(async () => {
    buyer = await person('buyer')
    exporter = await person('exporter', 'shygys-cathode')
    checkpointId = (await getDb().checkpoint.findUniqueOrThrow({ where: { slug: 'nur-zholy-khorgos' }, select: { id: true } })).id
  })
  const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
  const request = (fields: Record<string, string>) =>
    outcome(() =>
      requestAction(
        args(
          post(
            `/zh-hans/products/${product}/quote`,
            {
              quantity: '30',
              incoterm: 'CIP',
              namedPlace: 'Urumqi',
              destinationCity: 'Shanghai',
              market: 'CN',
              wishedDeliveryOn: inTwoWeeks(),
              message: 'Grade A please',
              ...fields,
            },
            buyer.cookie,
          ),
          { locale: 'zh-hans', productSlug: product },
        ),
      ),
    )
  const buyerPost = (number: string, fields: Record<string, string>) =>
    outcome(() =>
      buyerQuoteAction(
        args(post(`/zh-hans/quotes/${number}`, fields, buyer.cookie), { locale: 'zh-hans', requestNumber: number }),
      ),
    )

  test.each(hostile)(
    '%s in a request’s message or place, a conversation message or a consignee is refused; nothing is saved',
    async (_, value) => {
      await getDb().rateLimitHit.deleteMany({ where: { key: { startsWith: 'quote-' } } })
      const requests = await getDb().quoteRequest.count()
      expectRefused(await request({ message: `Grade A ${value}` }), 'message', 'trade')
      expectRefused(await request({ destinationCity: value }), 'destinationCity', 'trade')
      expect(await getDb().quoteRequest.count()).toBe(requests)

      // a real request, quoted by the exporter
      const placed = await request({})
      expect(placed.status).toBe(302)
      const number = /\/quotes\/(RFQ-[A-Z0-9-]+)\?/.exec(placed.location ?? '')![1]
      const quoted = await outcome(() =>
        exporterQuoteAction(
          args(
            post(
              `/ru/exporter/quotes/${number}`,
              {
                intent: 'quote',
                unitPrice: '9150.55',
                currency: 'USD',
                validUntil: inTwoWeeks(),
                leadTimeDays: '21',
                incoterm: 'CIP',
                namedPlace: 'Urumqi',
                checkpointId: String(checkpointId),
                transportMode: 'road',
                notes: `Holds for 30 t ${value}`,
              },
              exporter.cookie,
            ),
            { locale: 'ru', requestNumber: number },
          ),
        ),
      )
      expectRefused(quoted, 'notes', 'trade')
      const offered = await outcome(() =>
        exporterQuoteAction(
          args(
            post(
              `/ru/exporter/quotes/${number}`,
              {
                intent: 'quote',
                unitPrice: '9150.55',
                currency: 'USD',
                validUntil: inTwoWeeks(),
                leadTimeDays: '21',
                incoterm: 'CIP',
                namedPlace: 'Urumqi',
                checkpointId: String(checkpointId),
                transportMode: 'road',
              },
              exporter.cookie,
            ),
            { locale: 'ru', requestNumber: number },
          ),
        ),
      )
      expect(offered.status).toBe(302)
      const quote = await getDb().quote.findFirstOrThrow({ where: { request: { number } }, orderBy: { id: 'desc' } })
      const orders = await getDb().order.count()
      const accepted = await buyerPost(number, {
        intent: 'accept',
        quoteId: String(quote.id),
        ...(addresses.CN as Record<string, string>),
        recipientName: `王伟${value}`,
      })
      expectRefused(accepted, 'recipientName', 'trade')
      expect((await getDb().quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('offered')
      expect(await getDb().order.count()).toBe(orders)

      const messages = await getDb().quoteMessage.count()
      expectRefused(await buyerPost(number, { intent: 'message', body: `Big bags? ${value}` }), 'body', 'trade')
      expect(await getDb().quoteMessage.count()).toBe(messages)
    },
  )
})

// Forms that read their fields with their own rules before issue 12 let these through.
describe('forms that had their own rules', () => {
  test('a buyer registering with a bidi override in their name is refused in their language and no account is made', async () => {
    const email = `drift-${Date.now()}@buyer.test`
    const answer = await outcome(() =>
      registerAction(
        args(post('/kk/register', { email, password: 'a-long-password', displayName: 'Айгерім\u202E' }), { locale: 'kk' }),
      ),
    )
    expectRefused(answer, 'displayName', 'auth')
    expect(await getDb().user.count({ where: { email } })).toBe(0)
  })

  test('an exporter company name with a line break is refused like every one-line field, and the about text keeps its lines', async () => {
    const bin = await freshBin()
    const fields = {
      email: `drift-${Date.now()}@dala-baly.kz`,
      password: 'a-long-password',
      contactName: 'Айгерім Серікқызы',
      contactPhone: '+7 701 555 12 34',
      'legalName.kk': '«Дала балы» ЖШС',
      'legalName.ru': 'ТОО «Дала балы»',
      'legalName.en': 'Dala Baly\nLLP',
      bin,
      region: 'east-kazakhstan',
      city: 'Өскемен',
      address: 'Абай даңғылы, 10',
      about: 'Омарта.\nАлтай.',
    }
    const register = (values: Record<string, string>) =>
      outcome(() => exporterRegisterAction(args(post('/ru/exporter/register', values), { locale: 'ru' })))
    const refused = await register(fields)
    expect(refused.status).toBe(400)
    expect(refused.errors['legalName.en']).toBe('errors.controlCharacters')
    expect(getFixedT('ru', 'portal')('errors.controlCharacters')).not.toBe('errors.controlCharacters')
    expect(await getDb().exporter.count({ where: { bin } })).toBe(0)

    expect((await register({ ...fields, 'legalName.en': 'Dala Baly LLP' })).status).toBe(302)
    const saved = await getDb().exporterTranslation.findFirstOrThrow({ where: { exporter: { bin }, locale: 'ru' } })
    expect(saved.about).toBe('Омарта.\nАлтай.')
  })
})
