import { toCsv, type Table } from '#app/exports/csv.ts'
import { toXlsx } from '#app/exports/xlsx.server.ts'
import { isLocale, type Locale } from '#app/i18n/i18n.ts'
import { getLocale } from '#app/i18n/locale.server.ts'

/** The export's language: ?lang=nl|en, else the reader's. */
export function exportLocale(request: Request): Locale {
  const lang = new URL(request.url).searchParams.get('lang')
  return isLocale(lang) ? lang : getLocale(request)
}

const stamp = () => new Date().toISOString().slice(0, 10)

export function csvResponse(table: Table, locale: Locale, name: string) {
  return new Response(toCsv(table, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${stamp()}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

export function xlsxResponse(table: Table, sheet: string, name: string) {
  return new Response(toXlsx([{ name: sheet, ...table }]), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}-${stamp()}.xlsx"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
