// An exporter imports products from a CSV file in Russian: progress bar to the end, a report per
// row, and the new drafts in their product list.
import { expect, test } from '@playwright/test'

import { createTestUser, e2eDb, signIn, type TestUser, uniqueSuffix } from './fixtures'

const header = 'category,hs_code,name_en,name_ru,base_price,currency,stock,sale_mode,unit,moq,tiers,origin_region,certificates'
const goodRows = 150

let user: TestUser
let batch = ''

function csv() {
  const good = (index: number) =>
    `natural-honey,040900,"Honey lot ${batch}-${index}, 250 g","Мёд, партия ${batch}-${index}",2500.50,KZT,${index},both,pack,1,24:2400;120:2300,east-kazakhstan,ST-KZ;Halal`
  return [
    header,
    good(1),
    // row 3: an unknown category; row 4: a price with a comma
    `no-such-category,040900,Bad category ${batch},,10,KZT,1,retail,pack,,,abai,`,
    `natural-honey,040900,Bad price ${batch},,"12,5.0",KZT,1,retail,pack,,,abai,`,
    ...Array.from({ length: goodRows - 1 }, (_, index) => good(index + 2)),
  ].join('\n')
}

test.beforeAll(async () => {
  const db = e2eDb()
  try {
    const exporter = await db.exporter.findFirstOrThrow({
      where: { status: 'verified' },
      orderBy: { id: 'desc' },
      select: { id: true },
    })
    user = await createTestUser({ role: 'exporter', exporterId: exporter.id, locale: 'ru' })
  } finally {
    await db.$disconnect()
  }
  batch = uniqueSuffix()
})

test('an exporter uploads a CSV with good and bad rows in Russian and follows it to the report', async ({ page }) => {
  await signIn(page, user, 'ru')
  await page.goto('/ru/exporter/import')
  await expect(page.getByRole('heading', { level: 1, name: 'Импорт товаров из CSV-файла' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Скачать шаблон (CSV)' })).toHaveAttribute(
    'href',
    '/ru/exporter/import/template.csv',
  )

  await page.getByLabel('CSV-файл').setInputFiles({ name: 'товары.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) })
  await page.getByRole('button', { name: 'Загрузить и импортировать' }).click()
  await page.waitForURL(/\/ru\/exporter\/import\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Импорт файла товары.csv' })).toBeVisible()

  // the bar fills as the page polls, without reloading the page
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }))
  const bar = page.getByRole('progressbar', { name: 'Обработано строк' })
  await expect(bar).toHaveAttribute('max', String(goodRows + 2))
  await expect(bar).toHaveAttribute('value', String(goodRows + 2), { timeout: 30_000 })
  await expect(page.getByText(`Завершён — ${goodRows + 2} из ${goodRows + 2} строк`)).toBeVisible()

  await expect(page.getByRole('heading', { name: 'Отчёт' })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true)
  await expect(page.getByText(`Создано ${goodRows} товаров (черновики).`)).toBeVisible()
  await expect(page.getByText('В 2 строках ошибки, они не импортированы.')).toBeVisible()

  const report = page.getByRole('table')
  const rowOf = (number: number) =>
    report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(number), exact: true }) })
  await expect(rowOf(2)).toContainText('Создан')
  await expect(rowOf(3)).toContainText('category: Категории «no-such-category» нет.')
  await expect(rowOf(4)).toContainText('base_price: «12,5.0» — не цена')
  const productLink = rowOf(2).getByRole('link')
  // named as the exporter wrote it, in the reader's language, never by its slug
  await expect(productLink).toHaveText(`Мёд, партия ${batch}-1`)

  // only the rows with errors
  await page.getByRole('link', { name: 'Показать только строки с ошибками' }).click()
  await expect(report.getByRole('row')).toHaveCount(3)

  // the new drafts are in the company's product list (50 a page): found by the batch, first and last by stock
  await page.goto(`/ru/exporter?q=${batch}&sort=stockAsc`)
  await expect(page.getByText(`${goodRows} товаров`)).toBeVisible()
  await expect(page.getByRole('link', { name: `Мёд, партия ${batch}-1`, exact: true })).toBeVisible()
  await page.goto(`/ru/exporter?q=${batch}&sort=stockDesc`)
  await expect(page.getByRole('link', { name: `Мёд, партия ${batch}-${goodRows}`, exact: true })).toBeVisible()
  await expect(page.getByText(`Bad price ${batch}`)).toHaveCount(0)
})

test('a file that is not CSV is refused on the form, in Russian', async ({ page }) => {
  await signIn(page, user, 'ru')
  await page.goto('/ru/exporter/import')
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  await page.getByLabel('CSV-файл').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: png })
  await page.getByRole('button', { name: 'Загрузить и импортировать' }).click()
  await expect(page.getByRole('alert')).toContainText('Это не CSV-файл')
  await expect(page).toHaveURL(/\/ru\/exporter\/import(\?index)?$/)
})
