// The export document pack of an accepted wholesale order: a PDF with a commercial invoice and a
// packing list, labels in English and Chinese. The test reads the PDF back — inflates each page's
// content stream and decodes its Helvetica and STSong (UCS-2) strings — and checks what a customs
// broker would look for. Only the exporter's members and admins may download it.
import { inflateSync } from 'node:zlib'

import { beforeAll, describe, expect, test } from 'vitest'

import { loader as packLoader } from '~/routes/$locale.exporter.orders.$orderNumber.documents[.]pdf'
import { action as exporterAction } from '~/routes/$locale.exporter.quotes.$requestNumber'
import { action as requestAction } from '~/routes/$locale.products.$productSlug_.quote'
import { action as buyerAction } from '~/routes/$locale.quotes.$requestNumber'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person, post } from '../../support/portal'

// WinAnsiEncoding's 0x80–0x9F (Windows-1252); the rest of its bytes are Latin-1
const windows1252 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ']

/** Decodes a PDF literal string's escapes into WinAnsi bytes, then text. */
function literal(raw: string) {
  const bytes: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]
    if (char !== '\\') {
      bytes.push(char.charCodeAt(0))
      continue
    }
    const next = raw[++i]
    if (/[0-7]/.test(next)) {
      const octal = raw.slice(i, i + 3).match(/^[0-7]{1,3}/)![0]
      bytes.push(parseInt(octal, 8))
      i += octal.length - 1
    } else bytes.push({ n: 10, r: 13, t: 9 }[next as 'n'] ?? next.charCodeAt(0))
  }
  return bytes.map((byte) => (byte >= 0x80 && byte <= 0x9f ? windows1252[byte - 0x80] : String.fromCharCode(byte))).join('')
}

/** Every page's text: one line per text object, in drawing order. */
function pdfPages(pdf: Buffer) {
  const text = pdf.toString('latin1')
  const pages: string[] = []
  const streams = /<< \/Length (\d+) \/Filter \/FlateDecode >>\nstream\n/g
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length
    const content = inflateSync(pdf.subarray(start, start + Number(match[1]))).toString('latin1')
    const lines: string[] = []
    for (const block of content.match(/BT[\s\S]*?ET/g) ?? []) {
      let line = ''
      const shows = /\/(F\d) [\d.]+ Tf (\((?:\\.|[^\\)])*\)|<[0-9A-F]*>) Tj/g
      for (let show = shows.exec(block); show; show = shows.exec(block)) {
        const operand = show[2]
        if (operand.startsWith('(')) line += literal(operand.slice(1, -1))
        else {
          const hex = operand.slice(1, -1)
          for (let i = 0; i < hex.length; i += 4) line += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16))
        }
      }
      lines.push(line)
    }
    pages.push(lines.join('\n'))
  }
  return pages
}

const people = {} as Record<'buyer' | 'exporter' | 'otherExporter' | 'admin', Person>
let orderNumber: string

beforeAll(async () => {
  people.buyer = await person('buyer')
  people.exporter = await person('exporter', 'shygys-cathode')
  people.otherExporter = await person('exporter', 'semey-zinc')
  people.admin = await person('admin')
  await getDb().user.update({ where: { id: people.buyer.id }, data: { displayName: 'Li Wei 李伟' } })
  const slug = 'copper-cathode-grade-a'
  const requested = await outcome(() =>
    requestAction(
      args(
        post(
          `/zh-hans/products/${slug}/quote`,
          { quantity: '30', incoterm: 'CIP', namedPlace: 'Urumqi', destinationCity: 'Shanghai', market: 'CN', message: '' },
          people.buyer.cookie,
        ),
        { locale: 'zh-hans', productSlug: slug },
      ),
    ),
  )
  const number = /RFQ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(requested.location ?? '')![0]
  const nurZholy = await getDb().checkpoint.findUniqueOrThrow({ where: { slug: 'nur-zholy-khorgos' } })
  await outcome(() =>
    exporterAction(
      args(
        post(
          `/ru/exporter/quotes/${number}`,
          {
            intent: 'quote',
            unitPrice: '9150.55',
            currency: 'USD',
            validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
            leadTimeDays: '21',
            incoterm: 'CIP',
            namedPlace: 'Urumqi',
            checkpointId: String(nurZholy.id),
            transportMode: 'road',
          },
          people.exporter.cookie,
        ),
        { locale: 'ru', requestNumber: number },
      ),
    ),
  )
  const quote = await getDb().quote.findFirstOrThrow({ where: { request: { number } } })
  const accepted = await outcome(() =>
    buyerAction(
      args(
        post(
          `/zh-hans/quotes/${number}`,
          {
            intent: 'accept',
            quoteId: String(quote.id),
            recipientName: 'Li Wei 李伟',
            phone: '+86 138 0000 0000',
            province: '上海市',
            city: '上海',
            district: '浦东新区',
            addressLine: '世纪大道 100 号',
          },
          people.buyer.cookie,
        ),
        { locale: 'zh-hans', requestNumber: number },
      ),
    ),
  )
  orderNumber = /\/orders\/([A-Z0-9-]+)/.exec(accepted.location ?? '')![1]
})

