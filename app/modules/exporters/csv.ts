// CSV as RFC 4180 writes it (commas, double-quoted fields holding commas, quotes and line breaks,
// CRLF, LF or CR line ends): read by csv-parse, written so a spreadsheet never runs a cell as a formula.
import { CsvError, parse } from 'csv-parse/sync'

export type CsvRecord = { row: number; cells: string[] }

export type CsvParseResult =
  { ok: true; records: CsvRecord[] } | { ok: false; error: 'unterminatedQuote' | 'strayQuote' | 'tooManyRecords'; row: number }

const quoteErrors: Partial<Record<CsvError['code'], 'unterminatedQuote' | 'strayQuote'>> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminatedQuote',
  INVALID_OPENING_QUOTE: 'strayQuote',
  CSV_INVALID_CLOSING_QUOTE: 'strayQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'strayQuote',
}

class TooManyRecords extends Error {}

/** Blank rows are skipped but counted, so row numbers match what a spreadsheet shows. */
export function parseCsv(input: string, options: { maxRecords?: number } = {}): CsvParseResult {
  const maxRecords = options.maxRecords ?? Infinity
  const records: CsvRecord[] = []
  try {
    parse(input, {
      bom: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      // kept here rather than returned, so a file of blank rows holds no memory
      on_record: (cells: string[], info) => {
        if (cells.some((cell) => cell !== '')) records.push({ row: info.records + info.empty_lines, cells })
        if (records.length > maxRecords) throw new TooManyRecords()
        return null
      },
    })
  } catch (error) {
    if (error instanceof TooManyRecords) return { ok: false, error: 'tooManyRecords', row: records[records.length - 1].row }
    const quoteError = error instanceof CsvError ? quoteErrors[error.code] : undefined
    if (!quoteError) throw error
    const { records: read, empty_lines: blank } = error as unknown as { records: number; empty_lines: number }
    return { ok: false, error: quoteError, row: read + blank + 1 }
  }
  return { ok: true, records }
}

/** A leading apostrophe keeps a spreadsheet from running a cell as a formula (= + - @, tab, CR). */
export function csvCell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(rows: readonly (readonly string[])[]) {
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
