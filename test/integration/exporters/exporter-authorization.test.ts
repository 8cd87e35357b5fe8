// Every exporter portal route × {anonymous, buyer, exporter A, exporter B of another company,
// admin} × {read, write}. Anonymous visitors are sent to sign in, buyers and admins get 403 (admins
// work in the admin console; they may download documents), exporter B never reads or changes
// exporter A's product, image or document (404: for B they do not exist).
import { beforeAll, describe, expect, test } from 'vitest'

import { saveExporterDocument } from '~/modules/exporters/documents.server'
import { addProductImage, createProduct, parseProductForm } from '~/modules/exporters/product-authoring.server'
import { loader as layoutLoader } from '~/routes/$locale.exporter'
import { loader as dashboardLoader } from '~/routes/$locale.exporter._index'
import { action as companyAction, loader as companyLoader } from '~/routes/$locale.exporter.company'
import { loader as documentLoader } from '~/routes/$locale.exporter.documents.$documentId'
import { action as editAction, loader as editLoader } from '~/routes/$locale.exporter.products.$productId'
import { action as newAction, loader as newLoader } from '~/routes/$locale.exporter.products.new'
import { action as teamAction, loader as teamLoader } from '~/routes/$locale.exporter.team'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person, post, privateStorage, upload } from '../../support/portal'
import { goodPng, minimalPdf } from '../../support/upload-corpus'

privateStorage()

type Who = 'anonymous' | 'buyer' | 'admin' | 'exporterA' | 'exporterB'
const people = {} as Record<Exclude<Who, 'anonymous'>, Person>
let categoryId: number
let regionId: number

function productForm(name: string) {
  return {
    categoryId: String(categoryId),
    hsCode: '040900',
    'name.en': name,
    basePrice: '12.50',
    baseCurrency: 'USD',
    stock: '5',
    minOrderQuantity: '1',
    saleMode: 'retail',
    unit: 'pack',
    originRegionId: String(regionId),
  }
}

let documentId: number

/** A fresh draft of exporter A's with one image; and A's document on file. */
async function ownedByA() {
  const parsed = parseProductForm(new URLSearchParams(productForm('Matrix honey')))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const created = await createProduct(people.exporterA, parsed.value)
  if (!created.ok) throw new Error('not created')
  const image = await addProductImage(people.exporterA, created.value.id, {
    file: { fileName: 'a.png', bytes: await goodPng(320, 240) },
  })
  if (!image.ok) throw new Error('upload failed')
  return { productId: created.value.id, imageId: image.value.id, documentId }
}

beforeAll(async () => {
  const db = getDb()
  categoryId = (await db.category.findUniqueOrThrow({ where: { slug: 'natural-honey' } })).id
  regionId = (await db.region.findFirstOrThrow()).id
  people.buyer = await person('buyer')
  people.admin = await person('admin')
  people.exporterA = await person('exporter', 'zhetysu-orchard')
  people.exporterB = await person('exporter', 'medeu-sweets')
  const document = await saveExporterDocument(people.exporterA, {
    kind: 'other',
    file: { fileName: 'a.pdf', bytes: minimalPdf() },
  })
  if (!document.ok) throw new Error('upload failed')
  documentId = document.value.id
})

type Case = {
  route: string
  kind: 'read' | 'write'
  /** whether the request names something of exporter A's (a product, image or document) */
  ownedByA: boolean
  run: (cookie: string | undefined, ids: Awaited<ReturnType<typeof ownedByA>>) => Promise<unknown>
  /** what admins get, when not the usual 403 */
  admin?: number
}

const p = (extra: Record<string, string> = {}) => ({ locale: 'en', ...extra })

