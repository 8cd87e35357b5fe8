// Every function checks that the product belongs to the caller's company (404 otherwise); status, company,
// slug, featured and publication dates are never read from a form (docs/decisions/004-published-product-edits.md).
import { randomBytes } from 'node:crypto'

import { z } from 'zod'

import { audit } from '~/modules/accounts/audit.server'
import { priceTiersSelect, productTermsSelect } from '~/modules/catalog/catalog.server'
import { canTransitionProduct, type ProductStatus, transitionProduct } from '~/modules/catalog/product-status.server'
import { reindexProducts } from '~/modules/catalog/search.server'
import { type AmountError, convert, decimalAmount, parseAmount } from '~/modules/checkout/money'
import { currentRates } from '~/modules/checkout/pricing.server'
import { removeImageVariants as removeVariants, saveImageVariants } from '~/modules/exporters/media.server'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import {
  baseCurrencies,
  certificateKinds,
  maxDescriptionLength,
  maxNameLength,
  maxPriceMinor,
  maxPriceTiers,
  maxProductImages,
  maxQuantity,
  productLocales,
  productUnits,
  saleModes,
} from '~/modules/exporters/product-form'
import { uniqueSlug } from '~/modules/exporters/slugs'
import { checkImageUpload } from '~/modules/exporters/upload-checks.server'
import { getDb, isUniqueViolation } from '~/utils/db.server'
import {
  checkbox,
  failure,
  type FieldErrors,
  fieldErrors,
  multiLine,
  optionalWholeNumber,
  type Outcome,
  singleLine,
  wholeNumber,
} from '~/utils/forms.server'
import { notFound } from '~/utils/http.server'
import type { Locale } from '~/utils/locales'
import type { UploadedFile } from '~/utils/multipart.server'

export type ProductInput = {
  categoryId: number
  hsCode: string
  translations: { locale: Locale; name: string; description: string }[]
  basePriceMinor: number
  baseCurrency: (typeof baseCurrencies)[number]
  stock: number
  minOrderQuantity: number
  saleMode: (typeof saleModes)[number]
  unit: (typeof productUnits)[number]
  originRegionId: number
  netWeightGrams: number | null
  shelfLifeDays: number | null
  noReasonReturn: boolean
  tiers: { minQuantity: number; unitPriceMinor: number }[]
  certificates: string[]
}

export type ProductFormState = { values: Record<string, string>; certificates: string[] }

const scalarFields = z.object({
  categoryId: wholeNumber(1, 1_000_000, { required: 'errors.categoryRequired', invalid: 'errors.categoryRequired' }),
  hsCode: z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(/[\s.]/g, '') : ''),
    z.string().regex(/^\d{6}$/, 'errors.hsCodeFormat'),
  ),
  baseCurrency: z.enum(baseCurrencies, { errorMap: () => ({ message: 'errors.currencyRequired' }) }),
  stock: wholeNumber(0, 2_000_000_000, { required: 'errors.stockRequired', invalid: 'errors.stockInvalid' }),
  minOrderQuantity: wholeNumber(1, maxQuantity, { required: 'errors.moqInvalid', invalid: 'errors.moqInvalid' }),
  saleMode: z.enum(saleModes, { errorMap: () => ({ message: 'errors.saleModeRequired' }) }),
  unit: z.enum(productUnits, { errorMap: () => ({ message: 'errors.unitRequired' }) }),
  originRegionId: wholeNumber(1, 1_000_000, { required: 'errors.regionRequired', invalid: 'errors.regionRequired' }),
  netWeightGrams: optionalWholeNumber(1, 100_000_000, { invalid: 'errors.weightInvalid' }),
  shelfLifeDays: optionalWholeNumber(1, 36_500, { invalid: 'errors.shelfLifeInvalid' }),
  noReasonReturn: checkbox,
})

const nameText = singleLine(maxNameLength, { optional: true })
const descriptionText = multiLine(maxDescriptionLength, { optional: true })

const priceMessages: Record<AmountError, string> = {
  invalid: 'errors.priceInvalid',
  ambiguous: 'errors.priceAmbiguous',
  tooPrecise: 'errors.priceTooPrecise',
  tooLarge: 'errors.priceTooHigh',
}

