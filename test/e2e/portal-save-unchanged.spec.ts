// Issue 11, item 1, in a real browser: an exporter opens a published product with long Russian,
// Kazakh and Chinese descriptions in the portal and presses Save without editing anything. The
// stored text must come back byte for byte and the product must stay published. Before the fix,
// NUL bytes in the rendered page became U+FFFD in the form, and the line breaks a browser submits
// (CRLF) differed from the stored ones (LF): both counted as content edits and sent the product
// back to review. Run with JavaScript (Remix submits the form) and without (the browser does).
import { expect, test } from '@playwright/test'

import { createTestUser, e2eDb, signIn, uniqueSuffix } from './fixtures'
import { type PortalLocale, portalText } from './portal-fixtures'

/** A long text (over 4 KB in UTF-8) mixing scripts, with paragraphs, as exporters paste them. */
function longText(paragraph: string, minBytes = 4500) {
  const paragraphs: string[] = []
  for (let n = 1; Buffer.byteLength(paragraphs.join('\n\n')) < minBytes; n++) paragraphs.push(`${n}. ${paragraph}`)
  return paragraphs.join('\n\n')
}

const descriptions = {
  ru: longText(
    'Горный мёд с пасек Восточного Казахстана — липа, кипрей, донник; влажность ≤ 18 %, ГМФ < 10 мг/кг. ' +
      'Фасовка: стеклянная банка 1 кг. Для Китая: 阿尔泰山花蜜，不加热。Export grade «A».',
  ),
  kk: longText(
    'Шығыс Қазақстан омарталарының тау балы — жөке, күреңот, түйежоңышқа; ылғалдылығы ≤ 18 %. ' +
      'Қаптамасы: 1 кг шыны құмыра. Қытайға: 东哈萨克斯坦山花蜜。Мёд «Алтай».',
  ),
  'zh-hans': longText(
    '东哈萨克斯坦蜂场的山花蜜——椴树、柳兰、草木樨；含水量 ≤ 18%，羟甲基糠醛 < 10 mg/kg。' +
      '包装：1 公斤玻璃瓶。Горный мёд «Алтай» — Altai mountain honey; тау балы.',
  ),
}

type Stored = { status: string; translations: { locale: string; name: string; description: string }[] }

/** A new published product of a demo company, with long descriptions, and a member of that company. */
async function publishedProductWithLongTexts() {
  const db = e2eDb()
  try {
    const model = await db.product.findFirstOrThrow({
      where: { status: 'published', exporter: { slug: 'naryn-honey' } },
      include: { priceTiers: true },
      orderBy: { id: 'asc' },
    })
    const suffix = uniqueSuffix()
    const product = await db.product.create({
      data: {
        slug: `save-unchanged-${suffix}`,
        exporterId: model.exporterId,
        categoryId: model.categoryId,
        hsCode: model.hsCode,
        status: 'published',
        publishedAt: new Date(),
        saleMode: model.saleMode,
        unit: model.unit,
        basePriceMinor: model.basePriceMinor,
        baseCurrency: model.baseCurrency,
        stock: model.stock,
        minOrderQuantity: model.minOrderQuantity,
        originRegionId: model.originRegionId,
        netWeightGrams: model.netWeightGrams,
        shelfLifeDays: model.shelfLifeDays,
        sortPriceUsdMinor: model.sortPriceUsdMinor,
        translations: {
          create: [
            { locale: 'ru', name: `Алтайский горный мёд ${suffix}`, description: descriptions.ru },
            { locale: 'kk', name: `Алтай тау балы ${suffix}`, description: descriptions.kk },
            { locale: 'zh-hans', name: `阿尔泰山花蜜 ${suffix}`, description: descriptions['zh-hans'] },
            { locale: 'en', name: `Altai mountain honey ${suffix}`, description: 'Raw mountain honey.' },
          ],
        },
        priceTiers: { create: model.priceTiers.map(({ minQuantity, unitPriceMinor }) => ({ minQuantity, unitPriceMinor })) },
      },
      select: { id: true },
    })
    const member = await createTestUser({ role: 'exporter', exporterId: model.exporterId })
    return { productId: product.id, member }
  } finally {
    await db.$disconnect()
  }
}

async function stored(productId: number): Promise<Stored> {
  const db = e2eDb()
  try {
    return await db.product.findUniqueOrThrow({
      where: { id: productId },
      select: {
        status: true,
        translations: { select: { locale: true, name: true, description: true }, orderBy: { locale: 'asc' } },
      },
    })
  } finally {
    await db.$disconnect()
  }
}

const asBytes = (product: Stored) =>
  product.translations.map((t) => ({
    locale: t.locale,
    name: Buffer.from(t.name).toString('hex'),
    text: Buffer.from(t.description).toString('hex'),
  }))

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    for (const locale of ['ru', 'kk', 'zh-hans'] as PortalLocale[]) {
      test(`saving a long published product unchanged in the ${locale} portal keeps its text byte for byte and its status`, async ({
        page,
      }) => {
        const { productId, member } = await publishedProductWithLongTexts()
        const before = await stored(productId)
        expect(Buffer.byteLength(before.translations.find((t) => t.locale === 'ru')!.description)).toBeGreaterThan(4096)

        await signIn(page, member, locale)
        const response = await page.goto(`/${locale}/exporter/products/${productId}`)
        const html = await response!.body()
        expect(html.indexOf(0)).toBe(-1)
        // what the browser holds is what is stored
        for (const { locale: textLocale, description } of before.translations)
          await expect(page.locator(`textarea[name="description.${textLocale}"]`)).toHaveValue(description)

        await page.getByRole('button', { name: portalText(locale, 'actions.save'), exact: true }).click()
        await page.waitForURL(/notice=/)
        expect(new URL(page.url()).searchParams.get('notice')).toBe('unchanged')
        await expect(page.getByRole('status')).toHaveText(portalText(locale, 'notices.unchanged'))

        const after = await stored(productId)
        expect(after.status).toBe('published')
        expect(asBytes(after)).toEqual(asBytes(before))
        expect(after.translations.some((t) => t.description.includes('\uFFFD') || t.description.includes('\r'))).toBe(false)
      })
    }
  })
}
