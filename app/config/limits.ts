// The edge (utils/edge-policy.server.ts) refuses a larger body before the app reads it: both read these.

/** A url-encoded form: larger than any form of ours. */
export const maxFormBytes = 64 * 1024

export const maxUploadBytes = 10 * 1024 * 1024

export const importLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5000, maxCellLength: 5000 }

/** Products one bulk action on the exporter's list may touch: four pages of 50, within a second or two. */
export const bulkProductLimit = 200

/** When waiting work appears on the admin's "today" list: unpaid orders and unanswered quote requests older than this. */
export const adminAttention = { unpaidOrderHours: 24, unansweredQuoteHours: 48, failedImportHours: 24 }

/** An outbox mail no delivery ever tried this long after it was written lost its job (a machine died after the commit). */
export const strandedMailMinutes = 10
