// CSV as RFC 4180 writes it (commas, double-quoted fields holding commas, quotes and line breaks,
// CRLF or LF line ends): reading it, and writing it so a spreadsheet never runs a cell as a formula.

/** One record with its row number as a spreadsheet shows it (the header is row 1). */
export type CsvRecord = { row: number; cells: string[] }

export type CsvParseResult =
  { ok: true; records: CsvRecord[] } | { ok: false; error: 'unterminatedQuote' | 'strayQuote' | 'tooManyRecords'; row: number }

const fieldEnd = /[",\r\n]/g

/**
 * Parses CSV text (a leading byte order mark is ignored). Rows whose cells are all empty are
 * skipped but still counted, so row numbers match what a spreadsheet shows. Stops with
 * `tooManyRecords` once more than `maxRecords` non-blank records were read.
 */
export function parseCsv(input: string, options: { maxRecords?: number } = {}): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const maxRecords = options.maxRecords ?? Infinity
  const records: CsvRecord[] = []
  let cells: string[] = []
  let row = 1
  let position = 0
  const length = text.length

  const endRecord = () => {
    if (cells.some((cell) => cell !== '')) {
      records.push({ row, cells })
    }
    cells = []
    row++
  }

  while (position <= length) {
    if (position === length) {
      // the text ended without a final line break: the last record is still open, unless empty
      if (cells.length > 0) endRecord()
      break
    }
    let cell: string
    if (text[position] === '"') {
      const startRow = row
      let value = ''
      let cursor = position + 1
      for (;;) {
        const quote = text.indexOf('"', cursor)
        if (quote === -1) return { ok: false, error: 'unterminatedQuote', row: startRow }
        value += text.slice(cursor, quote)
        if (text[quote + 1] === '"') {
          value += '"'
          cursor = quote + 2
          continue
        }
        cursor = quote + 1
        break
      }
      const next = text[cursor]
      if (cursor < length && next !== ',' && next !== '\r' && next !== '\n')
        return { ok: false, error: 'strayQuote', row: startRow }
      cell = value
      position = cursor
    } else {
      fieldEnd.lastIndex = position
      const match = fieldEnd.exec(text)
      const end = match ? match.index : length
      if (match && match[0] === '"') return { ok: false, error: 'strayQuote', row }
      cell = text.slice(position, end)
      position = end
    }
    cells.push(cell)
    const separator = text[position]
    if (separator === ',') {
      position++
      if (position === length) cells.push('')
      continue
    }
    if (separator === '\r' || separator === '\n') {
      position += separator === '\r' && text[position + 1] === '\n' ? 2 : 1
      endRecord()
      if (records.length > maxRecords) return { ok: false, error: 'tooManyRecords', row: records[records.length - 1].row }
      continue
    }
    // end of text right after a cell
    endRecord()
    break
  }
  if (records.length > maxRecords) return { ok: false, error: 'tooManyRecords', row: records[records.length - 1].row }
  return { ok: true, records }
}

/**
 * One cell as CSV. A value a spreadsheet would read as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe, so the file is safe to open.
 */
export function csvCell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Rows as CSV text with CRLF line ends and a byte order mark, which spreadsheets need to read UTF-8. */
export function toCsv(rows: readonly (readonly string[])[]) {
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
