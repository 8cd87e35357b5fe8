// Text outside WinAnsi (Chinese above all) is set in the standard CID font STSong-Light (UniGB-UCS2-H),
// which PDF readers supply themselves: no font file is embedded and no CJK font is needed on the server.
import { deflateSync } from 'node:zlib'

export type TextStyle = { size: number; bold?: boolean; gray?: number }

// Helvetica and Helvetica-Bold advance widths for ASCII 32–126, in 1/1000 em (Adobe's AFM files)
const helvetica = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778,
  722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222,
  500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]
const helveticaBold = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778,
  722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278,
  556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
]

// WinAnsiEncoding's characters outside Latin-1 (Windows-1252 0x80–0x9F)
const windows1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
}

function winAnsiByte(char: string): number | null {
  const code = char.codePointAt(0)!
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code
  return windows1252[char] ?? null
}

type Run = { font: 'latin' | 'cjk'; text: string }

export function textRuns(text: string): Run[] {
  const runs: Run[] = []
  for (const raw of text.replace(/[\r\n\t]+/g, ' ')) {
    // outside the Basic Multilingual Plane UCS-2 cannot say it: a replacement mark instead
    const char = raw.codePointAt(0)! > 0xffff ? '?' : raw
    const font = winAnsiByte(char) !== null ? 'latin' : 'cjk'
    const last = runs[runs.length - 1]
    if (last && last.font === font) last.text += char
    else runs.push({ font, text: char })
  }
  return runs
}

function latinWidth(char: string, bold: boolean) {
  const code = char.charCodeAt(0)
  if (code >= 32 && code <= 126) return (bold ? helveticaBold : helvetica)[code - 32]
  return 556
}

export function measure(text: string, size: number, bold = false) {
  let units = 0
  for (const run of textRuns(text)) for (const char of run.text) units += run.font === 'latin' ? latinWidth(char, bold) : 1000
  return (units * size) / 1000
}

export function wrap(text: string, size: number, maxWidth: number, bold = false): string[] {
  const lines: string[] = []
  let line = ''
  // tokens: a word with its trailing space, or one CJK character
  const tokens =
    text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+/g) ?? []
  for (const token of tokens) {
    if (line !== '' && measure((line + token).trimEnd(), size, bold) > maxWidth) {
      lines.push(line.trimEnd())
      line = token.trimStart()
    } else {
      line += token
    }
    // a single word wider than the line is cut where it overflows
    while (measure(line.trimEnd(), size, bold) > maxWidth && line.length > 1) {
      let cut = line.length - 1
      while (cut > 1 && measure(line.slice(0, cut), size, bold) > maxWidth) cut--
      lines.push(line.slice(0, cut))
      line = line.slice(cut)
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd())
  return lines
}

function latinString(text: string) {
  let out = '('
  for (const char of text) {
    const byte = winAnsiByte(char)!
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`
    else if (byte >= 0x20 && byte <= 0x7e) out += char
    else out += `\\${byte.toString(8).padStart(3, '0')}`
  }
  return `${out})`
}

function cjkString(text: string) {
  let hex = ''
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0')
  return `<${hex.toUpperCase()}>`
}

const number = (value: number) => String(Math.round(value * 100) / 100)

export class PdfWriter {
  readonly width = 595.28
  readonly height = 841.89
  private pages: string[][] = []

  constructor(private readonly title: string) {}

  addPage() {
    this.pages.push([])
  }

  private get ops() {
    if (this.pages.length === 0) this.addPage()
    return this.pages[this.pages.length - 1]
  }

  text(x: number, top: number, text: string, style: TextStyle) {
    const y = this.height - top
    const parts = textRuns(text).map((run) => {
      const font = run.font === 'cjk' ? 'F3' : style.bold ? 'F2' : 'F1'
      return `/${font} ${number(style.size)} Tf ${run.font === 'cjk' ? cjkString(run.text) : latinString(run.text)} Tj`
    })
    if (parts.length === 0) return
    const gray = style.gray ?? 0
    this.ops.push(`BT ${number(gray)} g ${number(x)} ${number(y)} Td ${parts.join(' ')} ET`)
  }

  textRight(right: number, top: number, text: string, style: TextStyle) {
    this.text(right - measure(text, style.size, style.bold), top, text, style)
  }

  line(x1: number, top1: number, x2: number, top2: number, width = 0.5) {
    this.ops.push(
      `${number(width)} w 0 G ${number(x1)} ${number(this.height - top1)} m ${number(x2)} ${number(this.height - top2)} l S`,
    )
  }

  /** `gray`: 0 black … 1 white. */
  box(x: number, top: number, width: number, height: number, gray: number) {
    this.ops.push(
      `${number(gray)} g ${number(x)} ${number(this.height - top - height)} ${number(width)} ${number(height)} re f 0 g`,
    )
  }

  toBuffer(created = new Date()): Buffer {
    if (this.pages.length === 0) this.addPage()
    const objects: (string | Buffer)[] = []
    const add = (body: string | Buffer) => objects.push(body) // object number = index + 1
    add('<< /Type /Catalog /Pages 2 0 R >>')
    add('') // the page tree, written once the pages have numbers
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
    add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>')
    add(
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    )
    add(
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
        '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    )
    const stamp = created.toISOString().replace(/[-:T]/g, '').slice(0, 14)
    add(
      `<< /Title ${latinString(this.title.replace(/[^\x20-\x7e]/g, ''))} /Producer (Pavilion Kit) /CreationDate (D:${stamp}Z) >>`,
    )
    const infoNumber = objects.length
    const pageNumbers: number[] = []
    for (const ops of this.pages) {
      const content = deflateSync(Buffer.from(ops.join('\n'), 'latin1'))
      add(
        Buffer.concat([
          Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
          content,
          Buffer.from('\nendstream'),
        ]),
      )
      const contentNumber = objects.length
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${this.width} ${this.height}] ` +
          `/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${contentNumber} 0 R >>`,
      )
      pageNumbers.push(objects.length)
    }
    objects[1] = `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNumbers.length} >>`

    const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
    let offset = chunks[0].length
    const offsets: number[] = []
    objects.forEach((body, index) => {
      offsets.push(offset)
      const chunk = Buffer.concat([
        Buffer.from(`${index + 1} 0 obj\n`),
        typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
        Buffer.from('\nendobj\n'),
      ])
      chunks.push(chunk)
      offset += chunk.length
    })
    const xref = [
      'xref',
      `0 ${objects.length + 1}`,
      '0000000000 65535 f ',
      ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
      'trailer',
      `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoNumber} 0 R >>`,
      'startxref',
      String(offset),
      '%%EOF',
      '',
    ].join('\n')
    chunks.push(Buffer.from(xref, 'latin1'))
    return Buffer.concat(chunks)
  }
}
