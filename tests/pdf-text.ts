import { PDFArray, PDFDocument, PDFRawStream, StandardFonts, decodePDFRawStream } from 'pdf-lib'

/**
 * pdf-lib cannot extract text, but it draws every line as one hex string shown with Tj in the
 * page's content stream, so decoding those gives the drawn lines.
 */
export async function drawnLines(bytes: Uint8Array): Promise<string[][]> {
  const pdf = await PDFDocument.load(bytes)
  // Decode WinAnsi bytes with pdf-lib's own encoding: Node's TextDecoder('windows-1252')
  // turns 0x80..0x9F (€, …, curly quotes) into Latin-1 control characters.
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const charByHex = new Map(
    font.getCharacterSet().map((code) => {
      const char = String.fromCodePoint(code)
      return [font.encodeText(char).toString().slice(1, -1), char]
    }),
  )
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents()
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents]
    const operators = refs
      .map((ref) => pdf.context.lookup(ref))
      .filter((stream) => stream instanceof PDFRawStream)
      .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
      .join('\n')
    return [...operators.matchAll(/<([0-9A-F]*)> Tj/g)].map((match) =>
      (match[1]?.match(/../g) ?? []).map((hex) => charByHex.get(hex) ?? '\ufffd').join(''),
    )
  })
}
