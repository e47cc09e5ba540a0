import {
  PDFDocument,
  PageSizes,
  StandardFonts,
  rgb,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib'
import QRCode from 'qrcode'
import {
  BADGE_HEXAGON,
  BADGE_INNER_HEXAGON,
  BADGE_LEVEL_TEXT,
  BADGE_SIZE,
  codeFontSize,
  coreTaskColour,
  type Badge,
} from './achievement-badge.ts'
import { formatAmsterdam } from '#app/utils/amsterdam-date.ts'

export type CertificateView = {
  locale: 'nl' | 'en'
  recipientName: string
  achievementName: string
  humanCode: string
  /** The achievement's image, drawn with the same shapes as its SVG. */
  badge: Badge
  /** Already localised by the caller, e.g. 'Werkproces', 'Kerntaak', 'Kwalificatie'. */
  levelLabel: string
  frameworkName: string
  criteriaNarrative: string
  issuerName: string
  issuedAt: Date
  validUntil: Date | null
  verifyUrl: string
  /** The learner's page that puts this record in a wallet (after signing in); omitted: none. */
  walletUrl?: string
  recordId: string
  /** For a qualification or core task: the records it bundles. */
  includes?: Array<{ code: string; name: string }>
}

const PRODUCER = 'Leerplein Contactcenter'

const LABELS = {
  nl: {
    languageTag: 'nl-NL',
    title: 'Certificaat',
    intro: (issuer: string) => `Hierbij verklaart ${issuer} dat`,
    demonstrated: 'heeft aangetoond:',
    criteria: 'Criteria',
    issuedOn: 'Uitgegeven op',
    validUntil: 'Geldig tot',
    includes: 'Dit certificaat omvat',
    verify: 'Controleer de echtheid:',
    wallet: 'In je wallet zetten:',
    recordId: 'Record-ID',
    continued: 'vervolg',
    page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
    subject: (recipient: string) => `Certificaat voor ${recipient}`,
  },
  en: {
    languageTag: 'en-GB',
    title: 'Certificate',
    intro: (issuer: string) => `${issuer} certifies that`,
    demonstrated: 'has demonstrated:',
    criteria: 'Criteria',
    issuedOn: 'Issued on',
    validUntil: 'Valid until',
    includes: 'This certificate includes',
    verify: 'Verify authenticity:',
    wallet: 'Add to your wallet:',
    recordId: 'Record ID',
    continued: 'continued',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    subject: (recipient: string) => `Certificate for ${recipient}`,
  },
} as const

// Layout in PDF points (1/72 inch): A4 portrait with 2 cm margins.
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4
const MARGIN = 56
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
// A thin frame, far enough inside the sheet edge to survive printers' unprintable border.
const FRAME_INSET = 24
const QR_SIZE = 84
// The wallet code is smaller and second: verification is what most readers of paper need.
const WALLET_QR_SIZE = 56
const WALLET_TEXT_WIDTH = 118
// The first page keeps a band free at the bottom for the QR code and verification text.
const FIRST_PAGE_BOTTOM = MARGIN + QR_SIZE + 24
const NEXT_PAGE_BOTTOM = MARGIN
const PAGE_NUMBER_BASELINE = FRAME_INSET + 12

const INK = rgb(0.13, 0.15, 0.18)
const MUTED = rgb(0.4, 0.44, 0.49)
const ACCENT = rgb(0.07, 0.35, 0.45)
const HAIRLINE = rgb(0.8, 0.83, 0.86)

// What WinAnsi (Windows-1252) has beyond printable ASCII and Latin-1 (U+00A0..U+00FF).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

// Typographic characters common in course texts that WinAnsi lacks, with readable stand-ins.
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '—',
  '′': "'",
  '″': '"',
  '⁄': '/',
  '∙': '·',
  '⋅': '·',
  // Letters in names that have no decomposition to fall back on.
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
}

