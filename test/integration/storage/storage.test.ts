// The same cases on both storage implementations: the local folders (the default) and an
// S3-compatible bucket (s3rver on a free port).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { bucketImages, storage } from '~/modules/storage/storage.server'
import { action as companyAction } from '~/routes/$locale.exporter.company'
import { loader as documentLoader } from '~/routes/$locale.exporter.documents.$documentId'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, type Person, person, privateStorage, upload } from '../../support/portal'
import { startS3 } from '../../support/s3'
import { minimalPdf } from '../../support/upload-corpus'

const s3Names = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

describe.each(['local', 's3'] as const)('files in %s storage', (kind) => {
  let s3: Awaited<ReturnType<typeof startS3>> | undefined
  let owner: Person
  let stranger: Person

  beforeAll(async () => {
    privateStorage()
    for (const name of s3Names) delete process.env[name]
    if (kind === 's3') {
      s3 = await startS3()
      Object.assign(process.env, s3.env)
    }
    owner = await person('exporter', 'naryn-honey')
    stranger = await person('exporter', 'semey-zinc')
  })
  afterAll(async () => {
    for (const name of s3Names) delete process.env[name]
    await s3?.close()
  })

  test('what is put is read back byte for byte, a missing key is null, and a removed one is gone', async () => {
    expect(storage().kind).toBe(kind)
    const bytes = Buffer.from('Қазақстан 哈萨克斯坦')
    await storage().put('images', 'products/1/abc-320.webp', bytes, 'image/webp')
    const read = await storage().get('images', 'products/1/abc-320.webp')
    expect(read?.bytes.equals(bytes)).toBe(true)
    expect(read?.contentType).toBe('image/webp')
    expect(await storage().get('documents', 'products/1/abc-320.webp')).toBeNull()
    expect(await storage().get('images', 'products/1/missing-320.webp')).toBeNull()
    await storage().remove('images', 'products/1/abc-320.webp')
    await storage().remove('images', 'products/1/abc-320.webp')
    expect(await storage().get('images', 'products/1/abc-320.webp')).toBeNull()
  })

  test('a key that climbs out of its area is refused', async () => {
    await expect(storage().put('documents', '../uploads/evil.pdf', Buffer.from('x'), 'application/pdf')).rejects.toThrow()
    await expect(storage().get('images', '../documents/1/a.pdf')).rejects.toThrow()
    expect(await bucketImages()?.('../documents/1/a.pdf')).toBeFalsy()
  })

  test('an uploaded document is served to a member of its company and to nobody else', async () => {
    const pdf = minimalPdf()
    const answer = await outcome(() =>
      companyAction(
        args(
          upload('/en/exporter/company', { kind: 'registration_certificate' }, { field: 'document', name: 'cert.pdf', bytes: pdf }, owner.cookie),
          { locale: 'en' },
        ),
      ),
    )
    expect(answer.status).toBe(302)
    const document = await getDb().exporterDocument.findFirstOrThrow({
      where: { exporterId: owner.exporterId! },
      orderBy: { id: 'desc' },
    })
    const download = (cookie: string) =>
      outcome(() =>
        documentLoader(args(get(`/en/exporter/documents/${document.id}`, cookie), { locale: 'en', documentId: String(document.id) })),
      )
    const mine = (await download(owner.cookie)).response!
    expect(mine.status).toBe(200)
    expect(mine.headers.get('Cache-Control')).toBe('private, no-store')
    expect(Buffer.from(await mine.arrayBuffer()).equals(pdf)).toBe(true)
    expect((await download(stranger.cookie)).status).toBe(404)
    // the bytes live in the private area only: the public image reader never finds them
    expect(await bucketImages()?.(document.storageKey)).toBeFalsy()
  })
})