function parsePrice(raw: string | null, currency: string, errors: Record<string, string>, field: string) {
  const value = (raw ?? '').trim()
  if (value === '') {
    errors[field] = 'errors.priceRequired'
    return 0
  }
  const parsed = parseAmount(value, currency)
  if (!parsed.ok) errors[field] = priceMessages[parsed.error]
  else if (parsed.amountMinor === 0) errors[field] = 'errors.priceZero'
  else if (parsed.amountMinor > maxPriceMinor) errors[field] = 'errors.priceTooHigh'
  else return parsed.amountMinor
  return 0
}

/** Browsers send a textarea's breaks as CRLF while `maxlength` and the stored text count one per break. */
function typedText(value: string | null) {
  return value === null ? null : value.replace(/\r\n?/g, '\n')
}

export function parseProductForm(form: URLSearchParams): Outcome<ProductInput> {
  const scalars = scalarFields.safeParse(
    Object.fromEntries(Object.keys(scalarFields.shape).map((key) => [key, form.get(key) ?? undefined])),
  )
  const errors: FieldErrors = scalars.success ? {} : fieldErrors(scalars.error)
  const currency = scalars.success ? scalars.data.baseCurrency : 'KZT'

  const translations: ProductInput['translations'] = []
  for (const locale of productLocales) {
    const name = nameText.safeParse(typedText(form.get(`name.${locale}`)))
    const description = descriptionText.safeParse(typedText(form.get(`description.${locale}`)))
    if (!name.success) errors[`name.${locale}`] = name.error.issues[0].message
    if (!description.success) errors[`description.${locale}`] = description.error.issues[0].message
    if (!name.success || !description.success) continue
    if (name.data === '' && description.data !== '') errors[`name.${locale}`] = 'errors.nameForDescription'
    else if (name.data !== '') translations.push({ locale, name: name.data, description: description.data })
  }
  if (translations.length === 0 && !productLocales.some((locale) => errors[`name.${locale}`]))
    errors.translations = 'errors.translationRequired'

  const basePriceMinor = parsePrice(form.get('basePrice'), currency, errors, 'basePrice')
  const moq = scalars.success ? scalars.data.minOrderQuantity : 1

  const tiers: ProductInput['tiers'] = []
  for (let index = 0; index < maxPriceTiers; index++) {
    const quantityText = (form.get(`tierQuantity.${index}`) ?? '').trim()
    const priceText = (form.get(`tierPrice.${index}`) ?? '').trim()
    if (quantityText === '' && priceText === '') continue
    const quantity = wholeNumber(2, maxQuantity, {
      required: 'errors.tierQuantityInvalid',
      invalid: 'errors.tierQuantityInvalid',
    }).safeParse(quantityText)
    const unitPriceMinor = parsePrice(priceText, currency, errors, `tierPrice.${index}`)
    if (!quantity.success) {
      errors[`tierQuantity.${index}`] = quantity.error.issues[0].message
      continue
    }
    if (errors[`tierPrice.${index}`]) continue
    const previous = tiers[tiers.length - 1]
    // each tier starts above the minimum order and the one before it, and is cheaper than both
    if (quantity.data <= moq || (previous && quantity.data <= previous.minQuantity))
      errors[`tierQuantity.${index}`] = 'errors.tierQuantityOrder'
    else if (unitPriceMinor >= (previous?.unitPriceMinor ?? basePriceMinor) && !errors.basePrice)
      errors[`tierPrice.${index}`] = 'errors.tierPriceOrder'
    else tiers.push({ minQuantity: quantity.data, unitPriceMinor })
  }

  const known = new Set<string>(certificateKinds.map((c) => c.kind))
  const certificates = [...new Set(form.getAll('certificate'))]
  if (certificates.length > known.size || certificates.some((kind) => !known.has(kind)))
    errors.certificate = 'errors.certificateUnknown'

  if (!scalars.success || Object.keys(errors).length > 0) return failure(errors)
  return { ok: true, value: { ...scalars.data, translations, basePriceMinor, tiers, certificates: certificates.sort() } }
}

async function checkReferences(input: ProductInput) {
  const db = getDb()
  const errors: Record<string, string> = {}
  const [category, region] = await Promise.all([
    db.category.findUnique({ where: { id: input.categoryId }, select: { hsHeadings: { select: { heading: true } } } }),
    db.region.findUnique({ where: { id: input.originRegionId }, select: { id: true } }),
  ])
  if (!category) errors.categoryId = 'errors.categoryRequired'
  else if (!category.hsHeadings.some((h) => input.hsCode.startsWith(h.heading))) errors.hsCode = 'errors.hsCodeNotInCategory'
  if (!region) errors.originRegionId = 'errors.regionRequired'
  return errors
}