function isWinAnsi(char: string) {
  const code = char.codePointAt(0) ?? 0
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
  )
}

function winAnsiChar(char: string): string {
  // Invisible characters (zero-width spaces, soft hyphen, BOM) would only render as '?'.
  if (/[\u00ad\u200b-\u200d\u2060\ufeff]/.test(char)) return ''
  // Non-breaking, narrow and other spaces, tabs and line breaks: Helvetica has only ' '.
  if (/\s/.test(char)) return ' '
  if (isWinAnsi(char)) return char
  const replacement = REPLACEMENTS[char]
  if (replacement !== undefined) return replacement
  // A combining mark NFC could not compose onto its letter: drop it, keep the letter.
  if (/\p{M}/u.test(char)) return ''
  // Keep the base letter of accented letters outside Latin-1 (Ş -> S, ő -> o) and expand
  // compatibility forms (ﬁ -> fi, full-width digits), so names stay readable.
  const folded = char.normalize('NFKD').replace(/\p{M}/gu, '')
  if (folded && [...folded].every(isWinAnsi)) return folded
  return '?'
}

/**
 * Makes text drawable with the standard Helvetica fonts, which only encode WinAnsi: pdf-lib
 * throws on anything else. Dutch accents, curly quotes, dashes and € pass unchanged.
 */
export function toWinAnsi(text: string): string {
  // Iterating a string yields code points, so an emoji becomes one '?', not two.
  return Array.from(text.normalize('NFC'), winAnsiChar).join('')
}

/**
 * Greedy word wrap to maxWidth. Line breaks in the text start a new line; a word wider than a
 * whole line (a URL) is split by character. The lines are WinAnsi-safe.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= maxWidth
  const lines: string[] = []
  for (const paragraph of text.split(/[\r\n]+/)) {
    let line = ''
    for (const word of toWinAnsi(paragraph).split(' ').filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (fits(candidate)) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      line = word
      while (!fits(line)) {
        // Longest prefix that fits, but at least one character so the loop always advances.
        let end = 1
        while (end < line.length && fits(line.slice(0, end + 1))) end++
        lines.push(line.slice(0, end))
        line = line.slice(end)
      }
    }
    if (line) lines.push(line)
  }
  return lines
}

/** One WinAnsi-safe line of at most maxWidth, cut with an ellipsis when needed. */
function truncate(text: string, font: PDFFont, size: number, maxWidth: number): string {
  const safe = toWinAnsi(text).trim()
  if (font.widthOfTextAtSize(safe, size) <= maxWidth) return safe
  let end = safe.length
  const cut = () => `${safe.slice(0, end).trimEnd()}…`
  while (end > 0 && font.widthOfTextAtSize(cut(), size) > maxWidth) end--
  return cut()
}

type TextStyle = { font: PDFFont; size: number; color: RGB; leading?: number }

function lineHeight(style: TextStyle) {
  return style.size * (style.leading ?? 1.35)
}

function draw(page: PDFPage, text: string, x: number, y: number, style: TextStyle) {
  page.drawText(text, { x, y, font: style.font, size: style.size, color: style.color })
}

function addFramedPage(pdf: PDFDocument): PDFPage {
  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT])
  page.drawRectangle({
    x: FRAME_INSET,
    y: FRAME_INSET,
    width: PAGE_WIDTH - 2 * FRAME_INSET,
    height: PAGE_HEIGHT - 2 * FRAME_INSET,
    borderColor: HAIRLINE,
    borderWidth: 0.75,
  })
  return page
}

/**
 * Writes content top-down. When the next line does not fit above the bottom limit it continues
 * on a new page, so a long narrative or includes list never runs into the footer.
 */
class Flow {
  page: PDFPage
  y = PAGE_HEIGHT - MARGIN
  private bottom = FIRST_PAGE_BOTTOM

  constructor(
    private readonly pdf: PDFDocument,
    /** Draws the header of a continuation page and returns the y where content starts. */
    private readonly continuationHeader: (page: PDFPage) => number,
  ) {
    this.page = addFramedPage(pdf)
  }

