import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { beforeAll, describe, expect, test } from 'vitest'

import { createProduct, parseProductForm } from '~/modules/exporters/product-authoring.server'
import { action as companyAction } from '~/routes/$locale.exporter.company'
import { loader as documentLoader } from '~/routes/$locale.exporter.documents.$documentId'
import { action as editAction } from '~/routes/$locale.exporter.products.$productId'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { locales } from '~/utils/locales'

import { args, get, outcome, type Person, person, post, privateStorage, upload } from '../../support/portal'
import { goodPng, type HostileFile, hostileFiles, jpegWithMetadata, minimalPdf } from '../../support/upload-corpus'

const storage = privateStorage()

/** Every file under `dir`, recursively (none when it does not exist). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

let owner: Person
let productId: number
let corpus: HostileFile[]

beforeAll(async () => {
  owner = await person('exporter', 'naryn-honey')
  const db = getDb()
  const form = new URLSearchParams({
    categoryId: String((await db.category.findUniqueOrThrow({ where: { slug: 'natural-honey' } })).id),
    hsCode: '040900',
    'name.en': 'Upload test honey',
    basePrice: '10',
    baseCurrency: 'USD',
    stock: '1',
    minOrderQuantity: '1',
    saleMode: 'retail',
    unit: 'pack',
    originRegionId: String((await db.region.findFirstOrThrow()).id),
  })
  const parsed = parseProductForm(form)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const created = await createProduct(owner, parsed.value)
  if (!created.ok) throw new Error('product not created')
  productId = created.value.id
  corpus = await hostileFiles()
})

const uploadImage = (file: { name: string; bytes: Buffer; type?: string }) =>
  outcome(() =>
    editAction(
      args(upload(`/en/exporter/products/${productId}`, {}, { field: 'image', ...file }, owner.cookie), {
        locale: 'en',
        productId: String(productId),
      }),
    ),
  )
const uploadDocument = (file: { name: string; bytes: Buffer; type?: string }, kind = 'registration_certificate') =>
  outcome(() =>
    companyAction(args(upload('/en/exporter/company', { kind }, { field: 'document', ...file }, owner.cookie), { locale: 'en' })),
  )

describe('product images', () => {
  test('every file of the hostile corpus is refused with a clear message, and nothing is stored', async () => {
    for (const file of corpus) {
      const answer = await uploadImage(file)
      expect(answer.status, file.label).toBe(400)
      expect(answer.errors.file, file.label).toBe(file.imageError)
      for (const locale of locales) expect(getFixedT(locale, 'portal')(file.imageError)).not.toBe(file.imageError)
    }
    expect(await getDb().productImage.count({ where: { productId } })).toBe(0)
    expect(filesUnder(storage.uploads)).toEqual([])
  })

  test('a real image is re-encoded to WebP variants with its metadata stripped, and can be deleted', async () => {
    const answer = await uploadImage({ name: 'camera.jpg', bytes: await jpegWithMetadata(), type: 'image/jpeg' })
    expect(answer).toMatchObject({ status: 302, location: `/en/exporter/products/${productId}?notice=imageAdded` })
    const image = await getDb().productImage.findFirstOrThrow({ where: { productId } })
    expect(image.storageKey).toMatch(new RegExp(`^products/${owner.exporterId}/[0-9a-f]{24}$`))
    const files = filesUnder(storage.uploads)
    expect(files.map((f) => path.basename(f)).sort()).toEqual(
      image.widths
        .split(',')
        .map((w) => `${path.basename(image.storageKey)}-${w}.webp`)
        .sort(),
    )
    for (const file of files) {
      const metadata = await sharp(file).metadata()
      expect(metadata.format).toBe('webp')
      expect(metadata.exif).toBeUndefined()
    }
    const deleted = await outcome(() =>
      editAction(
        args(post(`/en/exporter/products/${productId}`, { intent: 'deleteImage', imageId: String(image.id) }, owner.cookie), {
          locale: 'en',
          productId: String(productId),
        }),
      ),
    )
    expect(deleted.location).toContain('notice=imageDeleted')
    expect(filesUnder(storage.uploads)).toEqual([])
    expect(await getDb().productImage.count({ where: { productId } })).toBe(0)
  })

  test('a PNG is accepted whatever the browser claims its type is', async () => {
    const answer = await uploadImage({ name: 'picture', bytes: await goodPng(), type: 'text/html' })
    expect(answer.status).toBe(302)
    expect(await getDb().productImage.count({ where: { productId } })).toBe(1)
  })

  test('a form with no file at all is refused', async () => {
    const answer = await outcome(() =>
      editAction(
        args(upload(`/en/exporter/products/${productId}`, { note: 'no file' }, null, owner.cookie), {
          locale: 'en',
          productId: String(productId),
        }),
      ),
    )
    expect(answer).toMatchObject({ status: 400, errors: { file: 'errors.fileMissing' } })
  })
})

describe('supporting documents', () => {
  test('every file of the hostile corpus is refused with a clear message, and nothing is stored', async () => {
    const before = await getDb().exporterDocument.count()
    const pdf = minimalPdf()
    const more = [
      {
        label: 'a PDF named .pdf.php',
        name: 'scan.pdf.php',
        bytes: pdf,
        type: 'application/pdf',
        documentError: 'errors.fileNameNotAllowed',
      },
      {
        label: 'HTML named .pdf',
        name: 'scan.pdf',
        bytes: Buffer.from('<html><script>alert(1)</script></html>'),
        type: 'application/pdf',
        documentError: 'errors.documentType',
      },
      {
        label: 'a PDF over 10 MB',
        name: 'big.pdf',
        bytes: Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
        type: 'application/pdf',
        documentError: 'errors.fileTooLarge',
      },
    ]
    for (const file of [...corpus, ...more]) {
      const answer = await uploadDocument(file)
      expect(answer.status, file.label).toBe(400)
      expect(answer.errors.file, file.label).toBe(file.documentError)
      for (const locale of locales) expect(getFixedT(locale, 'portal')(file.documentError)).not.toBe(file.documentError)
    }
    expect(await uploadDocument({ name: 'ok.pdf', bytes: pdf }, 'passport-of-my-cat')).toMatchObject({
      status: 400,
      errors: { kind: 'errors.documentKindRequired' },
    })
    expect(await getDb().exporterDocument.count()).toBe(before)
    expect(filesUnder(storage.documents)).toEqual([])
  })

  test('a PDF is stored outside public/ under a random key and downloaded only as an attachment', async () => {
    const pdf = minimalPdf()
    const answer = await uploadDocument({ name: 'Мемлекеттік тіркеу куәлігі.pdf', bytes: pdf, type: 'text/html' })
    expect(answer).toMatchObject({ status: 302, location: '/en/exporter/company?notice=documentUploaded' })
    const document = await getDb().exporterDocument.findFirstOrThrow({
      where: { exporterId: owner.exporterId! },
      orderBy: { id: 'desc' },
    })
    expect(document).toMatchObject({
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      kind: 'registration_certificate',
      uploadedById: owner.id,
    })
    expect(document.storageKey).toMatch(new RegExp(`^${owner.exporterId}/[0-9a-f]{32}\\.pdf$`))
    const stored = filesUnder(storage.documents)
    expect(stored).toEqual([path.join(storage.documents, document.storageKey)])
    expect(stored[0].startsWith(path.resolve('public'))).toBe(false)

    const download = await outcome(() =>
      documentLoader(
        args(get(`/en/exporter/documents/${document.id}`, owner.cookie), { locale: 'en', documentId: String(document.id) }),
      ),
    )
    const response = download.response!
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const disposition = response.headers.get('Content-Disposition')!
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Мемлекеттік тіркеу куәлігі.pdf')
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true)
  })

  test('a photographed certificate (JPEG) is accepted as a document and kept as uploaded', async () => {
    const jpeg = await jpegWithMetadata()
    expect((await uploadDocument({ name: 'certificate.jpeg', bytes: jpeg }, 'product_certificate')).status).toBe(302)
    const document = await getDb().exporterDocument.findFirstOrThrow({
      where: { exporterId: owner.exporterId! },
      orderBy: { id: 'desc' },
    })
    expect(document.contentType).toBe('image/jpeg')
    expect(readFileSync(path.join(storage.documents, document.storageKey)).equals(jpeg)).toBe(true)
  })
})
