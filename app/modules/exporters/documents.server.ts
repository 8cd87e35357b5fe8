// Stored in storage's private documents area (DOCUMENTS_DIR, outside public/, or the bucket) under a
// random key; read back only by the company's members and by admins who passed their second factor.
import { randomBytes } from 'node:crypto'

import { audit } from '~/modules/accounts/audit.server'
import type { SessionUser } from '~/modules/accounts/session.server'
import { documentKinds } from '~/modules/exporters/document-kinds'
import { companyOf, type Member } from '~/modules/exporters/membership.server'
import { recheckDocumentKinds, sendForRecheck } from '~/modules/exporters/recheck.server'
import { checkDocumentUpload, cleanFileName } from '~/modules/exporters/upload-checks.server'
import { storage } from '~/modules/storage/storage.server'
import { getDb } from '~/utils/db.server'
import { failure, type Outcome } from '~/utils/forms.server'
import type { UploadedFile } from '~/utils/multipart.server'

export const maxDocumentsPerCompany = 30

type DocumentInput = { file: UploadedFile | null; fileTooLarge?: boolean }

/** Checks and stores a file under a new random key; the caller writes the row (or removes the key on failure). */
async function storeDocument(
  exporterId: number,
  input: DocumentInput,
): Promise<Outcome<{ storageKey: string; file: StoredFile }>> {
  const checked = await checkDocumentUpload(input.file, input.fileTooLarge)
  if (!checked.ok) return failure({ file: checked.error })
  const file = input.file!
  const storageKey = `${exporterId}/${randomBytes(16).toString('hex')}.${checked.extension}`
  await storage().put('documents', storageKey, file.bytes, checked.contentType)
  return {
    ok: true,
    value: {
      storageKey,
      file: { fileName: cleanFileName(file.fileName), contentType: checked.contentType, sizeBytes: file.bytes.length },
    },
  }
}

type StoredFile = { fileName: string; contentType: string; sizeBytes: number }

async function keepOrRemove<T>(storageKey: string, write: () => Promise<T>) {
  try {
    return await write()
  } catch (error) {
    await storage().remove('documents', storageKey)
    throw error
  }
}

/** A suspended company cannot change its file; a verified one changing a proof of identity is checked again. */
async function editableCompany(user: Member) {
  const company = await companyOf(user)
  return company.status === 'suspended' ? null : company
}

async function recheckAfter(user: Member, company: { id: number; status: string }, kind: string) {
  if (company.status === 'verified' && recheckDocumentKinds.includes(kind)) await sendForRecheck(user, company.id, [kind])
}

export async function saveExporterDocument(
  user: Member,
  input: DocumentInput & { kind: string },
): Promise<Outcome<{ id: number }>> {
  const company = await companyOf(user)
  const db = getDb()
  if (!(documentKinds as readonly string[]).includes(input.kind)) return failure({ kind: 'errors.documentKindRequired' })
  if ((await db.exporterDocument.count({ where: { exporterId: company.id } })) >= maxDocumentsPerCompany) {
    return failure({ file: 'errors.tooManyDocuments' })
  }
  const stored = await storeDocument(company.id, input)
  if (!stored.ok) return stored
  const { storageKey, file } = stored.value
  const { id } = await keepOrRemove(storageKey, () =>
    db.exporterDocument.create({
      data: { exporterId: company.id, kind: input.kind, storageKey, uploadedById: user.id, ...file },
      select: { id: true },
    }),
  )
  await audit(user, 'exporter.document_uploaded', 'Exporter', company.id, { documentId: id, kind: input.kind })
  await recheckAfter(user, company, input.kind)
  return { ok: true, value: { id } }
}

async function ownDocument(exporterId: number, documentId: number) {
  if (!Number.isSafeInteger(documentId) || documentId <= 0) return null
  return getDb().exporterDocument.findFirst({
    where: { id: documentId, exporterId },
    select: { id: true, kind: true, fileName: true, storageKey: true },
  })
}

/** A new file in place of an old one, same kind; the old bytes are deleted once the row points at the new. */
export async function replaceExporterDocument(user: Member, documentId: number, input: DocumentInput): Promise<Outcome<null>> {
  const company = await editableCompany(user)
  if (!company) return failure({ form: 'errors.companySuspended' }, 403)
  const document = await ownDocument(company.id, documentId)
  if (!document) return failure({ form: 'errors.notFound' }, 404)
  const stored = await storeDocument(company.id, input)
  if (!stored.ok) return stored
  const { storageKey, file } = stored.value
  await keepOrRemove(storageKey, () =>
    getDb().exporterDocument.update({
      where: { id: document.id },
      data: { storageKey, uploadedById: user.id, createdAt: new Date(), ...file },
    }),
  )
  await storage().remove('documents', document.storageKey)
  await audit(user, 'exporter.document_replaced', 'Exporter', company.id, {
    documentId: document.id,
    kind: document.kind,
    changes: { fileName: [document.fileName, file.fileName] },
  })
  await recheckAfter(user, company, document.kind)
  return { ok: true, value: null }
}

export async function withdrawExporterDocument(user: Member, documentId: number): Promise<Outcome<null>> {
  const company = await editableCompany(user)
  if (!company) return failure({ form: 'errors.companySuspended' }, 403)
  const document = await ownDocument(company.id, documentId)
  if (!document) return failure({ form: 'errors.notFound' }, 404)
  await getDb().exporterDocument.delete({ where: { id: document.id } })
  await storage().remove('documents', document.storageKey)
  await audit(user, 'exporter.document_withdrawn', 'Exporter', company.id, {
    documentId: document.id,
    kind: document.kind,
    fileName: document.fileName,
  })
  await recheckAfter(user, company, document.kind)
  return { ok: true, value: null }
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
