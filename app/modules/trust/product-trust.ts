// What a product card and page say about returns and ratings; pure, so lists and the JSON-LD agree.

/** HS chapters 01–24 (animals, plants, foodstuffs, drinks, tobacco): food and perishables. */
export function isFoodChapter(hsCode: string) {
  const chapter = Number(hsCode.slice(0, 2))
  return chapter >= 1 && chapter <= 24
}

/** offered: the 7-day return without reason (PRC Consumer Rights Protection Law art. 25); food: excluded as perishable, whatever
 * the exporter chose; off: the exporter turned it off. */
export type NoReasonReturn = 'offered' | 'food' | 'off'

export function noReasonReturnOf(product: { hsCode: string; noReasonReturn: boolean }): NoReasonReturn {
  if (isFoodChapter(product.hsCode)) return 'food'
  return product.noReasonReturn ? 'offered' : 'off'
}

type Stats = { soldUnits: number; ratingCount: number; ratingTotal: number } | null | undefined

export function ratingSummary(stats: Stats) {
  if (!stats || stats.ratingCount === 0) return null
  return { count: stats.ratingCount, average: Math.round((stats.ratingTotal / stats.ratingCount) * 10) / 10 }
}

export const productStatsSelect = { select: { soldUnits: true, ratingCount: true, ratingTotal: true } } as const

export function productTrust(product: { hsCode: string; noReasonReturn: boolean; stats: Stats }) {
  return {
    noReasonReturn: noReasonReturnOf(product),
    sold: product.stats?.soldUnits ?? 0,
    rating: ratingSummary(product.stats),
  }
}

export type ProductTrust = ReturnType<typeof productTrust>
