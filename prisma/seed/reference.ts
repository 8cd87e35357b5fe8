// The reference seed, loaded into every pavilion: sectors, the 180 categories, regions,
// currencies and dated rates, markets, market-access rules and border checkpoints.
import type { Db } from '~/utils/db.server'
import { locales } from '~/utils/locales'

import { seedData, type Texts } from './data-files'
import { seedDomesticLegs, seedTransitLanes } from './transit-lanes'

/** One row per locale from parallel per-field texts: { name: Texts, about: Texts } → rows. */
export function perLocale<F extends string>(fields: Record<F, Partial<Texts>>) {
  return locales.flatMap((locale) => {
    const values = Object.fromEntries(Object.entries(fields).map(([field, texts]) => [field, (texts as Partial<Texts>)[locale]]))
    return Object.values(values).every((value) => typeof value === 'string' && value.length > 0)
      ? [{ locale, ...(values as Record<F, string>) }]
      : []
  })
}

export async function seedReference(db: Db) {
  const sectorIds = new Map<string, number>()
  for (const sector of seedData.sectors()) {
    const row = await db.sector.create({
      data: {
        key: sector.key,
        slug: sector.slug,
        position: sector.position,
        translations: { create: perLocale({ name: sector.name, description: sector.description }) },
      },
    })
    sectorIds.set(sector.key, row.id)
  }

  const evidence = seedData.tradeEvidence()
  /** The evidence in five languages; a text without its four translations stops the seed. */
  const evidenceTexts = (english: string) => {
    const texts = { ...evidence[english], en: english }
    if (locales.some((locale) => !texts[locale])) throw new Error(`trade-evidence.json has no translations of "${english}"`)
    return texts as Texts
  }
  await db.$transaction(
    seedData.categories().map((category) =>
      db.category.create({
        data: {
          slug: category.slug,
          sectorId: sectorIds.get(category.sector)!,
          position: category.position,
          cnVatRateBasisPoints: category.cnVatRatePercent * 100,
          translations: {
            create: perLocale({ name: category.name, description: category.description }).map((row) => ({
              ...row,
              tradeEvidence: category.chinaTradeEvidence ? evidenceTexts(category.chinaTradeEvidence)[row.locale] : null,
            })),
          },
          hsHeadings: { create: category.hsHeadings.map((heading) => ({ heading })) },
        },
      }),
    ),
    // 180 categories in one batch: Prisma's 5 s default is too short on a busy 2-core CI machine (P2028).
    { timeout: 60_000 },
  )

  for (const region of seedData.regions()) {
    await db.region.create({
      data: {
        code: region.code,
        lat: region.lat,
        lon: region.lon,
        coordinatesVerified: region.coordinatesVerified,
        translations: { create: perLocale({ name: region.name, centre: region.centre }) },
      },
    })
  }

  const markets = seedData.markets()
  await db.currency.createMany({ data: markets.currencies })
  const effectiveOn = new Date(`${markets.exchangeRates.effectiveOn}T00:00:00Z`)
  await db.exchangeRate.createMany({
    data: Object.entries(markets.exchangeRates.perUsd).map(([currencyCode, rate]) => ({
      currencyCode,
      rate,
      effectiveOn,
      source: markets.exchangeRates.source,
    })),
  })
  for (const market of markets.markets) {
    await db.market.create({
      data: {
        code: market.code,
        currencyCode: market.currency,
        position: market.position,
        crossBorderRetail: market.crossBorderRetail,
        perOrderLimitMinor: market.perOrderLimitMinor ?? null,
        annualLimitMinor: market.annualLimitMinor ?? null,
        cbecTaxSharePercent: market.cbecTaxSharePercent ?? null,
        translations: { create: perLocale({ name: market.name }) },
      },
    })
  }

  for (const rule of seedData.accessRules()) {
    await db.marketAccessRule.create({
      data: {
        marketCode: rule.market,
        hsPrefix: rule.hsPrefix,
        verdict: rule.verdict,
        source: rule.source,
        verified: !/unverified/i.test(rule.source),
        translations: { create: perLocale({ reason: rule.reason }) },
      },
    })
  }

  for (const [position, checkpoint] of seedData.checkpoints().entries()) {
    await db.checkpoint.create({
      data: {
        slug: checkpoint.slug,
        mode: checkpoint.mode,
        status: checkpoint.status,
        lat: checkpoint.lat,
        lon: checkpoint.lon,
        coordinatesVerified: checkpoint.coordinatesVerified,
        closedOn: checkpoint.closedOn,
        source: checkpoint.source,
        position: position + 1,
        translations: {
          create: perLocale({
            name: checkpoint.name,
            kazakhSide: checkpoint.kazakhSide,
            chineseSide: checkpoint.chineseSide,
            notes: checkpoint.notes,
          }),
        },
      },
    })
  }

  await seedTransitLanes(db)
  await seedDomesticLegs(db)
}
