// The exporter side of the issue-4 journey, as steps other browser tests can reuse: register a
// company through the real form, mark it verified in the e2e database (the admin console's step,
// done directly), create a product in the portal with an image, and send it for review.
import { randomInt } from 'node:crypto'

import { expect, type Page } from '@playwright/test'
import sharp from 'sharp'

import { binCheckDigit } from '~/modules/exporters/bin'

import enCommon from '../../locales/en/common.json'
import en from '../../locales/en/portal.json'
import kkCommon from '../../locales/kk/common.json'
import kk from '../../locales/kk/portal.json'
import ruCommon from '../../locales/ru/common.json'
import ru from '../../locales/ru/portal.json'
import zhHansCommon from '../../locales/zh-hans/common.json'
import zhHans from '../../locales/zh-hans/portal.json'
import zhHantCommon from '../../locales/zh-hant/common.json'
import zhHant from '../../locales/zh-hant/portal.json'
import { e2eDb, uniqueSuffix } from './fixtures'

export const portalMessages = { en, kk, ru, 'zh-hans': zhHans, 'zh-hant': zhHant }
export type PortalLocale = keyof typeof portalMessages
const commonMessages = { en: enCommon, kk: kkCommon, ru: ruCommon, 'zh-hans': zhHansCommon, 'zh-hant': zhHantCommon }

/** The portal's text for `key` ("form.hsCode") in `locale`, with {{placeholders}} filled in; certificate names are common words. */
export function portalText(locale: PortalLocale, key: string, values: Record<string, string> = {}) {
  const messages = key.startsWith('certificates.') ? commonMessages[locale] : portalMessages[locale]
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
  if (typeof text !== 'string') throw new Error(`No portal message ${key}`)
  return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => values[name] ?? '')
}

/** A BIN with a right check digit (a legal entity registered in 2024), unlikely to be taken. */
export function validBin() {
  for (;;) {
    const first = `24${String(randomInt(1, 13)).padStart(2, '0')}4${String(randomInt(0, 1_000_000)).padStart(6, '0')}`
    const check = binCheckDigit(first)
    if (check !== null) return `${first}${check}`
  }
}

export function withWrongCheckDigit(bin: string) {
  return `${bin.slice(0, 11)}${(Number(bin[11]) + 1) % 10}`
}

export type CompanyDetails = {
  suffix: string
  email: string
  password: string
  bin: string
  legalName: { kk: string; ru: string; en: string; 'zh-hans'?: string }
}

export function newCompany(): CompanyDetails {
  const suffix = uniqueSuffix()
  return {
    suffix,
    email: `owner-${suffix}@e2e.test`,
    password: `pw-${suffix}-long`,
    bin: validBin(),
    legalName: {
      kk: `«Жетісу бал ${suffix}» ЖШС`,
      ru: `ТОО «Жетысу бал ${suffix}»`,
      en: `Zhetysu Bal ${suffix} LLP`,
      'zh-hans': `七河蜂蜜${suffix}有限责任公司`,
    },
  }
}

/** Fills in the company registration form at /{locale}/exporter/register (the page must be open) and sends it. */
export async function fillCompanyRegistration(page: Page, locale: PortalLocale, company: CompanyDetails, bin = company.bin) {
  const t = (key: string, values?: Record<string, string>) => portalText(locale, key, values)
  const label = (text: string) => page.getByLabel(text, { exact: true })
  for (const nameLocale of ['kk', 'ru', 'en', 'zh-hans'] as const) {
    const value = company.legalName[nameLocale]
    if (value) await label(t('company.legalNameIn', { language: t(`languages.${nameLocale}`) })).fill(value)
  }
  await label(t('fields.bin')).fill(bin)
  await label(t('fields.region')).selectOption('jetisu')
  await label(t('fields.city')).fill('Талдықорған')
  await label(t('fields.address')).fill('Абай көшесі, 1')
  await label(t('fields.about')).fill('Жетісу тауларындағы омарта.')
  await label(t('fields.contactName')).fill('Әлия Нұрланқызы')
  await label(t('fields.contactPhone')).fill('+7 701 555 00 11')
  await label(t('fields.email')).fill(company.email)
  await label(t('fields.password')).fill(company.password)
  await page.getByRole('button', { name: t('register.submit') }).click()
}