const cases: Case[] = [
  { route: 'portal frame', kind: 'read', ownedByA: false, run: (c) => layoutLoader(args(get('/en/exporter', c), p())) },
  { route: 'dashboard', kind: 'read', ownedByA: false, run: (c) => dashboardLoader(args(get('/en/exporter', c), p())) },
  {
    route: 'new product form',
    kind: 'read',
    ownedByA: false,
    run: (c) => newLoader(args(get('/en/exporter/products/new', c), p())),
  },
  {
    route: 'create a product',
    kind: 'write',
    ownedByA: false,
    run: (c) => newAction(args(post('/en/exporter/products/new', { ...productForm('Matrix create'), intent: 'save' }, c), p())),
  },
  {
    route: "A's product form",
    kind: 'read',
    ownedByA: true,
    run: (c, ids) => editLoader(args(get(`/en/exporter/products/${ids.productId}`, c), p({ productId: String(ids.productId) }))),
  },
  {
    route: "save A's product",
    kind: 'write',
    ownedByA: true,
    run: (c, ids) =>
      editAction(
        args(
          post(`/en/exporter/products/${ids.productId}`, { ...productForm('Changed'), intent: 'save' }, c),
          p({ productId: String(ids.productId) }),
        ),
      ),
  },
  {
    route: "submit A's product",
    kind: 'write',
    ownedByA: true,
    run: (c, ids) =>
      editAction(
        args(
          post(`/en/exporter/products/${ids.productId}`, { ...productForm('Changed'), intent: 'submit' }, c),
          p({ productId: String(ids.productId) }),
        ),
      ),
  },
  {
    route: "archive A's product",
    kind: 'write',
    ownedByA: true,
    run: (c, ids) =>
      editAction(
        args(post(`/en/exporter/products/${ids.productId}`, { intent: 'archive' }, c), p({ productId: String(ids.productId) })),
      ),
  },
  {
    route: "add an image to A's product",
    kind: 'write',
    ownedByA: true,
    run: async (c, ids) =>
      editAction(
        args(
          upload(
            `/en/exporter/products/${ids.productId}`,
            {},
            { field: 'image', name: 'b.png', bytes: await goodPng(320, 240) },
            c,
          ),
          p({ productId: String(ids.productId) }),
        ),
      ),
  },
  {
    route: "delete A's image",
    kind: 'write',
    ownedByA: true,
    run: (c, ids) =>
      editAction(
        args(
          post(`/en/exporter/products/${ids.productId}`, { intent: 'deleteImage', imageId: String(ids.imageId) }, c),
          p({ productId: String(ids.productId) }),
        ),
      ),
  },
  { route: 'company page', kind: 'read', ownedByA: false, run: (c) => companyLoader(args(get('/en/exporter/company', c), p())) },
  {
    route: 'upload a document',
    kind: 'write',
    ownedByA: false,
    run: (c) =>
      companyAction(
        args(
          upload('/en/exporter/company', { kind: 'other' }, { field: 'document', name: 'x.pdf', bytes: minimalPdf() }, c),
          p(),
        ),
      ),
  },
  {
    route: "A's document",
    kind: 'read',
    ownedByA: true,
    admin: 200,
    run: (c, ids) =>
      documentLoader(args(get(`/en/exporter/documents/${ids.documentId}`, c), p({ documentId: String(ids.documentId) }))),
  },
  { route: 'team page', kind: 'read', ownedByA: false, run: (c) => teamLoader(args(get('/en/exporter/team', c), p())) },
  {
    route: 'invite a colleague',
    kind: 'write',
    ownedByA: false,
    run: (c) =>
      teamAction(
        args(
          post('/en/exporter/team', { intent: 'invite', email: `colleague-${Date.now()}-${Math.random()}@example.com` }, c),
          p(),
        ),
      ),
  },
]

/** What each kind of visitor must get: a status, or a status and where it sends them. */
function expected(who: Who, one: Case) {
  switch (who) {
    case 'anonymous':
      return { status: 302, location: /^\/en\/login\?redirectTo=%2Fen%2Fexporter/ }
    case 'buyer':
      return { status: 403 }
    case 'admin':
      return { status: one.admin ?? 403 }
    case 'exporterA':
      return { status: one.kind === 'read' ? 200 : 302 }
    case 'exporterB':
      return one.ownedByA ? { status: 404 } : { status: one.kind === 'read' ? 200 : 302 }
  }
}

const visitors: Who[] = ['anonymous', 'buyer', 'admin', 'exporterA', 'exporterB']

describe.each(cases)('$route ($kind)', (one) => {
  test.each(visitors)('%s', async (who) => {
    const ids = await ownedByA()
    const cookie = who === 'anonymous' ? undefined : people[who].cookie
    const before = await getDb().product.findUniqueOrThrow({
      where: { id: ids.productId },
      include: { translations: true, images: true },
    })
    const answer = await outcome(() => one.run(cookie, ids))
    const want = expected(who, one)
    expect(answer.status).toBe(want.status)
    if ('location' in want) expect(answer.location).toMatch(want.location!)
    if (who !== 'exporterA') {
      // nobody but A changed A's product, its images or its texts
      const after = await getDb().product.findUniqueOrThrow({
        where: { id: ids.productId },
        include: { translations: true, images: true },
      })
      expect(after).toEqual(before)
    }
  })
})

describe('exporter B cannot reach A’s things through B’s own product either', () => {
  test('deleting A’s image under B’s product is a 404 and the image stays', async () => {
    const ids = await ownedByA()
    const parsed = parseProductForm(new URLSearchParams(productForm('B product')))
    if (!parsed.ok) throw new Error('form')
    const mine = await createProduct(people.exporterB, parsed.value)
    if (!mine.ok) throw new Error('not created')
    const answer = await outcome(() =>
      editAction(
        args(
          post(
            `/en/exporter/products/${mine.value.id}`,
            { intent: 'deleteImage', imageId: String(ids.imageId) },
            people.exporterB.cookie,
          ),
          p({ productId: String(mine.value.id) }),
        ),
      ),
    )
    expect(answer.status).toBe(404)
    expect(await getDb().productImage.count({ where: { id: ids.imageId } })).toBe(1)
  })

  test('an admin who has not passed the second factor is sent to it before a document download', async () => {
    const ids = await ownedByA()
    const admin = await person('admin')
    const { sessionCookieFor } = await import('../../support/sessions')
    const halfway = await sessionCookieFor(admin.id, { secondFactor: false })
    const answer = await outcome(() =>
      documentLoader(args(get(`/en/exporter/documents/${ids.documentId}`, halfway), p({ documentId: String(ids.documentId) }))),
    )
    expect(answer).toMatchObject({ status: 302, location: '/en/login/two-factor' })
  })

  test('odd ids are 404s, not errors', async () => {
    for (const id of ['abc', '-1', '0', '99999999999999999999', '1e3']) {
      expect(
        (await outcome(() => editLoader(args(get(`/en/exporter/products/${id}`, people.exporterA.cookie), p({ productId: id })))))
          .status,
      ).toBe(404)
      expect(
        (
          await outcome(() =>
            documentLoader(args(get(`/en/exporter/documents/${id}`, people.exporterA.cookie), p({ documentId: id }))),
          )
        ).status,
      ).toBe(404)
    }
  })
})