function parseId(value: string | number | undefined) {
  const id = typeof value === 'number' ? value : /^\d{1,9}$/.test(value ?? '') ? Number(value) : NaN
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

const ownProductSelect = {
  id: true,
  ...productTermsSelect,
  status: true,
  statusReason: true,
  categoryId: true,
  originRegionId: true,
  netWeightGrams: true,
  shelfLifeDays: true,
  noReasonReturn: true,
  translations: { select: { locale: true, name: true, description: true } },
  priceTiers: priceTiersSelect,
  certificates: { select: { kind: true } },
  images: {
    orderBy: { position: 'asc' },
    select: { id: true, position: true, storageKey: true, widths: true, width: true, height: true },
  },
} as const

async function findOwnProduct(user: Member, productId: string | number | undefined) {
  const company = await companyOf(user)
  const id = parseId(productId)
  const product =
    id === null ? null : await getDb().product.findFirst({ where: { id, exporterId: company.id }, select: ownProductSelect })
  if (!product) throw notFound()
  return { company, product }
}

export function missingLocales(translations: { locale: string; name: string }[]) {
  return productLocales.filter((locale) => !translations.some((t) => t.locale === locale && t.name !== ''))
}

export async function productForEditing(user: Member, productId: string | number | undefined) {
  const { product } = await findOwnProduct(user, productId)
  const money = (amountMinor: number) => decimalAmount({ amountMinor, currency: product.baseCurrency })
  const values: Record<string, string> = {
    categoryId: String(product.categoryId),
    hsCode: product.hsCode,
    basePrice: money(product.basePriceMinor),
    baseCurrency: product.baseCurrency,
    stock: String(product.stock),
    minOrderQuantity: String(product.minOrderQuantity),
    saleMode: product.saleMode,
    unit: product.unit,
    originRegionId: String(product.originRegionId),
    netWeightGrams: product.netWeightGrams === null ? '' : String(product.netWeightGrams),
    shelfLifeDays: product.shelfLifeDays === null ? '' : String(product.shelfLifeDays),
    noReasonReturn: product.noReasonReturn ? '1' : '',
  }
  for (const translation of product.translations) {
    values[`name.${translation.locale}`] = translation.name
    values[`description.${translation.locale}`] = translation.description
  }
  product.priceTiers.forEach((tier, index) => {
    values[`tierQuantity.${index}`] = String(tier.minQuantity)
    values[`tierPrice.${index}`] = money(tier.unitPriceMinor)
  })
  const status = product.status as ProductStatus
  return {
    id: product.id,
    slug: product.slug,
    status,
    statusReason: product.statusReason,
    form: { values, certificates: product.certificates.map((c) => c.kind) } satisfies ProductFormState,
    images: product.images.map((image) => ({ ...image, widths: image.widths.split(',').map(Number) })),
    missing: missingLocales(product.translations),
    can: {
      edit: status !== 'archived',
      submit: status === 'draft' || status === 'rejected',
      withdraw: status === 'in_review',
      archive: canTransitionProduct(status, 'archived'),
      restore: status === 'archived',
    },
  }
}

async function productColumns(input: ProductInput) {
  return {
    categoryId: input.categoryId,
    hsCode: input.hsCode,
    saleMode: input.saleMode,
    unit: input.unit,
    basePriceMinor: input.basePriceMinor,
    baseCurrency: input.baseCurrency,
    stock: input.stock,
    minOrderQuantity: input.minOrderQuantity,
    originRegionId: input.originRegionId,
    netWeightGrams: input.netWeightGrams,
    shelfLifeDays: input.shelfLifeDays,
    noReasonReturn: input.noReasonReturn,
    sortPriceUsdMinor: await usdSortPrice(input.basePriceMinor, input.baseCurrency),
  }
}

export async function usdSortPrice(amountMinor: number, currency: string) {
  try {
    return convert({ amountMinor, currency }, 'USD', await currentRates()).amountMinor
  } catch {
    // no rate yet for the currency: the product sorts as free until reindexProducts runs with one
    return 0
  }
}

export async function createProduct(user: Member, input: ProductInput): Promise<Outcome<{ id: number }>> {
  const company = await companyOf(user)
  if (company.status !== 'verified') throw new Response('Forbidden', { status: 403 })
  const errors = await checkReferences(input)
  if (Object.keys(errors).length > 0) return failure(errors)
  const db = getDb()
  const slugSource = (input.translations.find((t) => t.locale === 'en') ?? input.translations[0]).name
  const columns = await productColumns(input)
  for (let attempt = 0; ; attempt++) {
    try {
      const product = await db.product.create({
        data: {
          slug: uniqueSlug(slugSource, 'product'),
          exporterId: company.id,
          status: 'draft',
          ...columns,
          translations: { create: input.translations },
          priceTiers: { create: input.tiers },
          certificates: { create: input.certificates.map((kind) => ({ kind })) },
        },
        select: { id: true },
      })
      await audit(user, 'product.created', 'Product', product.id)
      return { ok: true, value: product }
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error
    }
  }
}

type OwnProduct = Awaited<ReturnType<typeof findOwnProduct>>['product']

/** Saving the form unedited changes nothing, not even a published product's status (decisions/011). */
function changesOf(product: OwnProduct, input: ProductInput) {
  const texts = (rows: { locale: string; name: string; description: string }[]) =>
    JSON.stringify(
      rows
        .map((r) => [r.locale, typedText(r.name)!.trim(), typedText(r.description)!.trim()])
        .filter(([, name, description]) => name !== '' || description !== '')
        .sort(([a], [b]) => a.localeCompare(b)),
    )
  const translations = texts(product.translations) !== texts(input.translations)
  const tiers =
    JSON.stringify(product.priceTiers.map((t) => [t.minQuantity, t.unitPriceMinor])) !==
    JSON.stringify(input.tiers.map((t) => [t.minQuantity, t.unitPriceMinor]))
  const certificates = JSON.stringify(product.certificates.map((c) => c.kind).sort()) !== JSON.stringify(input.certificates)
  const content = {
    translations,
    category: product.categoryId !== input.categoryId,
    hsCode: product.hsCode !== input.hsCode,
    unit: product.unit !== input.unit,
    saleMode: product.saleMode !== input.saleMode,
    origin: product.originRegionId !== input.originRegionId,
    netWeight: product.netWeightGrams !== input.netWeightGrams,
    shelfLife: product.shelfLifeDays !== input.shelfLifeDays,
    certificates,
  }
  const terms = {
    price: product.basePriceMinor !== input.basePriceMinor || product.baseCurrency !== input.baseCurrency,
    tiers,
    moq: product.minOrderQuantity !== input.minOrderQuantity,
    stock: product.stock !== input.stock,
    noReasonReturn: product.noReasonReturn !== input.noReasonReturn,
  }
  const named = (group: Record<string, boolean>) => Object.keys(group).filter((key) => group[key])
  return { content: named(content), terms: named(terms), translations, tiers, certificates }
}

export type UpdateResult = { id: number; status: ProductStatus; sentToReview: boolean; unchanged: boolean }

/** On a published product, content changes go back to review; price, tiers, MOQ and stock apply at once. */
export async function updateProduct(
  user: Member,
  productId: string | number | undefined,
  input: ProductInput,
): Promise<Outcome<UpdateResult>> {
  const { company, product } = await findOwnProduct(user, productId)
  if (company.status !== 'verified') throw new Response('Forbidden', { status: 403 })
  if (product.status === 'archived') return failure({ form: 'errors.productArchived' })
  const errors = await checkReferences(input)
  if (Object.keys(errors).length > 0) return failure(errors)
  const changes = changesOf(product, input)
  if (changes.content.length === 0 && changes.terms.length === 0)
    return { ok: true, value: { id: product.id, status: product.status as ProductStatus, sentToReview: false, unchanged: true } }

  const wasPublished = product.status === 'published'
  const sentToReview = wasPublished && changes.content.length > 0
  // leave the storefront before the new content is written, so buyers never see unreviewed text
  if (sentToReview) await transitionProduct(product.id, 'in_review', user)

  const db = getDb()
  const columns = await productColumns(input)
  const kept = new Set(product.certificates.map((c) => c.kind))
  await db.$transaction(async (tx) => {
    await tx.product.update({
      where: { id: product.id },
      data: columns,
    })
    if (changes.translations) {
      await tx.productTranslation.deleteMany({ where: { productId: product.id } })
      await tx.productTranslation.createMany({ data: input.translations.map((t) => ({ ...t, productId: product.id })) })
    }
    if (changes.tiers) {
      await tx.priceTier.deleteMany({ where: { productId: product.id } })
      await tx.priceTier.createMany({ data: input.tiers.map((t) => ({ ...t, productId: product.id })) })
    }
    if (changes.certificates) {
      // keep the rows that stay, with any number and validity an admin recorded on them
      await tx.productCertificate.deleteMany({ where: { productId: product.id, kind: { notIn: input.certificates } } })
      await tx.productCertificate.createMany({
        data: input.certificates.filter((kind) => !kept.has(kind)).map((kind) => ({ kind, productId: product.id })),
      })
    }
  })
  await audit(user, 'product.updated', 'Product', product.id, { content: changes.content, terms: changes.terms })
  // a published product's new price must reach the sort order, the search index and cached pages
  if (wasPublished && !sentToReview) await reindexProducts([product.id])
  return {
    ok: true,
    value: {
      id: product.id,
      status: sentToReview ? 'in_review' : (product.status as ProductStatus),
      sentToReview,
      unchanged: false,
    },
  }
}

export const exporterMoves = {
  submit: { from: ['draft', 'rejected'], to: 'in_review' },
  withdraw: { from: ['in_review'], to: 'draft' },
  archive: { from: ['draft', 'published', 'rejected'], to: 'archived' },
  restore: { from: ['archived'], to: 'draft' },
} as const satisfies Record<string, { from: readonly ProductStatus[]; to: ProductStatus }>

export type ExporterMove = keyof typeof exporterMoves

export async function moveProduct(
  user: Member,
  productId: string | number | undefined,
  move: ExporterMove,
): Promise<Outcome<{ status: ProductStatus }>> {
  const { company, product } = await findOwnProduct(user, productId)
  if (company.status !== 'verified') throw new Response('Forbidden', { status: 403 })
  const rule = exporterMoves[move]
  if (!(rule.from as readonly string[]).includes(product.status)) return failure({ form: 'errors.statusChangeNotAllowed' })
  await transitionProduct(product.id, rule.to, user)
  return { ok: true, value: { status: rule.to } }
}

export const submitProduct = (user: Member, productId: string | number | undefined) => moveProduct(user, productId, 'submit')
export const archiveProduct = (user: Member, productId: string | number | undefined) => moveProduct(user, productId, 'archive')

export async function addProductImage(
  user: Member,
  productId: string | number | undefined,
  upload: { file: UploadedFile | null; fileTooLarge?: boolean },
): Promise<Outcome<{ id: number; sentToReview: boolean }>> {
  const { company, product } = await findOwnProduct(user, productId)
  if (company.status !== 'verified') throw new Response('Forbidden', { status: 403 })
  if (product.status === 'archived') return failure({ file: 'errors.productArchived' })
  if (product.images.length >= maxProductImages) return failure({ file: 'errors.tooManyImages' })
  const checked = await checkImageUpload(upload.file, upload.fileTooLarge)
  if (!checked.ok) return failure({ file: checked.error })

  const storageKey = `products/${company.id}/${randomBytes(12).toString('hex')}`
  let image: Awaited<ReturnType<typeof saveImageVariants>>
  try {
    image = await saveImageVariants(upload.file!.bytes, storageKey)
  } catch {
    await removeVariants(storageKey)
    return failure({ file: 'errors.imageDamaged' })
  }
  const sentToReview = product.status === 'published'
  let id: number
  try {
    if (sentToReview) await transitionProduct(product.id, 'in_review', user)
    const position = Math.max(-1, ...product.images.map((i) => i.position)) + 1
    const row = await getDb().productImage.create({ data: { productId: product.id, position, ...image }, select: { id: true } })
    id = row.id
  } catch (error) {
    await removeVariants(storageKey)
    throw error
  }
  await audit(user, 'product.image_added', 'Product', product.id, { imageId: id })
  return { ok: true, value: { id, sentToReview } }
}

export async function deleteProductImage(
  user: Member,
  productId: string | number | undefined,
  imageId: string | number | undefined,
): Promise<Outcome<{ sentToReview: boolean }>> {
  const { company, product } = await findOwnProduct(user, productId)
  if (company.status !== 'verified') throw new Response('Forbidden', { status: 403 })
  const id = parseId(imageId)
  const image = product.images.find((candidate) => candidate.id === id)
  if (!image) throw notFound()
  if (product.status === 'archived') return failure({ form: 'errors.productArchived' })
  const sentToReview = product.status === 'published'
  if (sentToReview) await transitionProduct(product.id, 'in_review', user)
  await getDb().productImage.delete({ where: { id: image.id } })
  await removeVariants(image.storageKey)
  await audit(user, 'product.image_deleted', 'Product', product.id, { imageId: image.id })
  return { ok: true, value: { sentToReview } }
}
