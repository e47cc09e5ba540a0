import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib'
import { describe, expect, test, vi } from 'vitest'
import { drawnLines } from '#tests/pdf-text.ts'
import {
  renderCertificatePdf,
  toWinAnsi,
  wrapText,
  type CertificateView,
} from './certificate-pdf.server.ts'

const view: CertificateView = {
  locale: 'nl',
  recipientName: 'Lotte Visser',
  achievementName: 'Coacht medewerkers op kwaliteit en targets',
  humanCode: 'TL-K2-W3',
  badge: { code: 'TL-K2-W3', level: 'work_process', coreTaskCode: 'TL-K2' },
  levelLabel: 'Werkproces',
  frameworkName:
    'Kwalificatiedossier Contactcenter teamleider, crebo 22165 (editie 2007, versie 1)',
  criteriaNarrative:
    'De teamleider voert regelmatig coachingsgesprekken met medewerkers over de kwaliteit van ' +
    'hun klantcontacten en hun resultaten ten opzichte van de targets. Hij of zij bespreekt ' +
    'concrete gesprekken, geeft feedback op gedrag, maakt afspraken over verbeterpunten en ' +
    'volgt die aantoonbaar op. De medewerker weet na afloop wat goed ging, wat beter kan en ' +
    'hoe de bijdrage aan het serviceniveau van ≥ 80% binnen 20 s wordt gemeten.',
  issuerName: 'Leerplein Contactcenter',
  // 23:30 UTC is already the next day in Amsterdam (CET, UTC+1).
  issuedAt: new Date('2025-03-02T23:30:00Z'),
  validUntil: null,
  verifyUrl: 'http://localhost:3000/records/0b6f6c1e-9d8a-4f3b-a7c2-5e1d2f3a4b5c',
  recordId: '0b6f6c1e-9d8a-4f3b-a7c2-5e1d2f3a4b5c',
}

/** pdf-lib can set the document language but has no getter for it. */
function language(pdf: PDFDocument) {
  return pdf.catalog.get(PDFName.of('Lang'))?.toString()
}

describe('renderCertificatePdf', () => {
  test('renders one A4 page with metadata for a normal certificate', async () => {
    const bytes = await renderCertificatePdf(view)
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(pdf.getPageCount()).toBe(1)
    const { width, height } = pdf.getPage(0).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842])
    expect(pdf.getTitle()).toBe('Coacht medewerkers op kwaliteit en targets (TL-K2-W3)')
    expect(pdf.getAuthor()).toBe('Leerplein Contactcenter')
    expect(pdf.getSubject()).toBe('Certificaat voor Lotte Visser: Werkproces TL-K2-W3')
    expect(pdf.getProducer()).toBe('Leerplein Contactcenter')
    expect(pdf.getCreationDate()).toEqual(view.issuedAt)
    expect(language(pdf)).toBe('(nl-NL)')
  })

  test('draws the certificate text, with the issue date in Amsterdam time', async () => {
    const [lines = []] = await drawnLines(await renderCertificatePdf(view))
    expect(lines).toEqual(
      expect.arrayContaining([
        'Leerplein Contactcenter',
        'Certificaat',
        'Hierbij verklaart Leerplein Contactcenter dat',
        'Lotte Visser',
        'heeft aangetoond:',
        'Werkproces · TL-K2-W3',
        'Coacht medewerkers op kwaliteit en targets',
        'Uitgegeven op',
        '3 maart 2025',
        'Controleer de echtheid:',
        'http://localhost:3000/records/0b6f6c1e-9d8a-4f3b-a7c2-5e1d2f3a4b5c',
        'Record-ID: 0b6f6c1e-9d8a-4f3b-a7c2-5e1d2f3a4b5c',
      ]),
    )
    expect(lines).not.toContain('Geldig tot')
    // The narrative is wrapped over several lines, with '≥' made drawable.
    const text = lines.join(' ')
    expect(text).toContain('serviceniveau van >= 80% binnen 20 s wordt gemeten.')
    expect(text).toContain('De teamleider voert regelmatig coachingsgesprekken')
  })

  test('renders English labels and the validity date', async () => {
    const en = await renderCertificatePdf({
      ...view,
      locale: 'en',
      levelLabel: 'Work process',
      validUntil: new Date('2028-03-03T12:00:00Z'),
    })
    const [lines = []] = await drawnLines(en)
    expect(lines).toEqual(
      expect.arrayContaining([
        'Certificate',
        'Leerplein Contactcenter certifies that',
        'has demonstrated:',
        'Issued on',
        '3 March 2025',
        'Valid until',
        '3 March 2028',
        'Verify authenticity:',
      ]),
    )
    const pdf = await PDFDocument.load(en, { updateMetadata: false })
    expect(language(pdf)).toBe('(en-GB)')

    const nl = await renderCertificatePdf({ ...view, validUntil: new Date('2028-03-03') })
    expect(Buffer.from(nl).equals(Buffer.from(en))).toBe(false)
    expect((await drawnLines(nl))[0]).toEqual(expect.arrayContaining(['Geldig tot']))
  })

  test('equal input gives equal bytes, whenever it is rendered', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date('2030-01-01T08:00:00Z'))
      const first = await renderCertificatePdf(view)
      vi.setSystemTime(new Date('2031-06-15T17:45:00Z'))
      const second = await renderCertificatePdf(view)
      expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  test('continues a long includes list on a second page', async () => {
    const includes = Array.from({ length: 40 }, (_, i) => ({
      code: `TL-K${Math.floor(i / 10) + 1}-W${(i % 10) + 1}`,
      name:
        i === 0
          ? 'Een opzettelijk zeer lange naam van een werkproces die nooit op één regel past ' +
            'naast de code en daarom netjes wordt afgekapt met een beletselteken'
          : `Werkproces nummer ${i + 1}`,
    }))
    const bytes = await renderCertificatePdf({ ...view, levelLabel: 'Kwalificatie', includes })

    const pages = await drawnLines(bytes)
    expect(pages.length).toBeGreaterThan(1)
    const lines = pages.flat()
    for (const item of includes) expect(lines).toContain(item.code)
    expect(lines).toContain('Werkproces nummer 40')
    expect(lines.some((line) => line.startsWith('Een opzettelijk') && line.endsWith('…'))).toBe(
      true,
    )
    expect(pages[0]).toContain(`Pagina 1 van ${pages.length}`)
    expect(pages[1]).toContain(`Pagina 2 van ${pages.length}`)
    expect(pages[1]).toContain('Certificaat · Lotte Visser · TL-K2-W3 (vervolg)')
    // The verification footer stays on the first page.
    expect(pages[0]).toContain('Controleer de echtheid:')
  })

  test("links the learner's wallet page beside the verification code when asked", async () => {
    const walletUrl = `${view.verifyUrl}/wallet`
    const [lines = []] = await drawnLines(await renderCertificatePdf({ ...view, walletUrl }))
    expect(lines).toContain('In je wallet zetten:')
    expect(lines.join('')).toContain(walletUrl)
    const [without = []] = await drawnLines(await renderCertificatePdf(view))
    expect(without).not.toContain('In je wallet zetten:')
  })

  test('never throws on characters Helvetica cannot draw', async () => {
    const bytes = await renderCertificatePdf({
      ...view,
      recipientName: 'Zoë Şahin-Łukasik 🙂',
      achievementName: 'Wachttijd ≤ 20 s → klant tevreden',
      criteriaNarrative: 'Regel één\nregel\u00a0twee met\u202fsmalle spatie en 中文',
      includes: [{ code: 'X→Y', name: '≠ gelijk' }],
    })
    const lines = (await drawnLines(bytes)).flat()
    expect(lines).toContain('Zoë Sahin-Lukasik ?')
    expect(lines).toContain('Wachttijd <= 20 s -> klant tevreden')
  })
})

