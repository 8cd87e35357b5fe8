// The audit log put into words in the reader's language, filtered, and exported as the same rows in CSV (decision 027).
import type { TFunction } from 'i18next'

import { toCsv } from '~/modules/exporters/csv'
import { dateText } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import type { Locale } from '~/utils/locales'
import { pageFacts } from '~/utils/paging'

export const auditPageSize = 50
export const auditCsvRows = 10_000

export const auditActions = [
  'product.created',
  'product.updated',
  'product.image_added',
  'product.image_deleted',
  'product.in_review',
  'product.published',
  'product.rejected',
  'product.archived',
  'product.draft',
  'product.featured',
  'product.unfeatured',
  'products.imported',
  'exporter.registered',
  'exporter.verified',
  'exporter.rejected',
  'exporter.suspended',
  'exporter.pending',
  'exporter.document_uploaded',
  'exporter.member_invited',
  'exporter.invitation_revoked',
  'exporter.member_joined',
  'order.markPaid',
  'order.cancel',
  'order.refund',
  'order.refundPart',
  'order.ship',
  'order.deliver',
  'ledger.payout',
  'quote.offered',
  'quote.message',
  'review.approved',
  'review.rejected',
  'category.updated',
  'category.featured',
  'category.unfeatured',
  'category.target_set',
  'category.target_removed',
  'exchange_rate.added',
  'market_access_rule.created',
  'market_access_rule.updated',
  'market_access_rule.deleted',
  'checkpoint.updated',
  'transitLane.updated',
  'servicePolicy.updated',
  'tour.created',
  'tour.updated',
  'tour.status',
  'tourStop.created',
  'tourStop.updated',
  'tourStop.deleted',
  'tourLeg.saved',
  'tourLeg.deleted',
  'tourDeparture.created',
  'tourDeparture.updated',
  'tourDeparture.cancelled',
  'outbox.retried',
  'user.suspended',
  'user.reinstated',
  'user.password_changed',
  'user.password_reset',
  'user.two_factor_enabled',
  'user.recovery_codes_issued',
  'user.recovery_code_used',
] as const

// orders and payouts were logged with lower-case entity types
const recordTypes = {
  Product: ['Product'],
  ProductImport: ['ProductImport'],
  Exporter: ['Exporter', 'exporter'],
  Order: ['order'],
  Quote: ['Quote', 'QuoteRequest'],
  Review: ['Review'],
  Category: ['Category'],
  ExchangeRate: ['ExchangeRate'],
  MarketAccessRule: ['MarketAccessRule'],
  Checkpoint: ['Checkpoint'],
  TransitLane: ['TransitLane'],
  ServicePolicy: ['ServicePolicy'],
  Tour: ['TourRoute', 'TourStop', 'TourLeg', 'TourDeparture'],
  OutboxMessage: ['OutboxMessage'],
  User: ['User'],
} as const
export type RecordType = keyof typeof recordTypes
export const auditRecordTypes = Object.keys(recordTypes) as RecordType[]

const typeOf = (entityType: string) =>
  auditRecordTypes.find((type) => (recordTypes[type] as readonly string[]).includes(entityType)) ?? null

const recordPaths: Partial<Record<string, (id: string) => string>> = {
  Product: (id) => `/admin/products/${id}`,
  Exporter: (id) => `/admin/exporters/${id}`,
  exporter: (id) => `/admin/exporters/${id}`,
  order: (id) => `/admin/orders/${id}`,
  User: (id) => `/admin/users/${id}`,
  Category: (id) => `/admin/categories/${id}`,
  Checkpoint: (id) => `/admin/checkpoints/${id}`,
  TransitLane: (id) => `/admin/transit/${id}`,
  MarketAccessRule: (id) => `/admin/market-access/${id}`,
  OutboxMessage: (id) => `/admin/outbox/${id}`,
  TourRoute: (id) => `/admin/tours/${id}`,
}

export type AuditFilter = { actor: string; action: string; type: string; from: string; to: string; page: number }

const day = /^\d{4}-\d{2}-\d{2}$/
const validDay = (value: string | null) =>
  value && day.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : ''

/** Unknown values are dropped, not refused: a stale bookmark still opens the log. */
export function auditFilter(params: URLSearchParams, page: number): AuditFilter {
  const action = params.get('action') ?? ''
  const type = params.get('type') ?? ''
  return {
    actor: (params.get('actor') ?? '').trim().toLowerCase().slice(0, 254),
    action: (auditActions as readonly string[]).includes(action) ? action : '',
    type: Object.hasOwn(recordTypes, type) ? type : '',
    from: validDay(params.get('from')),
    to: validDay(params.get('to')),
    page,
  }
}

