// Issue 14's done-means, as a Kazakh exporter and a Russian-speaking admin live it: the exporter imports
// 2,000 products from one CSV file, finds one of them by a Chinese word and by its HS code, sends 50 for
// review and reads what happened to each; then a new admin sets up TOTP by scanning the QR code on the
// page, signs in again with the code, reads those 50 submissions in the audit log in Russian and sees
// today's work on the dashboard. Serial: the admin reads what the exporter did.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { expect, type Page, test } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import jsQR from 'jsqr'
import { generateSync } from 'otplib'
import { PNG } from 'pngjs'

import { createTestUser, e2eDb, signIn, type TestUser, uniqueSuffix } from './fixtures'
import { validBin } from './portal-fixtures'

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 360, height: 800 } })

const rowCount = 2000
const batch = uniqueSuffix()
/** The one row the exporter looks for: a word no other row has, and the only honey (so the only 040900). */
const wanted = { row: 1234, word: '雪岭', zh: `天山雪岭百花蜜 ${batch}`, kk: `Тянь-Шань тау балы ${batch}`, hsCode: '040900' }
const shots = 'test-results/exporter-scale'

let exporter: TestUser
let company = ''

type Row = { category: string; hsCode: string; zh: string; kk: string; ru: string }
let rows: Row[] = []

/** Six-digit HS 2022 subheadings (the seed's own nomenclature) under each seeded category's headings. */
async function csvRows(): Promise<Row[]> {
  const nomenclature: { hscode: string; level: string }[] = parse(readFileSync(path.resolve('prisma/seed/data/hs2022.csv')), {
    columns: true,
  })
  const subheadings = nomenclature.filter((code) => code.level === '6').map((code) => code.hscode)
  const db = e2eDb()
  try {
    const categories = await db.category.findMany({
      where: { slug: { not: 'natural-honey' } },
      orderBy: { id: 'asc' },
      select: {
        slug: true,
        hsHeadings: { select: { heading: true } },
        translations: { where: { locale: { in: ['zh-hans', 'kk', 'ru'] } }, select: { locale: true, name: true } },
      },
    })
    const kinds = categories.flatMap((category) => {
      const name = (locale: string) => category.translations.find((t) => t.locale === locale)?.name ?? category.slug
      const codes = subheadings.filter((code) => category.hsHeadings.some((h) => code.startsWith(h.heading)))
      return codes.map((hsCode) => ({ category: category.slug, hsCode, zh: name('zh-hans'), kk: name('kk'), ru: name('ru') }))
    })
    expect(kinds.length).toBeGreaterThan(50)
    return Array.from({ length: rowCount }, (_, index) => {
      const number = index + 1
      if (number === wanted.row)
        return {
          category: 'natural-honey',
          hsCode: wanted.hsCode,
          zh: wanted.zh,
          kk: wanted.kk,
          ru: `Тянь-шаньский мёд ${batch}`,
        }
      const kind = kinds[index % kinds.length]
      return {
        ...kind,
        zh: `${kind.zh} ${batch}-${number}`,
        kk: `${kind.kk} ${batch}-${number}`,
        ru: `${kind.ru} ${batch}-${number}`,
      }
    })
  } finally {
    await db.$disconnect()
  }
}

