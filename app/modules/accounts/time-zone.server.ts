import { isTimeZoneChoice } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { failure, type Outcome } from '~/utils/forms.server'

export async function setTimeZone(userId: number, value: string): Promise<Outcome<{ timeZone: string | null }>> {
  const timeZone = value === '' ? null : isTimeZoneChoice(value) ? value : undefined
  if (timeZone === undefined) return failure({ timeZone: 'errors.invalidTimeZone' })
  await getDb().user.update({ where: { id: userId }, data: { timeZone } })
  return { ok: true, value: { timeZone } }
}
