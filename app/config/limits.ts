// Sizes that the app and the HTTP edge (app/utils/edge-policy.server.ts) must agree on: the edge
// refuses a larger body before the app reads it, so both read them from here.

/** A url-encoded form: larger than any form of ours. */
export const maxFormBytes = 64 * 1024

/** The largest image or document an exporter may upload. */
export const maxUploadBytes = 10 * 1024 * 1024

/** A CSV import: the file, its rows and its longest cell. */
export const importLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5000, maxCellLength: 5000 }