function whereOf(filter: AuditFilter) {
  const createdAt = {
    ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
    // the "to" day is included whole
    ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
  }
  return {
    ...(filter.actor ? { actor: { email: { contains: filter.actor } } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.type ? { entityType: { in: [...recordTypes[filter.type as RecordType]] } } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  }
}

type Raw = {
  id: number
  action: string
  entityType: string
  entityId: string
  details: string
  createdAt: Date
  actor: { email: string } | null
}

async function entries(filter: AuditFilter, take: number, skip: number): Promise<Raw[]> {
  return getDb().auditLog.findMany({
    where: whereOf(filter),
    orderBy: { id: 'desc' },
    take,
    skip,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      createdAt: true,
      actor: { select: { email: true } },
    },
  })
}

async function recordNames(rows: Raw[], locale: Locale) {
  const ids = (types: string[]) => [
    ...new Set(
      rows
        .filter((row) => types.includes(row.entityType))
        .map((row) => Number(row.entityId))
        .filter(Number.isSafeInteger),
    ),
  ]
  const db = getDb()
  const [products, exporters, users] = await Promise.all([
    db.productTranslation.findMany({
      where: { productId: { in: ids(['Product']) } },
      select: { productId: true, locale: true, name: true },
    }),
    db.exporterTranslation.findMany({
      where: { exporterId: { in: ids(['Exporter', 'exporter']) } },
      select: { exporterId: true, locale: true, legalName: true },
    }),
    db.user.findMany({ where: { id: { in: ids(['User']) } }, select: { id: true, email: true } }),
  ])
  const names = new Map<string, string>()
  const put = (key: string, name: string, exact: boolean) => {
    if (exact || !names.has(key)) names.set(key, name)
  }
  for (const row of products) put(`Product#${row.productId}`, row.name, row.locale === locale)
  for (const row of exporters) {
    put(`Exporter#${row.exporterId}`, row.legalName, row.locale === locale)
    put(`exporter#${row.exporterId}`, row.legalName, row.locale === locale)
  }
  for (const row of users) names.set(`User#${row.id}`, row.email)
  return names
}

export type AuditChange = { field: string; before: string | null; after: string }

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null))
    return value.map(valueText).join(', ')
  const text = JSON.stringify(value)
  return text.length > 300 ? `${text.slice(0, 299)}…` : text
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function changesOf(details: string): AuditChange[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(details)
  } catch {
    return [{ field: '', before: null, after: details }]
  }
  if (!isRecord(parsed)) return [{ field: '', before: null, after: valueText(parsed) }]
  const { before, after, from, to, changes, ...rest } = parsed
  const rows: AuditChange[] = []
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        rows.push({ field: key, before: valueText(before[key]), after: valueText(after[key]) })
  } else {
    if (before !== undefined) rows.push({ field: 'before', before: null, after: valueText(before) })
    if (after !== undefined) rows.push({ field: 'after', before: null, after: valueText(after) })
  }
  if (from !== undefined || to !== undefined) rows.push({ field: 'status', before: valueText(from), after: valueText(to) })
  if (isRecord(changes))
    for (const [key, pair] of Object.entries(changes))
      rows.push(
        Array.isArray(pair) && pair.length === 2
          ? { field: key, before: valueText(pair[0]), after: valueText(pair[1]) }
          : { field: key, before: null, after: valueText(pair) },
      )
  for (const [key, value] of Object.entries(rest)) rows.push({ field: key, before: null, after: valueText(value) })
  return rows
}

function wordOr(t: TFunction, key: string, raw: string) {
  const text = t(key, { defaultValue: '' })
  return typeof text === 'string' && text !== '' ? text : raw
}

/** A field's name as the company page names it: `legalName.en` reads "Legal name (English)", `bin` "BIN". */
const fieldWord = (t: TFunction, field: string) => wordOr(t, `audit.fields.${field}`, field)

function describe(rows: Raw[], names: Map<string, string>, locale: Locale) {
  const t = getFixedT(locale, 'admin')
  const status = (entityType: string, value: string | null) => {
    const group = typeOf(entityType) === 'Product' ? 'product' : typeOf(entityType) === 'Exporter' ? 'exporter' : null
    return group && value ? wordOr(t, `statuses.${group}.${value}`, value) : value
  }
  return rows.map((row) => {
    const type = typeOf(row.entityType)
    const name = names.get(`${row.entityType}#${row.entityId}`)
    const path = recordPaths[row.entityType]
    return {
      id: row.id,
      createdAt: dateText(row.createdAt, locale, 'dateTime', 'UTC'),
      actor: row.actor?.email ?? null,
      action: row.action,
      what: wordOr(t, `audit.actions.${row.action}`, row.action),
      record: {
        type: type ? t(`audit.types.${type}`) : row.entityType,
        id: row.entityId,
        name: name ?? null,
        href: path ? localePath(locale, path(encodeURIComponent(row.entityId))) : null,
      },
      changes: changesOf(row.details).map((change) => ({
        field: change.field ? fieldWord(t, change.field) : '',
        before: change.field === 'status' ? status(row.entityType, change.before) : change.before,
        after:
          change.field === 'status'
            ? (status(row.entityType, change.after) ?? change.after)
            : // a re-check lists the fields that sent the company back: named as the company page names them
              change.field === 'fields' && change.after !== '—'
              ? change.after
                  .split(', ')
                  .map((field) => fieldWord(t, field))
                  .join(', ')
              : change.after,
      })),
    }
  })
}

export type AuditRow = ReturnType<typeof describe>[number]

export async function auditLogPage(locale: Locale, filter: AuditFilter) {
  const [total, rows] = await Promise.all([
    getDb().auditLog.count({ where: whereOf(filter) }),
    entries(filter, auditPageSize, (filter.page - 1) * auditPageSize),
  ])
  return { ...pageFacts(total, filter.page, auditPageSize), entries: describe(rows, await recordNames(rows, locale), locale) }
}

export async function auditLogCsv(locale: Locale, filter: AuditFilter) {
  const t = getFixedT(locale, 'admin')
  const rows = await entries(filter, auditCsvRows, 0)
  const described = describe(rows, await recordNames(rows, locale), locale)
  return toCsv([
    ['when', 'who', 'what', 'entity', 'details'].map((column) => t(`audit.${column}`)).concat(t('audit.recordId')),
    ...described.map((row, index) => [
      rows[index].createdAt.toISOString(),
      row.actor ?? t('audit.system'),
      row.what,
      [row.record.type, row.record.name].filter(Boolean).join(': '),
      row.changes
        .map(
          (change) =>
            `${change.field ? `${change.field}: ` : ''}${change.before === null ? '' : `${change.before} → `}${change.after}`,
        )
        .join('; '),
      row.record.id,
    ]),
  ])
}
