// The longest matching HS prefix among the admin-editable rules decides; no rule means allowed.
import { cachedByCatalogVersion } from '~/modules/catalog/reference-cache.server'
import { getDb } from '~/utils/db.server'
import { type Locale, pickTranslation } from '~/utils/locales'

export type Verdict = 'allowed' | 'conditional' | 'restricted' | 'prohibited'
export type MarketAccess = { market: string; verdict: Verdict; reason: { text: string; lang: Locale } | null }

export function sellsAtRetail(verdict: Verdict) {
  return verdict === 'allowed' || verdict === 'conditional'
}

function prefixesOf(hsCode: string) {
  const digits = hsCode.replace(/\D/g, '')
  return [digits.slice(0, 2), digits.slice(0, 4), digits.slice(0, 6)].filter((p, i, all) => p.length >= 2 && all.indexOf(p) === i)
}

export async function marketAccessFor(hsCode: string, markets: readonly string[], locale: Locale): Promise<MarketAccess[]> {
  const rules = await getDb().marketAccessRule.findMany({
    where: { marketCode: { in: [...markets] }, hsPrefix: { in: prefixesOf(hsCode) } },
    select: { marketCode: true, hsPrefix: true, verdict: true, translations: { select: { locale: true, reason: true } } },
  })
  return markets.map((market) => {
    const rule = rules.filter((r) => r.marketCode === market).sort((a, b) => b.hsPrefix.length - a.hsPrefix.length)[0]
    if (!rule) return { market, verdict: 'allowed', reason: null }
    const reason = pickTranslation(rule.translations, locale)
    return { market, verdict: rule.verdict as Verdict, reason: reason ? { text: reason.reason, lang: reason.locale } : null }
  })
}

export async function verdictsFor(market: string) {
  const rules = await cachedByCatalogVersion(`access-rules:${market}`, async () => {
    const rows = await getDb().marketAccessRule.findMany({
      where: { marketCode: market },
      select: { hsPrefix: true, verdict: true },
    })
    return rows.sort((a, b) => b.hsPrefix.length - a.hsPrefix.length)
  })
  return (hsCode: string): Verdict => (rules.find((rule) => hsCode.startsWith(rule.hsPrefix))?.verdict as Verdict) ?? 'allowed'
}
