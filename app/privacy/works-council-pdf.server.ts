import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { toWinAnsi, wrapText } from '#app/records/certificate-pdf.server.ts'
import { translator } from '#app/i18n/i18n.ts'
import type { PackBlock, WorksCouncilDocument } from './works-council-document.ts'

/**
 * The works-council pack as an A4 PDF, drawn with the certificate's approach: the standard
 * Helvetica fonts (WinAnsi covers Dutch: ë, é, ’, €), our own word wrap, and a flow that starts
 * a new page when the next line does not fit, so any length of text runs on over pages.
 */

const PRODUCER = 'Leerplein Contactcenter'
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4
const MARGIN = 56
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
const TOP = PAGE_HEIGHT - MARGIN
// Room at the bottom for the page number.
const BOTTOM = MARGIN + 10
const BULLET_INDENT = 14
const LABEL_WIDTH = 170
const GUTTER = 12

const INK = rgb(0.13, 0.15, 0.18)
const MUTED = rgb(0.4, 0.44, 0.49)
const ACCENT = rgb(0.07, 0.35, 0.45)
const HAIRLINE = rgb(0.8, 0.83, 0.86)

type Style = { font: PDFFont; size: number; color: typeof INK }
const leading = (style: Style) => style.size * 1.4

class Flow {
  page: PDFPage
  y = TOP

  constructor(
    private readonly pdf: PDFDocument,
    private readonly header: (page: PDFPage) => number,
  ) {
    this.page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT])
  }

  /** Keeps the next `height` points on one page, starting a new page if needed. */
  reserve(height: number) {
    if (this.y - height >= BOTTOM) return
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT])
    this.y = this.header(this.page)
  }

  gap(height: number) {
    this.y -= height
  }

  /** Lines at x, each on the page where it fits. */
  lines(lines: string[], style: Style, x = MARGIN) {
    for (const line of lines) {
      this.reserve(leading(style))
      this.y -= leading(style)
      this.page.drawText(line, { x, y: this.y, ...style })
    }
  }

  /** Two wrapped columns side by side, kept together when they fit on one page. */
  columns(left: string[], right: string[], leftStyle: Style, rightStyle: Style) {
    const height = Math.max(left.length * leading(leftStyle), right.length * leading(rightStyle))
    if (height <= TOP - BOTTOM) this.reserve(height)
    const rows = Math.max(left.length, right.length)
    for (let i = 0; i < rows; i++) {
      const lineHeight = Math.max(leading(leftStyle), leading(rightStyle))
      this.reserve(lineHeight)
      this.y -= lineHeight
      if (left[i]) this.page.drawText(left[i]!, { x: MARGIN, y: this.y, ...leftStyle })
      if (right[i])
        this.page.drawText(right[i]!, {
          x: MARGIN + LABEL_WIDTH + GUTTER,
          y: this.y,
          ...rightStyle,
        })
    }
  }
}

export async function renderWorksCouncilPdf(
  document: WorksCouncilDocument,
  meta: { organisation: string; generatedAt: Date },
): Promise<Uint8Array> {
  const t = translator(document.locale)
  // No automatic "now": the same settings at the same moment give the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.setTitle(`${document.title}: ${meta.organisation}`, { showInWindowTitleBar: true })
  pdf.setAuthor(meta.organisation)
  pdf.setSubject(document.subtitle)
  pdf.setLanguage(document.locale === 'nl' ? 'nl-NL' : 'en-GB')
  pdf.setCreator(PRODUCER)
  pdf.setProducer(PRODUCER)
  pdf.setCreationDate(meta.generatedAt)
  pdf.setModificationDate(meta.generatedAt)

  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const title: Style = { font: bold, size: 20, color: INK }
  const subtitle: Style = { font: regular, size: 10, color: MUTED }
  const heading: Style = { font: bold, size: 13, color: ACCENT }
  const subheading: Style = { font: bold, size: 10.5, color: INK }
  const body: Style = { font: regular, size: 10, color: INK }
  const label: Style = { font: bold, size: 9.5, color: INK }
  const small: Style = { font: regular, size: 8, color: MUTED }
  const wrap = (text: string, style: Style, width = CONTENT_WIDTH) =>
    wrapText(text, style.font, style.size, width)

  const runningHeader = toWinAnsi(`${document.title} · ${meta.organisation}`)
  const header = (page: PDFPage) => {
    const y = TOP - small.size
    page.drawText(runningHeader, { x: MARGIN, y, ...small })
    page.drawLine({
      start: { x: MARGIN, y: y - 6 },
      end: { x: MARGIN + CONTENT_WIDTH, y: y - 6 },
      thickness: 0.75,
      color: HAIRLINE,
    })
    return y - 14
  }
  const flow = new Flow(pdf, header)

  flow.lines(wrap(document.title, title), title)
  flow.gap(2)
  flow.lines(wrap(document.subtitle, subtitle), subtitle)

  const drawBlock = (block: PackBlock) => {
    switch (block.kind) {
      case 'paragraph':
        flow.lines(wrap(block.text, body), body)
        flow.gap(5)
        return
      case 'subheading':
        flow.gap(4)
        // A subheading never ends a page: keep it with two lines of what follows.
        flow.reserve(leading(subheading) + 2 * leading(body))
        flow.lines(wrap(block.text, subheading), subheading)
        flow.gap(2)
        return
      case 'list':
        for (const item of block.items) {
          const [first = '', ...rest] = wrap(item, body, CONTENT_WIDTH - BULLET_INDENT)
          flow.reserve(leading(body))
          flow.page.drawText('•', { x: MARGIN + 3, y: flow.y - leading(body), ...body })
          flow.lines([first], body, MARGIN + BULLET_INDENT)
          flow.lines(rest, body, MARGIN + BULLET_INDENT)
          flow.gap(2)
        }
        flow.gap(4)
        return
      case 'facts':
        for (const item of block.items) {
          flow.columns(
            wrap(item.label, label, LABEL_WIDTH),
            wrap(item.value, body, CONTENT_WIDTH - LABEL_WIDTH - GUTTER),
            label,
            body,
          )
          flow.gap(3)
        }
        flow.gap(4)
        return
    }
  }

  for (const section of document.sections) {
    flow.gap(14)
    flow.reserve(leading(heading) + 2 * leading(body))
    flow.lines(wrap(section.heading, heading), heading)
    flow.gap(4)
    for (const block of section.blocks) drawBlock(block)
  }

  const pages = pdf.getPages()
  pages.forEach((page, index) => {
    const number = toWinAnsi(t('wc.page', { page: index + 1, pages: pages.length }))
    const width = regular.widthOfTextAtSize(number, small.size)
    page.drawText(number, { x: PAGE_WIDTH - MARGIN - width, y: MARGIN - 20, ...small })
  })
  return pdf.save()
}
