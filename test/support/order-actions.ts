// Posting to the exporter's and the admin's order pages as a signed-in person, for the order tests.
import { action as adminOrderAction } from '~/routes/$locale.admin.orders.$orderNumber'
import { action as exporterOrderAction } from '~/routes/$locale.exporter.orders.$orderNumber'

import { args, outcome, type Person, post } from './portal'

export const exporterOrderAct = (who: Person, number: string, fields: Record<string, string>) =>
  outcome(() =>
    exporterOrderAction(args(post(`/en/exporter/orders/${number}`, fields, who.cookie), { locale: 'en', orderNumber: number })),
  )

export const adminOrderAct = (who: Person, number: string, fields: Record<string, string>) =>
  outcome(() =>
    adminOrderAction(args(post(`/en/admin/orders/${number}`, fields, who.cookie), { locale: 'en', orderNumber: number })),
  )

/** Valid PRC ID numbers (GB 11643 check digit), a new one per call, so the yearly CBEC limit never bites. */
export function prcIds(region: string, start = 0) {
  let count = start
  return () => {
    count++
    const body = `${region}1990${String((count % 12) + 1).padStart(2, '0')}${String((count % 28) + 1).padStart(2, '0')}${String(count % 1000).padStart(3, '0')}`
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0)
    return body + '10X98765432'[sum % 11]
  }
}