/** The admin console's verification, done directly in the e2e database. */
export async function verifyCompanyInDb(bin: string) {
  const db = e2eDb()
  try {
    const exporter = await db.exporter.update({
      where: { bin },
      data: { status: 'verified', verifiedAt: new Date() },
      select: { id: true },
    })
    return exporter.id
  } finally {
    await db.$disconnect()
  }
}

/** A real PNG made on the spot: a golden honeycomb cell on sky blue. */
export async function productPng() {
  return sharp({ create: { width: 900, height: 675, channels: 3, background: '#00afca' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="900" height="675"><polygon points="450,140 620,240 620,440 450,540 280,440 280,240" fill="#fec50c"/></svg>',
        ),
      },
    ])
    .png()
    .toBuffer()
}

export type ProductDetails = {
  kk: { name: string; description: string }
  'zh-hans': { name: string; description: string }
  price: string
  stock: string
}

export function newHoneyProduct(suffix = uniqueSuffix()): ProductDetails {
  return {
    kk: { name: `Жетісу тау балы ${suffix}`, description: 'Іле Алатауының баурайындағы шалғын гүлдерінен жиналған табиғи бал.' },
    'zh-hans': { name: `七河山花蜜${suffix}`, description: '采自伊犁阿拉套山坡草甸花卉的天然蜂蜜。' },
    price: '2500.50',
    stock: '120',
  }
}

/**
 * In the portal (signed in, company verified): creates the product as a draft in the natural-honey
 * category, uploads an image and sends it for review. Returns the product's id.
 */
export async function createAndSubmitProduct(page: Page, locale: PortalLocale, product: ProductDetails) {
  const t = (key: string, values?: Record<string, string>) => portalText(locale, key, values)
  const label = (text: string) => page.getByLabel(text, { exact: true })
  const db = e2eDb()
  const category = await db.category.findUniqueOrThrow({ where: { slug: 'natural-honey' }, select: { id: true } })
  await db.$disconnect()

  await page.goto(`/${locale}/exporter/products/new`)
  await label(t('form.categoryFilter')).fill('0409')
  await label(t('form.category')).selectOption(String(category.id))
  await label(t('form.hsCode')).fill('040900')
  for (const contentLocale of ['kk', 'zh-hans'] as const) {
    const language = t(`languages.${contentLocale}`)
    await label(t('form.nameIn', { language })).fill(product[contentLocale].name)
    await label(t('form.descriptionIn', { language })).fill(product[contentLocale].description)
  }
  await label(t('form.basePrice')).fill(product.price)
  await label(t('form.stock')).fill(product.stock)
  await page.getByLabel(t('certificates.haccp')).check()
  await page.getByRole('button', { name: t('actions.saveDraft') }).click()
  await page.waitForURL(/\/exporter\/products\/\d+\?notice=created/)
  await expect(page.getByText(t('notices.created'))).toBeVisible()
  const productId = Number(/products\/(\d+)/.exec(page.url())![1])

  await label(t('images.file')).setInputFiles({ name: 'honey.png', mimeType: 'image/png', buffer: await productPng() })
  await page.getByRole('button', { name: t('images.upload') }).click()
  await expect(page.getByText(t('notices.imageAdded'), { exact: true })).toBeVisible()
  await expect(page.getByRole('img', { name: t('images.alt', { number: '1' }) })).toBeVisible()

  await page.getByRole('button', { name: t('actions.saveAndSubmit') }).click()
  await expect(page.getByText(t('notices.submitted'))).toBeVisible()
  return productId
}