const download = (who: Person | null, number = orderNumber) =>
  outcome(() =>
    packLoader(args(get(`/en/exporter/orders/${number}/documents.pdf`, who?.cookie), { locale: 'en', orderNumber: number })),
  )

describe('the export document pack', () => {
  test('is a PDF with a bilingual commercial invoice and packing list carrying the key fields', async () => {
    const result = await download(people.exporter)
    expect(result.status).toBe(200)
    const response = result.response!
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toContain(`export-documents-${orderNumber}.pdf`)
    expect(response.headers.get('Cache-Control')).toContain('private')
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4')
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true)
    // the Chinese font is the standard CID font, not an embedded file
    expect(bytes.toString('latin1')).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H')

    const [invoice, packing, ...rest] = pdfPages(bytes)
    expect(rest).toEqual([])
    expect(invoice).toContain('COMMERCIAL INVOICE')
    expect(invoice).toContain('商业发票')
    expect(invoice).toContain('Seller (exporter) 卖方（出口商）')
    expect(invoice).toContain('Buyer (consignee) 买方（收货人）')
    expect(invoice).toContain(orderNumber)
    // parties
    expect(invoice).toContain('Shygys Cathode LLP')
    expect(invoice).toContain('BIN 商业识别号: 040840279332')
    expect(invoice).toContain('Li Wei 李伟')
    expect(invoice).toContain(people.buyer.email)
    expect(invoice).toContain('Shanghai')
    // terms and route
    expect(invoice).toContain('CIP Urumqi (Incoterms® 2020)')
    expect(invoice).toContain('Carriage and Insurance Paid To 运费和保险费付至')
    expect(invoice).toContain('Nur Zholy – Khorgos 努尔若利—霍尔果斯')
    expect(invoice).toContain('Road 公路')
    expect(invoice).toContain('Kazakhstan 哈萨克斯坦')
    // goods, HS code, quantities, prices, total
    expect(invoice).toContain('740311')
    expect(invoice).toContain('30 t')
    expect(invoice).toContain('$9,150.55')
    expect(invoice).toContain('$274,516.50')
    expect(invoice).toMatch(/Total 合计 \(USD\)/)
    expect(invoice).toContain('Bank transfer 银行转账')

    expect(packing).toContain('PACKING LIST')
    expect(packing).toContain('装箱单')
    expect(packing).toContain('740311')
    expect(packing).toContain('Net weight, kg')
    expect(packing).toContain('30,000')
    expect(packing).toContain('Shygys Cathode LLP')
  })

  test('only the exporter’s members and admins get it', async () => {
    expect((await download(people.admin)).status).toBe(200)
    expect((await download(people.otherExporter)).status).toBe(404)
    expect((await download(people.buyer)).status).toBe(403)
    const guest = await download(null)
    expect(guest.status).toBe(302)
    expect(guest.location).toContain('/en/login?redirectTo=')
    expect((await download(people.exporter, 'KZ-NOPE-NOPE')).status).toBe(404)
    expect((await download(people.exporter, '../../etc/passwd')).status).toBe(404)
  })
})
