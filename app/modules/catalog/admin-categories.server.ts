// A rename also renews the search index, which holds category names.
import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { adminRecordForm } from '~/modules/accounts/guard.server'
import { bumpCatalogVersion } from '~/modules/catalog/cache-version.server'
import { categoryInTree } from '~/modules/catalog/catalog.server'
import { reindexProducts } from '~/modules/catalog/search.server'
import { getDb } from '~/utils/db.server'
import { failure, multiLine, type Outcome, perLocale, singleLine, textsOf } from '~/utils/forms.server'
import { type Locale, locales, localized } from '~/utils/locales'

export const categoryNameMax = 120
export const categoryDescriptionMax = 1000

export async function listCategoriesForAdmin(locale: Locale) {
  const sectors = await getDb().sector.findMany({
    orderBy: { position: 'asc' },
    select: {
      key: true,
      translations: { select: { locale: true, name: true } },
      categories: {
        orderBy: { position: 'asc' },
        select: { ...categoryInTree, _count: { select: { products: true } } },
      },
    },
  })
  return sectors.map((sector) => ({
    key: sector.key,
    name: localized(sector.translations, locale, 'name', sector.key),
    categories: sector.categories.map((category) => ({
      id: category.id,
      slug: category.slug,
      featured: category.featured,
      name: localized(category.translations, locale, 'name', category.slug),
      missing: locales.filter((language) => !category.translations.some((t) => t.locale === language)),
      hsHeadings: category.hsHeadings.map((h) => h.heading),
      productCount: category._count.products,
    })),
  }))
}

export async function categoryForEdit(locale: Locale, categoryId: number) {
  const category = await getDb().category.findUnique({
    where: { id: categoryId },
    select: {
      id: true,
      slug: true,
      featured: true,
      translations: { select: { locale: true, name: true, description: true } },
      hsHeadings: { select: { heading: true }, orderBy: { heading: 'asc' } },
    },
  })
  if (!category) return null
  return {
    id: category.id,
    slug: category.slug,
    featured: category.featured,
    name: localized(category.translations, locale, 'name', category.slug),
    hsHeadings: category.hsHeadings.map((h) => h.heading),
    values: Object.fromEntries(
      category.translations.flatMap((row) => [
        [`name.${row.locale}`, row.name],
        [`description.${row.locale}`, row.description],
      ]),
    ) as Record<string, string>,
  }
}

const CategoryForm = z.object({
  ...perLocale('name', singleLine(categoryNameMax)),
  ...perLocale('description', multiLine(categoryDescriptionMax)),
})

export const updateCategoryTexts = adminRecordForm(
  CategoryForm,
  async (actor, categoryId, form): Promise<Outcome<{ slug: string }>> => {
    const db = getDb()
    const category = await db.category.findUnique({
      where: { id: categoryId },
      select: { slug: true, translations: { select: { locale: true, name: true, description: true } } },
    })
    if (!category) return failure({ form: 'errors.notFound' }, 404)
    const names = textsOf(form, 'name')
    const descriptions = textsOf(form, 'description')
    const changed = locales.filter((locale) => {
      const row = category.translations.find((t) => t.locale === locale)
      return row?.name !== names[locale] || row?.description !== descriptions[locale]
    })
    if (changed.length === 0) return { ok: true, value: { slug: category.slug } }
    await db.$transaction(
      changed.map((locale) =>
        db.categoryTranslation.upsert({
          where: { categoryId_locale: { categoryId, locale } },
          create: { categoryId, locale, name: names[locale], description: descriptions[locale] },
          update: { name: names[locale], description: descriptions[locale] },
        }),
      ),
    )
    await audit(actor, 'category.updated', 'Category', categoryId, {
      changed: Object.fromEntries(changed.map((locale) => [locale, { name: names[locale], description: descriptions[locale] }])),
    })
    // search documents carry category names; renewing them also invalidates cached pages
    const products = await db.product.findMany({ where: { categoryId }, select: { id: true } })
    if (products.length > 0) await reindexProducts(products.map((p) => p.id))
    else await bumpCatalogVersion()
    return { ok: true, value: { slug: category.slug } }
  },
)
