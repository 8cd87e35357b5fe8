import { expect, test } from '@playwright/test'

// A buyer on a 360 px phone never scrolls sideways: long Kazakh and Russian words and the longest
// option of a select once made the home page 385 px, the corridor 385 px and a tour page 368 px wide.
test.use({ viewport: { width: 360, height: 800 } })

test('storefront pages fit a 360 px phone in Kazakh, Russian and Chinese', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/kk/catalog')
  const category = await page.locator('a[href^="/kk/catalog/"]').first().getAttribute('href')
  await page.goto(category!)
  const product = await page.locator('a[href^="/kk/products/"]').first().getAttribute('href')
  await page.goto('/kk/tours')
  const tour = await page.locator('a[href^="/kk/tours/"]').first().getAttribute('href')
  const paths = ['', '/catalog', category, product, `${product}/quote`, '/search?q=copper', '/tours', tour, '/corridor']
    .map((path) => path!.replace(/^\/kk/, ''))
    .concat(['/cart', '/login', '/register', '/exporter/register'])

  const wide: string[] = []
  for (const locale of ['kk', 'ru', 'zh-hans']) {
    for (const path of paths) {
      const response = await page.goto(`/${locale}${path}`)
      expect(response?.status(), `/${locale}${path}`).toBe(200)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      if (width > 360) wide.push(`/${locale}${path}: ${width} px`)
    }
  }
  expect(wide).toEqual([])
})
