// Stored in storage's private documents area (DOCUMENTS_DIR, outside public/, or the bucket) under a
// random key; read back only by the company's members and by admins who passed their second factor.
import { randomBytes } from 'node:crypto'

import { audit } from '~/modules/accounts/audit.server'
import type { SessionUser } from '~/modules/accounts/session.server'
import { documentKinds } from '~/modules/exporters/document-kinds'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { checkDocumentUpload, cleanFileName } from '~/modules/exporters/upload-checks.server'
import { storage } from '~/modules/storage/storage.server'
import { getDb } from '~/utils/db.server'
import { failure, type Outcome } from '~/utils/forms.server'
import type { UploadedFile } from '~/utils/multipart.server'

export const maxDocumentsPerCompany = 30

export async function saveExporterDocument(
  user: Member,
  input: { kind: string; file: UploadedFile | null; fileTooLarge?: boolean },
): Promise<Outcome<{ id: number }>> {
  const company = await companyOf(user)
  const db = getDb()
  if (!(documentKinds as readonly string[]).includes(input.kind)) return failure({ kind: 'errors.documentKindRequired' })
  const checked = await checkDocumentUpload(input.file, input.fileTooLarge)
  if (!checked.ok) return failure({ file: checked.error })
  if ((await db.exporterDocument.count({ where: { exporterId: company.id } })) >= maxDocumentsPerCompany) {
    return failure({ file: 'errors.tooManyDocuments' })
  }
  const file = input.file!
  const storageKey = `${company.id}/${randomBytes(16).toString('hex')}.${checked.extension}`
  await storage().put('documents', storageKey, file.bytes, checked.contentType)
  let id: number
  try {
    const row = await db.exporterDocument.create({
      data: {
        exporterId: company.id,
        kind: input.kind,
        fileName: cleanFileName(file.fileName),
        storageKey,
        contentType: checked.contentType,
        sizeBytes: file.bytes.length,
        uploadedById: user.id,
      },
      select: { id: true },
    })
    id = row.id
  } catch (error) {
    await storage().remove('documents', storageKey)
    throw error
  }
  await audit(user, 'exporter.document_uploaded', 'Exporter', company.id, { documentId: id, kind: input.kind })
  return { ok: true, value: { id } }
}

export async function listExporterDocuments(exporterId: number) {
  return getDb().exporterDocument.findMany({
    where: { exporterId },
    orderBy: { id: 'desc' },
    select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true },
  })
}

type DocumentReader = Pick<SessionUser, 'id' | 'role' | 'exporterId'> &
  Partial<Pick<SessionUser, 'totpEnabled' | 'secondFactorDone'>>

/** Null (answer 404: say nothing) unless a member of the owning company, or an admin past the second factor. */
export async function authorizeDocument(user: DocumentReader | null, documentId: number) {
  if (!user || !Number.isSafeInteger(documentId) || documentId <= 0) return null
  const document = await getDb().exporterDocument.findUnique({
    where: { id: documentId },
    select: { id: true, exporterId: true, fileName: true, storageKey: true, contentType: true, sizeBytes: true },
  })
  if (!document) return null
  const isAdmin = user.role === 'admin' && user.totpEnabled === true && user.secondFactorDone === true
  const isMember = user.role === 'exporter' && user.exporterId === document.exporterId
  return isAdmin || isMember ? document : null
}

export async function documentResponse(user: DocumentReader | null, documentId: number) {
  const document = await authorizeDocument(user, documentId)
  if (!document) return null
  const stored = await storage().get('documents', document.storageKey)
  if (!stored) return null
  const body = stored.bytes
  const asciiName = document.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_')
  return new Response(body, {
    headers: {
      'Content-Type': document.contentType,
      'Content-Length': String(body.length),
      'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
}
