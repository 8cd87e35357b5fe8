// What the pavilion checked about an exporter, for the buyer: the BIN's check digit, the admin's
// verification and its date, and how many of the company's documents were on file when it was given.
import { isValidBin } from '~/modules/exporters/bin'
import { dateText } from '~/utils/dates'
import type { Locale } from '~/utils/locales'

export const exporterChecksSelect = {
  bin: true,
  status: true,
  verifiedAt: true,
  documents: { select: { createdAt: true } },
} as const

export function exporterChecks(
  exporter: { bin: string; status: string; verifiedAt: Date | null; documents: { createdAt: Date }[] },
  locale: Locale,
) {
  const verifiedAt = exporter.status === 'verified' ? exporter.verifiedAt : null
  return {
    bin: exporter.bin,
    binValid: isValidBin(exporter.bin),
    verified: verifiedAt ? dateText(verifiedAt, locale, 'date') : null,
    documentsReviewed: verifiedAt ? exporter.documents.filter((doc) => doc.createdAt <= verifiedAt).length : 0,
  }
}

export type ExporterChecks = ReturnType<typeof exporterChecks>