function csvFile() {
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`
  const lines = rows.map(
    (row, index) =>
      `${row.category},${row.hsCode},${quoted(row.zh)},${quoted(row.kk)},${quoted(row.ru)},${1000 + index}.50,KZT,${index + 1},both,pack,1,,almaty-region,`,
  )
  return [
    'category,hs_code,name_zh_hans,name_kk,name_ru,base_price,currency,stock,sale_mode,unit,moq,tiers,origin_region,certificates',
    ...lines,
  ].join('\n')
}

/** Nothing on the page reaches past the 360 px screen (a table may scroll inside its own box). */
async function expectNoSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0)
}

/** Script errors on the way (a hydration mismatch among them): collected per test, expected to be none. A fetch
 * aborted because the test itself went to another address is no fault of the page. */
function scriptErrors(page: Page) {
  const errors: string[] = []
  const keep = (text: string) => {
    if (!/BodyStreamBuffer was aborted|AbortError/.test(text)) errors.push(text)
  }
  page.on('console', (message) => {
    if (message.type() === 'error') keep(message.text())
  })
  page.on('pageerror', (error) => keep(error.message))
  return errors
}

test.beforeAll(async () => {
  const db = e2eDb()
  try {
    const region = await db.region.findFirstOrThrow({ where: { code: 'almaty-region' }, select: { id: true } })
    company = `«Алатау ${batch}» ЖШС`
    const row = await db.exporter.create({
      data: {
        slug: `e2e-scale-${batch}`,
        bin: validBin(),
        status: 'verified',
        verifiedAt: new Date(),
        regionId: region.id,
        translations: { create: [{ locale: 'kk', legalName: company, city: 'Алматы', about: 'E2E' }] },
      },
    })
    exporter = await createTestUser({ role: 'exporter', exporterId: row.id, locale: 'kk' })
  } finally {
    await db.$disconnect()
  }
  rows = await csvRows()
})

test('an exporter in Kazakh imports 2,000 products, finds one by a Chinese word and by its HS code, and sends 50 for review', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const errors = scriptErrors(page)
  await signIn(page, exporter, 'kk')

  // one upload; the import page follows the job until every row is written
  await page.goto('/kk/exporter/import')
  await page.getByLabel('CSV файлы').setInputFiles({ name: 'тауарлар.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFile()) })
  await page.getByRole('button', { name: 'Жүктеу және импорттау' }).click()
  await page.waitForURL(/\/kk\/exporter\/import\/\d+$/)
  const bar = page.getByRole('progressbar', { name: 'Өңделген жолдар' })
  await expect(bar).toHaveAttribute('max', String(rowCount))
  await expect(bar).toHaveAttribute('value', String(rowCount), { timeout: 120_000 })
  await expect(page.getByText(/^2\s000 тауар жоба ретінде жасалды\./)).toBeVisible()
  await expectNoSidewaysScroll(page)

  // 2,000 rows: 40 pages of 50, the last one reached by the page links
  await page.goto('/kk/exporter')
  await expect(page.getByRole('status').filter({ hasText: 'тауар' })).toHaveText(/^2\s000 тауар$/)
  const pages = page.getByRole('navigation', { name: 'Беттер' })
  await expect(pages).toContainText('40 беттің 1-беті')
  await expect(page.locator('.product-list tbody tr')).toHaveCount(50)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: `${shots}/kk-product-list-360.png`, fullPage: true })
  await page.goto('/kk/exporter?sort=oldest&page=39')
  await pages.getByRole('link', { name: 'Келесі бет' }).click()
  await expect(pages).toContainText('40 беттің 40-беті')
  await expect(page.getByRole('link', { name: `${rows[rowCount - 1].kk}`, exact: true })).toBeVisible()

  // found by a word of its Chinese name, and shown under its Kazakh name
  const search = page.getByLabel('Атауы, артикулы немесе СЭҚ ТН коды')
  for (const query of [wanted.word, wanted.hsCode]) {
    await page.goto('/kk/exporter')
    await search.fill(query)
    await page.getByRole('button', { name: 'Көрсету' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'тауар' })).toHaveText('1 тауар')
    await expect(page.locator('.product-list tbody tr')).toHaveCount(1)
    await expect(page.getByRole('link', { name: wanted.kk, exact: true })).toBeVisible()
    await expect(page.locator('.product-list')).toContainText(`СЭҚ ТН ${wanted.hsCode}`)
    await expect(page.locator('.product-list')).not.toContainText(wanted.zh)
  }

  // the first 50 imported, all ticked at once, sent for review; one line per product says what happened
  await page.goto('/kk/exporter?sort=oldest')
  await page.getByRole('link', { name: 'Беттегінің бәрін таңдау' }).click()
  await expect(page.locator('.product-list tbody input[type="checkbox"]:checked')).toHaveCount(50)
  await page.getByLabel('Әрекет', { exact: true }).selectOption({ label: 'Тексеруге жіберу' })
  await page.getByRole('button', { name: 'Қолдану' }).click()
  const results = page.locator('.bulk-results')
  await expect(results.getByRole('status')).toHaveText('50 тауардың 50 өзгертілді.')
  const lines = results.locator('tbody tr')
  await expect(lines).toHaveCount(50)
  await expect(results.locator('tbody tr[data-outcome="done"]')).toHaveCount(50)
  for (const number of [1, 25, 50]) {
    await expect(lines.nth(number - 1)).toHaveText(`${rows[number - 1].kk}Тексеруге жіберілді`)
  }
  await expectNoSidewaysScroll(page)

  await page.goto('/kk/exporter?status=in_review')
  await expect(page.getByRole('status').filter({ hasText: 'тауар' })).toHaveText('50 тауар')
  expect(errors).toEqual([])
})

test('a new admin in Russian sets up TOTP from the QR code, signs in with it, reads those submissions in the audit log and today’s work', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const errors = scriptErrors(page)
  // a fresh admin of this test's own: turning TOTP on touches no account another spec signs in with
  const admin = await createTestUser({ role: 'admin', locale: 'ru', totp: false })
  await page.goto('/ru/login')
  await page.getByLabel('Электронная почта').fill(admin.email)
  await page.getByLabel('Пароль').fill(admin.password)
  await page.locator('form[method="post"] button[type="submit"]').click()
  await page.waitForURL(/\/ru\/account\/two-factor$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Настройка двухэтапной проверки' })).toBeVisible()

  // scanned from the pixels the browser drew, as a phone's camera would
  const png = PNG.sync.read(
    await page.getByRole('img', { name: 'QR-код для сканирования приложением-аутентификатором' }).screenshot(),
  )
  const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
  expect(scanned).toMatch(/^otpauth:\/\/totp\//)
  const secret = new URL(scanned!).searchParams.get('secret')!
  await expect(page.getByTestId('totp-secret')).toHaveText(secret)
  const code = (stepsAhead = 0) => generateSync({ secret, period: 30, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })

  await page.getByLabel('6-значный код').fill(code())
  await page.getByRole('button', { name: 'Включить' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Коды восстановления' })).toBeVisible()
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10)
  await page.getByRole('link', { name: 'Я сохранил коды: продолжить' }).click()
  await expect(page).toHaveURL(/\/ru\/admin$/)

  // out, and in again: password, then the app's code (the next step's: the one just used is not taken twice)
  await page.goto('/ru/account')
  await page.getByRole('button', { name: 'Выйти', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/ru/account'))
  await page.goto('/ru/admin')
  await page.waitForURL(/\/ru\/login/)
  await page.getByLabel('Электронная почта').fill(admin.email)
  await page.getByLabel('Пароль').fill(admin.password)
  await page.locator('form[method="post"] button[type="submit"]').click()
  await page.waitForURL(/\/ru\/login\/two-factor/)
  await page.getByLabel('6-значный код').fill(code(1))
  await page.locator('form[method="post"] button[type="submit"]').click()
  await expect(page).toHaveURL(/\/ru\/admin$/)

  // today's work: the 50 submissions wait among the products in review, and every count leads somewhere
  const today = page.getByTestId('today')
  await expect(today.getByRole('heading', { name: 'Требует внимания сегодня' })).toBeVisible()
  const inReview = today.getByRole('listitem').filter({ hasText: 'Товары ждут проверки' })
  expect(Number(await inReview.locator('strong').textContent())).toBeGreaterThanOrEqual(50)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: `${shots}/ru-dashboard-360.png`, fullPage: true })
  const links = await today.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!))
  expect(links.length).toBeGreaterThanOrEqual(6)
  for (const href of links) {
    const response = await page.request.get(href)
    expect(response.status(), href).toBe(200)
  }
  await inReview.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Очередь модерации' })).toBeVisible()

  // the audit log of the exporter's submissions, in words: what happened, by whom, to what
  await page.goto('/ru/admin/audit')
  await page.getByLabel('Кто (эл. почта)').fill(exporter.email)
  await page.getByLabel('Действие').selectOption({ label: 'Отправил(а) товар на проверку' })
  await page.getByRole('button', { name: 'Показать' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'записей' })).toHaveText(
    '50 записей: кто что изменил и когда (время по UTC).',
  )
  const entries = page.locator('.audit-table tbody tr')
  await expect(entries).toHaveCount(50)
  const first = entries.filter({ hasText: rows[0].ru })
  await expect(first).toHaveCount(1)
  await expect(first).toContainText(exporter.email)
  await expect(first).toContainText('Отправил(а) товар на проверку')
  await expect(first).toContainText('Товар')
  await expect(first.getByRole('link', { name: rows[0].ru })).toHaveAttribute('href', /^\/ru\/admin\/products\/\d+$/)
  await expect(first.locator('.audit-changes')).toHaveText('СтатусЧерновик → На модерации')
  const text = await page.locator('main').innerText()
  expect(text).not.toMatch(/in_review|product\.|\bProduct\b|\bdraft\b|\{\{|\}\}/)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: `${shots}/ru-audit-360.png`, fullPage: true })
  expect(errors).toEqual([])
})
