import { describe, expect, test } from 'vitest'

import { dateText, formatDateTime } from '~/utils/dates'

// The order placed at 07:58 UTC reads as the buyer's own clock, with no "UTC" in it.
const placed = new Date('2026-12-07T07:58:00Z')

describe('dates in the buyer’s zone', () => {
  test.each([
    ['zh-hans', '15:58'],
    ['zh-hant', '15:58'],
    ['en', '15:58'],
    ['kk', '12:58'],
    ['ru', '12:58'],
  ] as const)('%s reads %s', (locale, clock) => {
    const text = formatDateTime(placed, locale)
    expect(text).toContain(clock)
    expect(text).not.toMatch(/UTC|GMT/)
  })

  test('an evening order in Shanghai is dated the next day there', () => {
    expect(formatDateTime(new Date('2026-12-07T17:30:00Z'), 'zh-hans')).toContain('2026年12月8日')
  })

  test('the audit trail alone keeps UTC, and names it', () => {
    expect(dateText(placed, 'en', 'dateTime', 'UTC').text).toMatch(/07:58.*UTC/)
  })
})
