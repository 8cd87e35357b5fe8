// Issue 6 in the browser: a Hong Kong visitor browses the tours in Traditional Chinese, opens a
// route, sees its map with every stop, books two seats by bank transfer as a guest and finds the
// booking on the order page; an admin adds a departure that the public page then offers.
import { expect, test } from '@playwright/test'

import en from '../../locales/en/tours.json'
import zhHantCommon from '../../locales/zh-hant/common.json'
import zhHant from '../../locales/zh-hant/tours.json'
import { createTestUser, e2eDb, signIn, uniqueSuffix } from './fixtures'

const slug = 'urumqi-khorgos-almaty-overland'

function isoInDays(days: number) {
  const today = new Date()
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days)).toISOString().slice(0, 10)
}

/** A departure of this test's own, so other tests cannot take its seats. */
async function ownDeparture(days: number, seats: number) {
  const db = e2eDb()
  try {
    const route = await db.tourRoute.findUniqueOrThrow({
      where: { slug },
      select: {
        id: true,
        _count: { select: { stops: true } },
        translations: { where: { locale: 'zh-hant' }, select: { name: true } },
      },
    })
    const departure = await db.tourDeparture.create({
      data: {
        routeId: route.id,
        startsOn: new Date(`${isoInDays(days)}T00:00:00Z`),
        seatsTotal: seats,
        seatsAvailable: seats,
        priceMinor: 460_000,
        currency: 'CNY',
      },
      select: { id: true },
    })
    return { id: departure.id, routeId: route.id, stops: route._count.stops, name: route.translations[0].name }
  } finally {
    await db.$disconnect()
  }
}

test('a visitor in zh-hant opens a route, sees its map and books two seats by bank transfer', async ({ browser }) => {
  test.setTimeout(120_000)
  const departure = await ownDeparture(23, 9)
  const page = await (await browser.newContext({ locale: 'zh-HK' })).newPage()

  await page.goto(`/zh-hant/tours?visit=${uniqueSuffix()}`)
  await expect(page.getByRole('heading', { level: 1, name: zhHant.list.title })).toBeVisible()
  expect(await page.locator('.tour-card').count()).toBeGreaterThanOrEqual(5)
  // prices in Hong Kong dollars for a Hong Kong visitor
  await expect(page.locator('.tour-card').first()).toContainText('HK$')

  // filter: routes that start in Urumqi
  await page.getByLabel(zhHant.filters.from).selectOption('urumqi')
  await page.getByRole('button', { name: zhHant.filters.apply }).click()
  await page.waitForURL(/from=urumqi/)
  await expect(page.locator('.tour-card')).toHaveCount(2)

  await page.getByRole('link', { name: departure.name }).click()
  await page.waitForURL(new RegExp(`/zh-hant/tours/${slug}`))
  await expect(page.getByRole('heading', { level: 1, name: departure.name })).toBeVisible()

  // the map: an SVG drawn in the page, one marker per stop, the crossing marked
  const map = page.getByRole('img', { name: zhHant.map.title.replace('{{name}}', departure.name) })
  await expect(map).toBeVisible()
  await expect(map.locator('[data-stop-position]')).toHaveCount(departure.stops)
  await expect(map.locator('[data-crossing="true"]')).not.toHaveCount(0)
  // drawn on Natural Earth's borders, and the stops listed beside it by number
  await expect(map.locator('[data-country="398"]')).toHaveCount(1)
  await expect(page.getByText(zhHantCommon.maps.attribution)).toBeVisible()
  await expect(page.locator('.tour-map__stops li')).toHaveCount(departure.stops)

  // visa notes for a Hong Kong passport: not covered by the China–Kazakhstan exemption
  await page.getByLabel(zhHant.visa.passport).selectOption('hk')
  await page.getByRole('button', { name: zhHant.visa.show }).click()
  await page.waitForURL(/passport=hk/)
  await expect(page.locator('[data-territory="KZ"]')).toContainText(zhHant.visa.notes.hkInKazakhstan)

  // book two seats as a guest, by bank transfer
  const booking = page.getByRole('form', { name: zhHant.booking.title })
  await booking.getByLabel(zhHant.booking.departure).selectOption(String(departure.id))
  await booking.getByLabel(zhHant.booking.seats).selectOption('2')
  await booking.getByLabel(zhHant.booking.travellers).fill('陳大文\n陳小文')
  await booking.getByLabel(zhHant.booking.name).fill('陳大文')
  await booking.getByLabel(zhHant.booking.email).fill(`tour-guest-${uniqueSuffix()}@e2e.test`)
  await booking.getByLabel(zhHant.booking.phone).fill('+852 9123 4567')
  await booking.getByLabel(zhHant.booking.paymentMethods.bank_transfer).check()
  await booking.getByRole('button', { name: zhHant.booking.submit }).click()

  await page.waitForURL(/\/zh-hant\/orders\/[A-Z0-9-]+\?key=/)
  const line = page.getByRole('row').filter({ hasText: departure.name })
  await expect(line).toBeVisible()
  await expect(line).toContainText(`2 ${zhHantCommon.units.seat}`)

  const db = e2eDb()
  try {
    const row = await db.tourDeparture.findUniqueOrThrow({ where: { id: departure.id } })
    expect(row.seatsAvailable).toBe(7)
  } finally {
    await db.$disconnect()
  }
})

test('an admin adds a departure, and the route page offers it', async ({ page }) => {
  test.setTimeout(120_000)
  const admin = await createTestUser({ role: 'admin' })
  await signIn(page, admin, 'en')
  const db = e2eDb()
  const route = await db.tourRoute
    .findUniqueOrThrow({ where: { slug: 'almaty-shymbulak' }, select: { id: true, translations: { where: { locale: 'en' } } } })
    .finally(() => db.$disconnect())
  const name = route.translations[0].name

  await page.goto('/en/admin/tours')
  await page.getByRole('link', { name }).click()
  await page.waitForURL(new RegExp(`/en/admin/tours/${route.id}$`))
  // a departure far enough ahead that no seeded one shares its date
  const date = isoInDays(300 + Math.floor(Math.random() * 60))
  const form = page.locator('form', { has: page.getByRole('heading', { name: en.admin.departures.add }) })
  await form.getByLabel(en.admin.departures.startsOn).fill(date)
  await form.getByLabel(en.admin.departures.seatsTotal).fill('14')
  await form.getByLabel(en.admin.departures.price).fill('310')
  await form.getByLabel(en.admin.fields.currency).selectOption('USD')
  await form.getByRole('button', { name: en.admin.departures.addSubmit }).click()
  await expect(page.getByRole('status')).toHaveText(en.admin.notices.departureAdded)
  const added = page.locator(`time[datetime^="${date}"]`)
  await expect(added).toBeVisible()

  await page.goto(`/en/tours/almaty-shymbulak?after=${uniqueSuffix()}`)
  const offered = page.locator('.tour-departures tr').filter({ has: page.locator(`time[datetime^="${date}"]`) })
  await expect(offered).toBeVisible()
  await expect(offered).toContainText('$310.00')
  await expect(offered).toContainText('14')
})