  /** Keeps the next `height` points together, on a new page if they do not fit here. */
  reserve(height: number) {
    if (this.y - height >= this.bottom) return
    this.page = addFramedPage(this.pdf)
    this.bottom = NEXT_PAGE_BOTTOM
    this.y = this.continuationHeader(this.page)
  }

  gap(height: number) {
    this.y -= height
  }

  lines(lines: string[], style: TextStyle, align: 'left' | 'center' = 'left') {
    const height = lineHeight(style)
    for (const line of lines) {
      this.reserve(height)
      this.y -= height
      const width = style.font.widthOfTextAtSize(line, style.size)
      const x = align === 'center' ? (PAGE_WIDTH - width) / 2 : MARGIN
      draw(this.page, line, x, this.y, style)
    }
  }

  /** A two-column line: `left` at the margin, `right` starting at `rightX` from the margin. */
  row(left: string, right: string, leftStyle: TextStyle, rightStyle: TextStyle, rightX: number) {
    const height = Math.max(lineHeight(leftStyle), lineHeight(rightStyle))
    this.reserve(height)
    this.y -= height
    const gutter = 8
    const leftText = truncate(left, leftStyle.font, leftStyle.size, rightX - gutter)
    const rightText = truncate(right, rightStyle.font, rightStyle.size, CONTENT_WIDTH - rightX)
    draw(this.page, leftText, MARGIN, this.y, leftStyle)
    draw(this.page, rightText, MARGIN + rightX, this.y, rightStyle)
  }

  rule(width = CONTENT_WIDTH, color = HAIRLINE, thickness = 0.75) {
    const x = (PAGE_WIDTH - width) / 2
    this.page.drawLine({
      start: { x, y: this.y },
      end: { x: x + width, y: this.y },
      thickness,
      color,
    })
  }
}

const BADGE_PDF_SIZE = 72

/** Hex colour (#rrggbb) to a pdf-lib colour. */
function hexColour(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16)
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255)
}

/**
 * The achievement's badge with its top-left corner at (x, top): pdf-lib cannot draw an SVG
 * document, but it draws SVG paths (y downwards from the point given), so the same hexagons,
 * colour and text as the web image.
 */
function drawBadge(
  page: PDFPage,
  badge: Badge,
  x: number,
  top: number,
  bold: PDFFont,
  regular: PDFFont,
) {
  const scale = BADGE_PDF_SIZE / BADGE_SIZE
  page.drawSvgPath(BADGE_HEXAGON, {
    x,
    y: top,
    scale,
    color: hexColour(coreTaskColour(badge.coreTaskCode)),
  })
  page.drawSvgPath(BADGE_INNER_HEXAGON, {
    x,
    y: top,
    scale,
    borderColor: rgb(1, 1, 1),
    borderOpacity: 0.6,
    borderWidth: 2 * scale,
  })
  const white = rgb(1, 1, 1)
  const centre = x + BADGE_PDF_SIZE / 2
  const code = toWinAnsi(badge.code)
  const codeSize = codeFontSize(badge.code) * scale
  page.drawText(code, {
    x: centre - bold.widthOfTextAtSize(code, codeSize) / 2,
    y: top - 66 * scale,
    font: bold,
    size: codeSize,
    color: white,
  })
  const level = BADGE_LEVEL_TEXT[badge.level]
  const levelSize = 8 * scale
  page.drawText(level, {
    x: centre - regular.widthOfTextAtSize(level, levelSize) / 2,
    y: top - 84 * scale,
    font: regular,
    size: levelSize,
    color: white,
  })
}

