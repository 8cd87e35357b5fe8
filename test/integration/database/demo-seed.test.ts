import { describe, expect, test } from 'vitest'

import { verifyPassword } from '~/modules/accounts/password.server'
import { isValidBin } from '~/modules/exporters/bin'
import { getDb } from '~/utils/db.server'
import { locales } from '~/utils/locales'

import { seedIfEmpty } from '../../../prisma/seed/index'

describe('the demo pavilion', () => {
  test('has at least 20 exporters with valid BINs from at least 12 regions', async () => {
    const exporters = await getDb().exporter.findMany({ select: { bin: true, status: true, regionId: true } })
    expect(exporters.length).toBeGreaterThanOrEqual(20)
    expect(exporters.filter((e) => !isValidBin(e.bin))).toEqual([])
    expect(new Set(exporters.map((e) => e.regionId)).size).toBeGreaterThanOrEqual(12)
    expect(exporters.filter((e) => e.status === 'verified').length).toBeGreaterThanOrEqual(20)
  })

  test('has at least 300 products spread over all six sectors, with content in all five languages', async () => {
    const db = getDb()
    const products = await db.product.findMany({
      select: {
        saleMode: true,
        minOrderQuantity: true,
        category: { select: { sector: { select: { key: true } } } },
        translations: { select: { locale: true } },
      },
    })
    expect(products.length).toBeGreaterThanOrEqual(300)
    const perSector = new Map<string, number>()
    for (const p of products) perSector.set(p.category.sector.key, (perSector.get(p.category.sector.key) ?? 0) + 1)
    expect(perSector.size).toBe(6)
    for (const count of perSector.values()) expect(count).toBeGreaterThanOrEqual(20)
    const complete = products.filter((p) => locales.every((l) => p.translations.some((t) => t.locale === l)))
    expect(complete.length).toBeGreaterThanOrEqual(300)
    expect(products.some((p) => p.saleMode === 'wholesale' && p.minOrderQuantity > 1)).toBe(true)
  })

  test('prices are integer minor units in a currency exporters may use, stock never negative', async () => {
    const products = await getDb().product.findMany({ select: { basePriceMinor: true, baseCurrency: true, stock: true } })
    for (const p of products) {
      expect(Number.isInteger(p.basePriceMinor) && p.basePriceMinor > 0).toBe(true)
      expect(['KZT', 'USD', 'CNY']).toContain(p.baseCurrency)
      expect(p.stock).toBeGreaterThanOrEqual(0)
    }
  })

  test('the demo accounts exist with the contract password, hashed with argon2id', async () => {
    const users = await getDb().user.findMany({
      orderBy: { email: 'asc' },
      select: { email: true, role: true, passwordHash: true, exporterId: true },
    })
    const reviewers = users.filter((u) => u.email.startsWith('reviewer-'))
    const accounts = users.filter((u) => !reviewers.includes(u))
    expect(accounts.map((u) => [u.email, u.role])).toEqual([
      ['admin@pavilion.test', 'admin'],
      ['buyer@pavilion.test', 'buyer'],
      ['exporter@pavilion.test', 'exporter'],
    ])
    // the seeded reviewers are buyers nobody can sign in as
    expect(reviewers.length).toBeGreaterThan(0)
    for (const reviewer of reviewers) {
      expect(reviewer.role).toBe('buyer')
      expect(await verifyPassword(reviewer.passwordHash, 'pavilion-demo')).toBe(false)
    }
    for (const user of accounts) {
      expect(user.passwordHash).toMatch(/^\$argon2id\$/)
      expect(await verifyPassword(user.passwordHash, 'pavilion-demo')).toBe(true)
      expect(await verifyPassword(user.passwordHash, 'pavilion-demo ')).toBe(false)
    }
    const company = await getDb().exporter.findUniqueOrThrow({
      where: { id: accounts.find((u) => u.role === 'exporter')!.exporterId! },
      select: { status: true },
    })
    expect(company.status).toBe('verified')
  })

  test('seeding again leaves a seeded database alone', async () => {
    const before = await getDb().product.count()
    expect(await seedIfEmpty({ db: getDb(), images: false })).toBe(false)
    expect(await getDb().product.count()).toBe(before)
  })
})
