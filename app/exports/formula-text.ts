/**
 * Text that Excel and LibreOffice would run as a formula when it is imported or edited: the
 * OWASP CSV-injection list of first characters. One rule for both exports: CSV puts a `'`
 * before such text; XLSX writes it as a text cell with the Text number format.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text)
}
