// The reference lists the portal's forms offer: regions, and the 180 categories by sector with
// their HS headings, in the reader's language.
import { categoryInTree } from '~/modules/catalog/catalog.server'
import { getDb } from '~/utils/db.server'
import { type Locale, pickTranslation } from '~/utils/locales'

export type RegionOption = { id: number; code: string; name: string }

export async function regionOptions(locale: Locale): Promise<RegionOption[]> {
  const regions = await getDb().region.findMany({
    select: { id: true, code: true, translations: { select: { locale: true, name: true } } },
  })
  return regions
    .map((region) => ({
      id: region.id,
      code: region.code,
      name: pickTranslation(region.translations, locale)?.name ?? region.code,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
}

export type CategoryOption = { id: number; name: string; headings: string[] }
export type SectorOption = { key: string; name: string; categories: CategoryOption[] }

export async function categoryOptions(locale: Locale): Promise<SectorOption[]> {
  const sectors = await getDb().sector.findMany({
    orderBy: { position: 'asc' },
    select: {
      key: true,
      translations: { select: { locale: true, name: true } },
      categories: { orderBy: { position: 'asc' }, select: categoryInTree },
    },
  })
  return sectors.map((sector) => ({
    key: sector.key,
    name: pickTranslation(sector.translations, locale)?.name ?? sector.key,
    categories: sector.categories.map((category) => ({
      id: category.id,
      name: pickTranslation(category.translations, locale)?.name ?? String(category.id),
      headings: category.hsHeadings.map((h) => h.heading),
    })),
  }))
}
