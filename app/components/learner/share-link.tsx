import { useId, useRef, useState } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * A link to share, whole and readable in a read-only field, with a button that copies it. The
 * clipboard API needs a secure context and permission; where it is missing or refused the text
 * is selected instead and the person is told to copy it themselves. Without JavaScript the field
 * still shows the link.
 */
export function ShareLink({ label, url }: { label: string; url: string }) {
  const { t } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [status, setStatus] = useState<'copied' | 'selected' | null>(null)
  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      setStatus('copied')
    } catch {
      input.current?.focus()
      input.current?.select()
      setStatus('selected')
    }
  }
  return (
    <div className="field share">
      <label htmlFor={id}>{label}</label>
      <div className="share-field">
        <input id={id} ref={input} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button secondary small" onClick={copy}>
          {t('learner.records.copy')}
        </button>
      </div>
      <p className="share-status" role="status">
        {status === 'copied'
          ? t('learner.records.copied')
          : status === 'selected'
            ? t('learner.records.copySelected')
            : null}
      </p>
    </div>
  )
}