describe('toWinAnsi', () => {
  test('maps typographic characters WinAnsi lacks to readable stand-ins', () => {
    expect(toWinAnsi('≥ 80% → 20 s')).toBe('>= 80% -> 20 s')
    expect(toWinAnsi('≤ 5 − 2 ≠ 4')).toBe('<= 5 - 2 != 4')
    expect(toWinAnsi('20\u00a0s, 10\u202f%, tab\there')).toBe('20 s, 10 %, tab here')
    expect(toWinAnsi('zero\u200bwidth, soft\u00adhyphen')).toBe('zerowidth, softhyphen')
  })

  test('leaves Dutch text and what WinAnsi has unchanged', () => {
    const dutch = 'Café “één” – ’s avonds ‘kwaliteit’ — ruïne, coördinatie, € 12,50 • 3…'
    expect(toWinAnsi(dutch)).toBe(dutch)
    // A decomposed é (e + combining acute) is composed rather than lost.
    expect(toWinAnsi('Cafe\u0301')).toBe('Café')
  })

  test('keeps the base letter of accented letters and replaces the rest with ?', () => {
    expect(toWinAnsi('Şahin Łukasik Erdoğan Dvořák')).toBe('Sahin Lukasik Erdogan Dvorák')
    expect(toWinAnsi('ﬁle')).toBe('file')
    expect(toWinAnsi('中 🙂 ✓')).toBe('? ? ?')
  })

  test('output is always encodable by Helvetica', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const encodable = new Set(font.getCharacterSet())
    const everything = Array.from({ length: 0x3000 }, (_, code) => String.fromCodePoint(code))
    const output = toWinAnsi(everything.join('') + '😀𝔸')
    const bad = [...output].filter((char) => !encodable.has(char.codePointAt(0) ?? 0))
    expect(bad).toEqual([])
    expect(() => font.encodeText(output)).not.toThrow()
  })
})

describe('wrapText', () => {
  test('wraps to the width without losing or reordering words', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const lines = wrapText(view.criteriaNarrative, font, 10.5, 300)
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10.5)).toBeLessThanOrEqual(300)
    expect(lines.join(' ')).toBe(toWinAnsi(view.criteriaNarrative))
  })

  test('starts a new line at line breaks and splits a word wider than a line', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    expect(wrapText('één\ntwee\r\n\r\ndrie', font, 10, 500)).toEqual(['één', 'twee', 'drie'])
    const url = `http://localhost:3000/records/${'a'.repeat(80)}`
    const lines = wrapText(`zie ${url}`, font, 9, 150)
    expect(lines[0]).toBe('zie')
    expect(lines.slice(1).join('')).toBe(url)
    for (const line of lines) expect(font.widthOfTextAtSize(line, 9)).toBeLessThanOrEqual(150)
  })
})
