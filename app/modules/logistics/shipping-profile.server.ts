// An exporter edits their own shipping per market (issue 13 item 2, decisions 023 and 030): per item or by weight
// band, a free-shipping threshold, handling days, a ship-within promise, direct mail (9610) or a bonded
// warehouse (1210) with its window. Money is typed in the market's currency and kept in integer minor units.
import { z } from 'zod'

import { type MarketCode, pavilion } from '~/config/pavilion'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { decimalAmount, parseAmount } from '~/modules/checkout/money'
import { marketCurrency } from '~/modules/checkout/pricing.server'
import { maxBands } from '~/modules/logistics/shipping-rules'
import { getDb } from '~/utils/db.server'
import { choice, type FieldErrors, fieldErrors, optionalWholeNumber, type Outcome, wholeNumber } from '~/utils/forms.server'

const maxGrams = 100_000
const maxShippingMinor = 10_000_000

const errorKey = (name: string) => `shipping.errors.${name}`
const days = { required: errorKey('required'), invalid: errorKey('days') }

const schema = z.object({
  market: choice(pavilion.markets),
  rateKind: choice(['per_item', 'weight_bands'] as const),
  handlingDays: wholeNumber(0, 30, days),
  shipWithinHours: wholeNumber(1, 240, { required: errorKey('required'), invalid: errorKey('hours') }),
  shipsFrom: choice(['direct', 'bonded'] as const),
  bondedMinDays: optionalWholeNumber(1, 60, days),
  bondedMaxDays: optionalWholeNumber(1, 60, days),
})

type Money = { minor: number | null; error: string | null }

function money(text: string, currency: string, required: boolean): Money {
  if (text.trim() === '') return { minor: null, error: required ? errorKey('required') : null }
  const parsed = parseAmount(text, currency)
  if (!parsed.ok) return { minor: null, error: errorKey('amount') }
  if (parsed.amountMinor > maxShippingMinor) return { minor: null, error: errorKey('amountTooHigh') }
  return { minor: parsed.amountMinor, error: null }
}

export type ShippingProfileInput = z.infer<typeof schema> & {
  perItemMinor: number
  freeFromMinor: number | null
  bands: { upToGrams: number; priceMinor: number }[]
}

export async function parseShippingProfile(form: URLSearchParams | FormData): Promise<Outcome<ShippingProfileInput>> {
  const text = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : ''
  }
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, text(name)])))
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error)
  if (!parsed.success && errors.market) return { ok: false, status: 400, errors }
  const market = text('market') as MarketCode
  const currency = await marketCurrency(market)
  const rateKind = text('rateKind')
  const perItem = money(text('perItem'), currency, rateKind === 'per_item')
  const freeFrom = money(text('freeFrom'), currency, false)
  if (perItem.error) errors.perItem = perItem.error
  if (freeFrom.error) errors.freeFrom = freeFrom.error
  const bands: { upToGrams: number; priceMinor: number }[] = []
  let lastGrams = 0
  for (let index = 0; index < maxBands; index++) {
    const grams = text(`band.${index}.upTo`).trim()
    const price = text(`band.${index}.price`)
    if (grams === '' && price.trim() === '') continue
    const upToGrams = /^\d{1,6}$/.test(grams) ? Number(grams) : NaN
    const bandPrice = money(price, currency, true)
    if (!(upToGrams >= 1 && upToGrams <= maxGrams)) errors[`band.${index}.upTo`] = errorKey('grams')
    else if (upToGrams <= lastGrams) errors[`band.${index}.upTo`] = errorKey('bandsAscending')
    if (bandPrice.error) errors[`band.${index}.price`] = bandPrice.error
    if (upToGrams >= 1) lastGrams = Math.max(lastGrams, upToGrams)
    if (!errors[`band.${index}.upTo`] && bandPrice.minor !== null) bands.push({ upToGrams, priceMinor: bandPrice.minor })
  }
  if (rateKind === 'weight_bands' && bands.length === 0 && !Object.keys(errors).some((key) => key.startsWith('band.')))
    errors['band.0.upTo'] = errorKey('bandRequired')
  if (text('shipsFrom') === 'bonded') {
    // checked even when another field is wrong, so the exporter sees every mistake at once
    const [min, max] = [text('bondedMinDays').trim(), text('bondedMaxDays').trim()]
    if (min === '') errors.bondedMinDays = errorKey('required')
    if (max === '') errors.bondedMaxDays = errorKey('required')
    if (!errors.bondedMinDays && !errors.bondedMaxDays && Number(min) > Number(max))
      errors.bondedMaxDays ??= errorKey('bondedOrder')
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, status: 400, errors }
  return {
    ok: true,
    value: {
      ...parsed.data,
      bondedMinDays: parsed.data.shipsFrom === 'bonded' ? parsed.data.bondedMinDays : null,
      bondedMaxDays: parsed.data.shipsFrom === 'bonded' ? parsed.data.bondedMaxDays : null,
      perItemMinor: perItem.minor ?? 0,
      freeFromMinor: freeFrom.minor,
      bands: rateKind === 'weight_bands' ? bands : [],
    },
  }
}

export async function saveShippingProfile(exporterId: number, input: ShippingProfileInput) {
  const { market, bands, ...fields } = input
  await getDb().$transaction(async (tx) => {
    const profile = await tx.shippingProfile.upsert({
      where: { exporterId_marketCode: { exporterId, marketCode: market } },
      create: { exporterId, marketCode: market, ...fields },
      update: fields,
      select: { id: true },
    })
    await tx.shippingBand.deleteMany({ where: { profileId: profile.id } })
    if (bands.length > 0) await tx.shippingBand.createMany({ data: bands.map((band) => ({ profileId: profile.id, ...band })) })
  })
  // product pages show the delivered price: the page cache must not keep the old shipping
  await bumpCatalogVersion()
}

/** Each market's form values as the exporter typed them last (amounts in the market currency). */
export async function shippingForms(exporterId: number) {
  const profiles = await getDb().shippingProfile.findMany({
    where: { exporterId },
    include: { bands: { orderBy: { upToGrams: 'asc' } } },
  })
  return Promise.all(
    pavilion.markets.map(async (market) => {
      const currency = await marketCurrency(market)
      const profile = profiles.find((row) => row.marketCode === market)
      const amount = (minor: number | null | undefined) =>
        minor === null || minor === undefined ? '' : decimalAmount({ amountMinor: minor, currency })
      const values: Record<string, string> = {
        market,
        rateKind: profile?.rateKind ?? 'per_item',
        perItem: profile ? amount(profile.perItemMinor) : '',
        freeFrom: amount(profile?.freeFromMinor),
        handlingDays: String(profile?.handlingDays ?? 1),
        shipWithinHours: String(profile?.shipWithinHours ?? 48),
        shipsFrom: profile?.shipsFrom ?? 'direct',
        bondedMinDays: profile?.bondedMinDays?.toString() ?? '',
        bondedMaxDays: profile?.bondedMaxDays?.toString() ?? '',
      }
      profile?.bands.forEach((band, index) => {
        values[`band.${index}.upTo`] = String(band.upToGrams)
        values[`band.${index}.price`] = amount(band.priceMinor)
      })
      return { market, currency, saved: profile !== undefined, values }
    }),
  )
}
