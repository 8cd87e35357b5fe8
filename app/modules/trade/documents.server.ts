// Invoice and packing list, every label in English and Chinese. To another exporter the order does not exist.
import { pavilion } from '~/config/pavilion'
import type { SessionUser } from '~/modules/accounts/session.server'
import { addressLines } from '~/modules/checkout/chinese-address'
import { formatMoney } from '~/modules/checkout/money'
import { addressSelect } from '~/modules/checkout/sales-shared.server'
import { measure, PdfWriter, type TextStyle, wrap } from '~/modules/trade/pdf.server'
import { formatDate } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { pickTranslation } from '~/utils/locales'

const forbidden = () => new Response('Forbidden', { status: 403 })
const notFound = () => new Response('Not found', { status: 404 })

type Pair = { en: string; zh: string }

async function packData(orderNumber: string) {
  if (!/^[A-Z0-9-]{4,40}$/.test(orderNumber)) return null
  return getDb().order.findUnique({
    where: { number: orderNumber },
    select: {
      number: true,
      kind: true,
      createdAt: true,
      currency: true,
      totalMinor: true,
      paymentMethod: true,
      email: true,
      ...addressSelect,
      lines: {
        orderBy: { id: 'asc' },
        select: { name: true, hsCode: true, unit: true, quantity: true, unitPriceMinor: true, lineTotalMinor: true },
      },
      quote: {
        select: {
          incoterm: true,
          namedPlace: true,
          transportMode: true,
          leadTimeDays: true,
          checkpoint: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
          request: {
            select: {
              number: true,
              exporterId: true,
              destinationCity: true,
              market: true,
              buyer: { select: { displayName: true, email: true } },
              product: { select: { slug: true, netWeightGrams: true, translations: { select: { locale: true, name: true } } } },
              exporter: {
                select: {
                  slug: true,
                  bin: true,
                  address: true,
                  contactPhone: true,
                  contactEmail: true,
                  translations: { select: { locale: true, legalName: true, city: true } },
                  region: { select: { translations: { select: { locale: true, name: true } } } },
                },
              },
            },
          },
        },
      },
    },
  })
}

export async function exportDocumentPack(
  user: Pick<SessionUser, 'id' | 'role' | 'exporterId' | 'secondFactorDone'>,
  orderNumber: string,
) {
  if (user.role === 'buyer') throw forbidden()
  if (user.role === 'admin' && !user.secondFactorDone) throw forbidden()
  const order = await packData(orderNumber)
  const quote = order?.quote
  if (!order || !quote || order.kind !== 'wholesale') throw notFound()
  if (user.role === 'exporter' && user.exporterId !== quote.request.exporterId) throw notFound()
  if (user.role !== 'exporter' && user.role !== 'admin') throw forbidden()
  return { fileName: `export-documents-${order.number}.pdf`, bytes: renderPack(order, quote) }
}

type PackOrder = NonNullable<Awaited<ReturnType<typeof packData>>>