export async function renderCertificatePdf(view: CertificateView): Promise<Uint8Array> {
  const labels = LABELS[view.locale]
  // No automatic producer or "now" dates: equal input must give equal bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.setTitle(`${view.achievementName} (${view.humanCode})`, { showInWindowTitleBar: true })
  pdf.setAuthor(view.issuerName)
  pdf.setSubject(`${labels.subject(view.recipientName)}: ${view.levelLabel} ${view.humanCode}`)
  pdf.setLanguage(labels.languageTag)
  pdf.setCreator(PRODUCER)
  pdf.setProducer(PRODUCER)
  pdf.setCreationDate(view.issuedAt)
  pdf.setModificationDate(view.issuedAt)

  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const style = (font: PDFFont, size: number, color: RGB, leading?: number): TextStyle => ({
    font,
    size,
    color,
    leading,
  })
  const formatDate = (date: Date) => formatAmsterdam(date, view.locale)

  const continuationHeader = (page: PDFPage) => {
    const header = `${labels.title} · ${view.recipientName} · ${view.humanCode} (${labels.continued})`
    const y = PAGE_HEIGHT - MARGIN - 9
    draw(page, truncate(header, regular, 9, CONTENT_WIDTH), MARGIN, y, style(regular, 9, MUTED))
    page.drawLine({
      start: { x: MARGIN, y: y - 8 },
      end: { x: MARGIN + CONTENT_WIDTH, y: y - 8 },
      thickness: 0.75,
      color: HAIRLINE,
    })
    return y - 20
  }
  const flow = new Flow(pdf, continuationHeader)
  const firstPage = flow.page
  const centered = (text: string, textStyle: TextStyle, width = CONTENT_WIDTH) =>
    flow.lines(wrapText(text, textStyle.font, textStyle.size, width), textStyle, 'center')

  // The declaration, centred like a traditional certificate.
  centered(view.issuerName, style(bold, 10, ACCENT))
  flow.gap(26)
  centered(labels.title, style(bold, 32, INK))
  flow.gap(12)
  flow.rule(48, ACCENT, 1.5)
  flow.gap(22)
  centered(labels.intro(view.issuerName), style(regular, 12, MUTED))
  flow.gap(8)
  // Shrink a long name before wrapping it: a name on one line reads better.
  const nameText = toWinAnsi(view.recipientName)
  let nameSize = 26
  while (nameSize > 18 && bold.widthOfTextAtSize(nameText, nameSize) > CONTENT_WIDTH) nameSize--
  centered(nameText, style(bold, nameSize, INK, 1.25))
  flow.gap(8)
  centered(labels.demonstrated, style(regular, 12, MUTED))
  flow.gap(14)
  flow.reserve(BADGE_PDF_SIZE)
  drawBadge(flow.page, view.badge, (PAGE_WIDTH - BADGE_PDF_SIZE) / 2, flow.y, bold, regular)
  flow.gap(BADGE_PDF_SIZE + 10)
  centered(`${view.levelLabel} · ${view.humanCode}`, style(bold, 10, ACCENT))
  flow.gap(4)
  centered(view.achievementName, style(bold, 17, INK, 1.3), CONTENT_WIDTH - 40)
  flow.gap(6)
  centered(view.frameworkName, style(regular, 9.5, MUTED), CONTENT_WIDTH - 40)
  flow.gap(20)
  flow.rule()

  // The details, left-aligned for reading.
  const heading = style(bold, 9, ACCENT)
  const body = style(regular, 10.5, INK, 1.45)
  flow.gap(14)
  // Keep the heading together with the first lines of what it introduces.
  flow.reserve(lineHeight(heading) + 2 * lineHeight(body))
  flow.lines([labels.criteria], heading)
  flow.lines(wrapText(view.criteriaNarrative, regular, body.size, CONTENT_WIDTH), body)

  flow.gap(14)
  const dateLabel = style(regular, 10, MUTED)
  const dateValue = style(bold, 10.5, INK)
  flow.row(labels.issuedOn, formatDate(view.issuedAt), dateLabel, dateValue, 110)
  if (view.validUntil) {
    flow.row(labels.validUntil, formatDate(view.validUntil), dateLabel, dateValue, 110)
  }

  const includes = view.includes ?? []
  if (includes.length > 0) {
    const code = style(bold, 9.5, INK)
    const name = style(regular, 9.5, INK)
    // Align the names in a column after the widest code, but never let codes take over a third.
    const widestCode = Math.max(
      ...includes.map((i) => bold.widthOfTextAtSize(toWinAnsi(i.code), 9.5)),
    )
    const nameX = Math.min(widestCode, CONTENT_WIDTH / 3) + 12
    flow.gap(14)
    flow.reserve(lineHeight(heading) + lineHeight(name))
    flow.lines([labels.includes], heading)
    for (const item of includes) flow.row(item.code, item.name, code, name, nameX)
  }

  // Verification footer on the first page: QR code with the URL written out beside it.
  const qrPng = await QRCode.toBuffer(view.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
  })
  const qr = await pdf.embedPng(qrPng)
  firstPage.drawLine({
    start: { x: MARGIN, y: MARGIN + QR_SIZE + 12 },
    end: { x: MARGIN + CONTENT_WIDTH, y: MARGIN + QR_SIZE + 12 },
    thickness: 0.75,
    color: HAIRLINE,
  })
  firstPage.drawImage(qr, { x: MARGIN, y: MARGIN, width: QR_SIZE, height: QR_SIZE })
  const textX = MARGIN + QR_SIZE + 14
  const walletWidth = view.walletUrl ? WALLET_QR_SIZE + WALLET_TEXT_WIDTH + 20 : 0
  const textWidth = CONTENT_WIDTH - QR_SIZE - 14 - walletWidth
  if (view.walletUrl) {
    // A link to the learner's wallet page, not an offer: paper outlives a 10-minute code.
    const walletPng = await QRCode.toBuffer(view.walletUrl, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 1,
    })
    const walletQr = await pdf.embedPng(walletPng)
    const qrX = MARGIN + CONTENT_WIDTH - WALLET_QR_SIZE
    firstPage.drawImage(walletQr, {
      x: qrX,
      y: MARGIN,
      width: WALLET_QR_SIZE,
      height: WALLET_QR_SIZE,
    })
    const walletX = qrX - WALLET_TEXT_WIDTH - 8
    let walletY = MARGIN + QR_SIZE - 10
    draw(firstPage, toWinAnsi(labels.wallet), walletX, walletY, style(bold, 8.5, INK))
    for (const line of wrapText(view.walletUrl, regular, 7.5, WALLET_TEXT_WIDTH)) {
      walletY -= 10
      draw(firstPage, line, walletX, walletY, style(regular, 7.5, ACCENT))
    }
  }
  let y = MARGIN + QR_SIZE - 10
  draw(firstPage, toWinAnsi(labels.verify), textX, y, style(bold, 10, INK))
  for (const line of wrapText(view.verifyUrl, regular, 9, textWidth)) {
    y -= 13
    draw(firstPage, line, textX, y, style(regular, 9, ACCENT))
  }
  y -= 16
  const recordLine = truncate(`${labels.recordId}: ${view.recordId}`, regular, 7.5, textWidth)
  draw(firstPage, recordLine, textX, y, style(regular, 7.5, MUTED))

  // Page numbers only when the includes or narrative ran over; a continuation page also repeats
  // the record id, as its only link back to the record once the sheets are separated.
  const pages = pdf.getPages()
  if (pages.length > 1) {
    const small = style(regular, 7.5, MUTED)
    pages.forEach((page, index) => {
      const number = labels.page(index + 1, pages.length)
      const width = regular.widthOfTextAtSize(number, small.size)
      draw(page, number, PAGE_WIDTH - MARGIN - width, PAGE_NUMBER_BASELINE, small)
      if (index > 0) draw(page, recordLine, MARGIN, PAGE_NUMBER_BASELINE, small)
    })
  }

  return pdf.save()
}
