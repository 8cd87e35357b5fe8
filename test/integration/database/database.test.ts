import { describe, expect, test } from 'vitest'

import { currentDialect, getDb } from '~/utils/db.server'
import { databaseHealth } from '~/utils/health.server'

describe('the database', () => {
  test('stock can never be set below zero, whatever the code does', async () => {
    const db = getDb()
    const product = await db.product.findFirstOrThrow({ where: { stock: { gt: 0 } }, select: { id: true, stock: true } })
    await expect(db.product.update({ where: { id: product.id }, data: { stock: -1 } })).rejects.toThrow()
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(product.stock)
  })

  test('foreign keys are enforced', async () => {
    const db = getDb()
    await expect(db.categoryHsHeading.create({ data: { categoryId: 9_999_999, heading: '0101' } })).rejects.toThrow()
  })

  test('health reports the settings the pavilion relies on, for this dialect', async () => {
    const health = (await databaseHealth()) as Record<string, unknown>
    expect(health.ok).toBe(true)
    expect(health.dialect).toBe(currentDialect())
    expect(health.categories).toBe(180)
    if (health.dialect === 'sqlite') {
      expect(health).toMatchObject({ journalMode: 'wal', foreignKeys: true })
      expect(Number(health.busyTimeoutMs)).toBeGreaterThanOrEqual(5000)
    } else {
      expect(health).toMatchObject({ encoding: 'UTF8' })
      expect(Number.parseInt(String(health.serverVersion))).toBeGreaterThanOrEqual(13)
    }
  })
})