function renderPack(order: PackOrder, quote: NonNullable<PackOrder['quote']>) {
  const en = getFixedT('en', 'trade')
  const zh = getFixedT('zh-hans', 'trade')
  const enCommon = getFixedT('en')
  const zhCommon = getFixedT('zh-hans')
  const label = (key: string): Pair => ({ en: en(key), zh: zh(key) })
  const both = (pair: Pair) => (pair.en === pair.zh ? pair.en : `${pair.en} ${pair.zh}`)
  const { request } = quote
  const exporter = request.exporter
  const pick = <T extends { locale: string }>(rows: T[], locale: 'en' | 'zh-hans') => pickTranslation(rows, locale)

  const sellerName = pick(exporter.translations, 'en')?.legalName ?? exporter.slug
  const sellerCity = pick(exporter.translations, 'en')?.city ?? ''
  const sellerRegion = pick(exporter.region.translations, 'en')?.name ?? ''
  const country = (locale: string) =>
    new Intl.DisplayNames([locale], { type: 'region' }).of(pavilion.countryCode) ?? pavilion.countryCode
  const sellerAddress = [exporter.address, sellerCity, sellerRegion, country('en')]
    .filter((part) => part.trim() !== '')
    .join(', ')

  const consignee = order.recipientName || request.buyer.displayName
  const consigneeAddress = addressLines({ market: request.market, ...order }, { sfPoint: (code) => `SF Express ${code}` }).join(
    ', ',
  )
  const market: Pair = { en: enCommon(`markets.${request.market}`), zh: zhCommon(`markets.${request.market}`) }
  const checkpoint = quote.checkpoint
  const crossing: Pair | null = checkpoint
    ? {
        en: pick(checkpoint.translations, 'en')?.name ?? checkpoint.slug,
        zh: pick(checkpoint.translations, 'zh-hans')?.name ?? checkpoint.slug,
      }
    : null
  const mode = {
    en: getFixedT('en', 'product')(`modes.${quote.transportMode}`),
    zh: getFixedT('zh-hans', 'product')(`modes.${quote.transportMode}`),
  }
  const incoterm = quote.incoterm
  const productNames: Pair = {
    en: pick(request.product.translations, 'en')?.name ?? request.product.slug,
    zh: pick(request.product.translations, 'zh-hans')?.name ?? request.product.slug,
  }
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: order.currency }, 'en')
  const date = formatDate(order.createdAt, 'en')

  const pdf = new PdfWriter(`Export documents ${order.number}`)
  const left = 40
  const right = pdf.width - 40
  const body: TextStyle = { size: 9 }
  const small: TextStyle = { size: 7.5, gray: 0.3 }
  const bold: TextStyle = { size: 9, bold: true }

  const field = (x: number, top: number, width: number, name: Pair, values: string[]) => {
    pdf.text(x, top, both(name), small)
    let y = top + 11
    for (const value of values) {
      for (const line of wrap(value, body.size, width)) {
        pdf.text(x, y, line, body)
        y += 11
      }
    }
    return y - top
  }

  const header = (title: Pair) => {
    pdf.addPage()
    pdf.box(left, 36, right - left, 34, 0.92)
    pdf.text(left + 10, 58, title.en.toUpperCase(), { size: 15, bold: true })
    pdf.text(left + 16 + measure(title.en.toUpperCase(), 15, true), 58, title.zh, { size: 15 })
    let y = 90
    const column = (right - left) / 3
    field(left, y, column - 10, label('documents.documentNumber'), [order.number])
    field(left + column, y, column - 10, label('documents.date'), [date])
    field(left + 2 * column, y, column - 10, label('documents.requestNumber'), [request.number])
    y += 34
    const half = (right - left) / 2
    const sellerHeight = field(left, y, half - 14, label('documents.seller'), [
      sellerName,
      `${both(label('documents.bin'))}: ${exporter.bin}`,
      sellerAddress,
      ...[exporter.contactPhone, exporter.contactEmail].filter((value) => value.trim() !== ''),
    ])
    const buyerHeight = field(left + half, y, half, label('documents.buyer'), [
      consignee,
      request.buyer.email,
      ...(order.phone ? [order.phone] : []),
      ...(consigneeAddress ? [consigneeAddress] : []),
      `${both(label('documents.destination'))}: ${request.destinationCity}, ${both(market)}`,
    ])
    y += Math.max(sellerHeight, buyerHeight) + 10
    pdf.line(left, y, right, y)
    y += 16
    const terms = field(left, y, half - 14, label('documents.terms'), [
      `${incoterm} ${quote.namedPlace} (Incoterms® 2020)`,
      both({ en: en(`incoterms.${incoterm}`), zh: zh(`incoterms.${incoterm}`) }),
    ])
    const route = field(left + half, y, half, label('documents.route'), [
      crossing ? `${both(crossing)}, ${both(mode)}` : both(mode),
      `${both(label('documents.origin'))}: ${country('en')} ${country('zh-Hans')}`,
    ])
    return y + Math.max(terms, route) + 8
  }

  type Column = { title: Pair; width: number; align?: 'right' }
  const table = (top: number, columns: Column[], rows: string[][]) => {
    let y = top
    const headerHeight = 26
    pdf.box(left, y, right - left, headerHeight, 0.92)
    let x = left
    for (const column of columns) {
      const edge = column.align === 'right' ? x + column.width - 4 : x + 4
      const put = (text: string, offset: number, style: TextStyle) =>
        column.align === 'right' ? pdf.textRight(edge, y + offset, text, style) : pdf.text(edge, y + offset, text, style)
      put(column.title.en, 11, { size: 7.5, bold: true })
      put(column.title.zh, 22, { size: 7.5 })
      x += column.width
    }
    y += headerHeight + 12
    for (const row of rows) {
      x = left
      let height = 1
      columns.forEach((column, index) => {
        const lines = row[index].split('\n').flatMap((part) => wrap(part, body.size, column.width - 8))
        lines.forEach((line, n) =>
          column.align === 'right'
            ? pdf.textRight(x + column.width - 4, y + n * 11, line, body)
            : pdf.text(x + 4, y + n * 11, line, body),
        )
        height = Math.max(height, lines.length)
        x += column.width
      })
      y += height * 11 + 4
      pdf.line(left, y - 8, right, y - 8, 0.3)
    }
    return y
  }

  const column = (key: string): Pair => label(`documents.columns.${key}`)
  const unitText = (unit: string): Pair => ({ en: enCommon(`units.${unit}`), zh: zhCommon(`units.${unit}`) })
  const description = productNames.en === productNames.zh ? productNames.en : `${productNames.en}\n${productNames.zh}`
  const lineCells = (line: (typeof order.lines)[number], index: number) => [
    String(index + 1),
    description,
    line.hsCode ?? '',
    `${line.quantity} ${unitText(line.unit).en}`,
  ]

  let y = header(label('documents.invoiceTitle'))
  y = table(
    y,
    [
      { title: column('number'), width: 28 },
      { title: column('description'), width: 175 },
      { title: column('hsCode'), width: 62 },
      { title: column('quantity'), width: 70, align: 'right' },
      { title: column('unitPrice'), width: 90, align: 'right' },
      { title: column('amount'), width: right - left - 425, align: 'right' },
    ],
    order.lines.map((line, index) => [...lineCells(line, index), money(line.unitPriceMinor), money(line.lineTotalMinor)]),
  )
  pdf.text(right - 210, y + 4, `${both(label('documents.total'))} (${order.currency})`, bold)
  pdf.textRight(right - 4, y + 4, money(order.totalMinor), bold)
  y += 30
  y += field(left, y, right - left, label('documents.payment'), [
    both(label(order.paymentMethod === 'stripe' ? 'documents.paymentCard' : 'documents.paymentBankTransfer')),
    `${both(label('documents.leadTime'))}: ${both({ en: en('quote.leadTimeDays', { count: quote.leadTimeDays }), zh: zh('quote.leadTimeDays', { count: quote.leadTimeDays }) })}`,
  ])
  y += 12
  pdf.text(left, y, both(label('documents.declaration')), body)
  pdf.line(right - 180, y + 40, right, y + 40)
  pdf.text(right - 180, y + 52, both(label('documents.signature')), small)

  y = header(label('documents.packingTitle'))
  const netWeight = (unit: string, quantity: number) => {
    if (unit === 't') return quantity * 1000
    if (unit === 'kg') return quantity
    const grams = request.product.netWeightGrams
    return grams ? (grams * quantity) / 1000 : null
  }
  const weights = order.lines.map((line) => netWeight(line.unit, line.quantity))
  y = table(
    y,
    [
      { title: column('number'), width: 28 },
      { title: column('description'), width: 215 },
      { title: column('hsCode'), width: 70 },
      { title: column('quantity'), width: 90, align: 'right' },
      { title: column('netWeight'), width: right - left - 403, align: 'right' },
    ],
    order.lines.map((line, index) => [
      ...lineCells(line, index),
      weights[index] === null ? both(label('documents.notStated')) : new Intl.NumberFormat('en-US').format(weights[index]!),
    ]),
  )
  if (weights.every((weight) => weight !== null)) {
    const total = weights.reduce((sum: number, weight) => sum + weight!, 0)
    pdf.text(right - 210, y + 4, both(label('documents.totalNetWeight')), bold)
    pdf.textRight(right - 4, y + 4, `${new Intl.NumberFormat('en-US').format(total)} kg`, bold)
  }
  pdf.text(left, y + 40, both(label('documents.packingNote')), small)
  return pdf.toBuffer()
}
