import { expect, type Page, test } from '@playwright/test'

import { createTestUser, signIn, type TestUser } from './fixtures'

// A buyer, an exporter or an admin on a 360 px phone never scrolls sideways, in any of the five
// languages: long Kazakh and Russian words, the longest option of a select, a price-tier table and
// the admin sidebar once made pages up to 916 px wide. One page per role walks every route.
test.use({ viewport: { width: 360, height: 800 } })

const locales = ['en', 'zh-hans', 'zh-hant', 'kk', 'ru']
const demo = { password: 'pavilion-demo', totpSecret: null, id: 0 }

/** The first link on `listPath` whose path matches `pattern` (a detail page to walk), without its locale. */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string[]> {
  await page.goto(`/en${listPath}`)
  const hrefs = await page.locator('main a[href^="/en/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
  const match = hrefs.map((href) => href.replace(/^\/en/, '')).find((href) => pattern.test(href))
  return match ? [match] : []
}

/** Every page at 360 px in every language; returns the pages wider than the screen and what sticks out. */
async function tooWide(page: Page, paths: string[]) {
  const wide: string[] = []
  for (const locale of locales) {
    for (const path of paths) {
      const response = await page.goto(`/${locale}${path}`, { waitUntil: 'domcontentloaded' })
      expect(response?.status(), `/${locale}${path}`).toBeLessThan(400)
      const overflow = await page.evaluate(() => {
        const root = document.documentElement
        if (root.scrollWidth <= root.clientWidth) return null
        const clipped = (element: Element) => /auto|hidden|scroll/.test(getComputedStyle(element).overflowX)
        const culprit = [...document.querySelectorAll('main *, header *')].find((element) => {
          if (element.getBoundingClientRect().right <= root.clientWidth + 1 || element.children.length > 0) return false
          if (!element.checkVisibility()) return false
          for (let node = element.parentElement; node; node = node.parentElement) if (clipped(node)) return false
          return true
        })
        const chain = (element: Element | null | undefined, depth: number): string =>
          element && depth > 0
            ? `${chain(element.parentElement, depth - 1)} > ${element.tagName.toLowerCase()}.${element.className}`
            : ''
        return `${root.scrollWidth} px (${chain(culprit, 4)})`
      })
      if (overflow) wide.push(`/${locale}${path}: ${overflow}`)
    }
  }
  return wide
}

test('the storefront fits a 360 px phone in all five languages, its controls big enough to tap', async ({ page }) => {
  test.setTimeout(240_000)
  // honey sells retail, so its page has the add-to-cart bar
  const category = ['/catalog/natural-honey']
  const product = await firstLink(page, category[0], /^\/products\/[^/?#]+$/)
  const tour = await firstLink(page, '/tours', /^\/tours\/[^/?#]+$/)
  const exporter = await firstLink(page, product[0], /^\/exporters\/[^/?#]+$/)
  expect(category.length + product.length + tour.length + exporter.length).toBe(4)
  const paths = ['', '/catalog', ...category, ...product, `${product[0]}/quote`, '/search?q=copper', '/tours', ...tour].concat([
    '/corridor',
    ...exporter,
    '/cart',
    '/login',
    '/register',
    '/forgot-password',
    '/exporter/register',
  ])
  expect(await tooWide(page, paths)).toEqual([])

  // thumbs: every control on the home, category and product pages is at least 44 × 44 px, except
  // links inside running text (WCAG 2.5.8's inline exception)
  const small: string[] = []
  for (const locale of ['zh-hans', 'kk']) {
    for (const path of ['', category[0], product[0]]) {
      await page.goto(`/${locale}${path}`)
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('a, button, input:not([type=hidden]), select, summary, textarea')]
          .filter(
            (element) => element.checkVisibility() && !element.closest('p, .visually-hidden, .skip-link, .honeypot, footer, dd'),
          )
          // a check box is tapped through its label
          .map((element) =>
            element instanceof HTMLInputElement && element.labels?.length ? element.labels[0].parentElement! : element,
          )
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < 43.5 || box.height < 43.5))
          .map(
            ({ element, box }) =>
              `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('name') || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          ),
      )
      small.push(...found.map((entry) => `/${locale}${path}: ${entry}`))
    }
  }
  expect(small).toEqual([])

  // the add-to-cart button stays in reach of a thumb: on the phone screen without scrolling
  await page.goto(`/zh-hans${product[0]}`)
  const addToCart = page.locator('.buy-box button[type=submit]')
  await expect(addToCart).toBeInViewport()
})

test('maps read on a 360 px phone: no text under 12 px, no label over another', async ({ page }) => {
  const problems: string[] = []
  for (const locale of ['zh-hans', 'kk'])
    for (const path of ['/corridor', '/tours/hong-kong-urumqi-almaty', '/tours/almaty-charyn-kolsai-kaindy']) {
      await page.goto(`/${locale}${path}`)
      const found = await page.evaluate(() => {
        const texts = [...document.querySelectorAll<SVGTextElement>('.geo-map svg text')].map((text) => ({
          text: text.textContent ?? '',
          box: text.getBoundingClientRect(),
          px: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a,
        }))
        const small = texts.filter(({ px }) => px < 12).map(({ text, px }) => `“${text}” ${px.toFixed(1)} px`)
        const overlapping = texts.flatMap((a, index) =>
          texts
            .slice(index + 1)
            .filter(
              ({ box: b }) =>
                a.box.left < b.right - 0.5 &&
                b.left < a.box.right - 0.5 &&
                a.box.top < b.bottom - 0.5 &&
                b.top < a.box.bottom - 0.5,
            )
            .map((b) => `“${a.text}” × “${b.text}”`),
        )
        return { count: texts.length, problems: [...small, ...overlapping] }
      })
      expect(found.count, `${locale}${path}`).toBeGreaterThan(2)
      problems.push(...found.problems.map((problem) => `/${locale}${path}: ${problem}`))
    }
  expect(problems).toEqual([])
})

test('a buyer’s account, cart, orders and quotes fit a 360 px phone in all five languages', async ({ page }) => {
  test.setTimeout(240_000)
  await signIn(page, { ...demo, email: 'buyer@pavilion.test' }, 'en')
  const quote = await firstLink(page, '/quotes', /^\/quotes\/[^/?#]+$/)
  const order = await firstLink(page, '/orders', /^\/orders\/[^/?#]+$/)
  expect(await tooWide(page, ['/account', '/account/two-factor', '/orders', ...order, '/quotes', ...quote, '/cart'])).toEqual([])
})

test('the exporter portal fits a 360 px phone in all five languages', async ({ page }) => {
  test.setTimeout(240_000)
  await signIn(page, { ...demo, email: 'exporter@pavilion.test' }, 'en')
  const paths = ['/exporter', '/exporter/company', '/exporter/team', '/exporter/products/new', '/exporter/import']
    .concat(['/exporter/orders', '/exporter/quotes', '/exporter/ledger'])
    .concat(await firstLink(page, '/exporter', /^\/exporter\/products\/\d+$/))
    .concat(await firstLink(page, '/exporter/quotes', /^\/exporter\/quotes\/[^/?#]+$/))
    .concat(await firstLink(page, '/exporter/orders', /^\/exporter\/orders\/[^/?#]+$/))
  expect(await tooWide(page, paths)).toEqual([])
})

test('the admin console fits a 360 px phone in all five languages', async ({ page }) => {
  test.setTimeout(300_000)
  const admin: TestUser = await createTestUser({ role: 'admin' })
  await signIn(page, admin, 'en')
  const lists = ['/admin/exporters', '/admin/users', '/admin/products', '/admin/categories', '/admin/market-access'].concat([
    '/admin/checkpoints',
    '/admin/transit',
    '/admin/tours',
    '/admin/outbox',
    '/admin/orders',
  ])
  const details: string[] = []
  for (const list of lists) details.push(...(await firstLink(page, list, new RegExp(`^${list}/(?!new$)[^/?#]+$`))))
  const tour = details.find((path) => path.startsWith('/admin/tours/'))
  if (tour) {
    details.push(...(await firstLink(page, tour, /^\/admin\/tours\/[^/]+\/departures\/[^/?#]+$/)))
    details.push(...(await firstLink(page, tour, /^\/admin\/tours\/[^/]+\/stops\/[^/?#]+$/)))
  }
  const paths = [
    '/admin',
    ...lists,
    '/admin/rates',
    '/admin/audit',
    '/admin/ledger',
    '/admin/market-access/new',
    '/admin/tours/new',
  ]
  expect(await tooWide(page, [...paths, ...details])).toEqual([])
})
