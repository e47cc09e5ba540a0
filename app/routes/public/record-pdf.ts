import type { Route } from './+types/record-pdf'
import { env } from '#app/env.server.ts'
import { isLocale, translator } from '#app/i18n/i18n.ts'
import { RECORD_LEVEL_LABEL, textFor } from '#app/i18n/labels.ts'
import { getLocale } from '#app/i18n/locale.server.ts'
import { badgeOf } from '#app/records/achievement-badge.ts'
import { renderCertificatePdf } from '#app/records/certificate-pdf.server.ts'
import { criteriaLines } from '#app/records/criteria-narrative.ts'
import { recordUrl } from '#app/records/issuer.server.ts'
import { getRecordView } from '#app/records/record-view.server.ts'
import { invariantResponse } from '#app/utils/invariant.ts'

/** A printable certificate (?lang=nl|en), with a QR code to the public verification page. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const lang = new URL(request.url).searchParams.get('lang')
  const locale = isLocale(lang) ? lang : getLocale(request)
  const view = await getRecordView(params.recordId, locale)
  invariantResponse(view)
  // A revoked record gets no fresh certificate; its page says why.
  invariantResponse(view.status !== 'revoked', 'This record has been revoked', { status: 410 })
  // No name to print: the holder was erased.
  invariantResponse(!view.erased, 'The holder of this record had their data erased', {
    status: 410,
  })
  const t = translator(locale)
  const pdf = await renderCertificatePdf({
    locale,
    recipientName: view.recipientName,
    achievementName: view.title,
    humanCode: view.level === 'qualification' ? `crebo ${view.code}` : view.code,
    badge: badgeOf(view),
    levelLabel: textFor(t, RECORD_LEVEL_LABEL, view.level),
    frameworkName: view.framework,
    criteriaNarrative: criteriaLines(view.criteria),
    issuerName: env.ISSUER_NAME,
    issuedAt: view.issuedAt,
    validUntil: view.validUntil,
    verifyUrl: recordUrl(view.id),
    walletUrl: `${recordUrl(view.id)}/wallet`,
    recordId: view.id,
    includes: view.bundled.map((b) => ({ code: b.code, name: b.name })),
  })
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="certificaat-${view.code}-${locale}.pdf"`,
    },
  })
}
