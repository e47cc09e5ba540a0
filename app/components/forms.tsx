import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { CircleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { Notice as UiNotice, type NoticeKind } from '#app/components/ui/notice.tsx'
import { isTextKey } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** Errors are message keys from the shared zod schemas (or plain text from the server). */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <div id={id} role="alert">
      <ul className="field-errors">
        {errors.map((e) => (
          <li key={e}>
            <CircleAlert className="icon" size={16} aria-hidden="true" />
            {isTextKey(e) ? t(e) : e}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The end of a form: what is wrong with the form as a whole, then the button that sends it. */
export function FormSubmit({
  form,
  name,
  value,
  className = 'button',
  children,
}: {
  form: { errorId: string; errors?: string[] }
  name?: string
  value?: string
  className?: string
  children: ReactNode
}) {
  return (
    <>
      <ErrorList id={form.errorId} errors={form.errors} />
      <button type="submit" name={name} value={value} className={className}>
        {children}
      </button>
    </>
  )
}

/**
 * What a form's action reports back, e.g. "saved": a success by default (green, announced by
 * screen readers). Other kinds, and notices that are not about a form, use ui/notice.tsx.
 */
export function Notice({ kind = 'success', children }: { kind?: NoticeKind; children: ReactNode }) {
  return <UiNotice kind={kind}>{children}</UiNotice>
}

/** A select bound to a Conform field, its options given as children, with the field's errors. */
export function SelectField({
  label,
  meta,
  defaultValue,
  hint,
  children,
}: {
  label: string
  meta: FieldMetadata<string | undefined>
  /** What is chosen at first; the field's initial value (or nothing) when left out. */
  defaultValue?: string
  hint?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p className="hint">{hint}</p> : null}
      <select
        id={meta.id}
        name={meta.name}
        defaultValue={defaultValue ?? String(meta.initialValue ?? '')}
        aria-describedby={meta.errors ? meta.errorId : undefined}
      >
        {children}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/**
 * A text input, or a textarea when `rows` is given, bound to a Conform field by id, name and
 * initial value only: unlike Field, no constraint attributes (for rows a form may leave empty).
 */
export function PlainTextField({
  label,
  meta,
  rows,
}: {
  label: string
  meta: FieldMetadata<string | undefined>
  rows?: number
}) {
  const props = {
    id: meta.id,
    name: meta.name,
    defaultValue: String(meta.initialValue ?? ''),
    'aria-describedby': meta.errors ? meta.errorId : undefined,
  }
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {rows ? <textarea {...props} rows={rows} /> : <input {...props} />}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/** A select that is not a Conform field: a plain choice with "—" (or `empty`) for none. */
export function PlainSelect({
  id,
  label,
  name,
  defaultValue = '',
  empty = '—',
  options,
}: {
  id: string
  label: string
  name: string
  defaultValue?: string
  empty?: string
  options: Array<{ value: string; label: ReactNode }>
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A checkbox with its label after it, the way the trainer area's pickers list choices. */
export function Checkbox({
  id,
  name,
  value,
  defaultChecked,
  children,
}: {
  id: string
  name: string
  value?: string
  defaultChecked: boolean
  children: ReactNode
}) {
  return (
    <div className="field checkbox">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={defaultChecked} />
      <label htmlFor={id}>{children}</label>
    </div>
  )
}

type InputType = 'text' | 'email' | 'password' | 'search' | 'date' | 'number'

export function Field({
  label,
  meta,
  type = 'text',
  autoComplete,
  hint,
}: {
  label: string
  meta: FieldMetadata<string | undefined>
  type?: InputType
  autoComplete?: string
  hint?: string
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined
  const input = getInputProps(meta, { type })
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        key={input.key}
        autoComplete={autoComplete}
        aria-describedby={
          [hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined
        }
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/** A new password and its confirmation, as every form that sets a password asks them. */
export function NewPasswordFields({
  password,
  confirmPassword,
}: {
  password: FieldMetadata<string | undefined>
  confirmPassword: FieldMetadata<string | undefined>
}) {
  const { t } = useTranslation()
  return (
    <>
      <Field
        label={t('form.newPassword')}
        meta={password}
        type="password"
        autoComplete="new-password"
        hint={t('form.password.hint')}
      />
      <Field
        label={t('form.confirmPassword')}
        meta={confirmPassword}
        type="password"
        autoComplete="new-password"
      />
    </>
  )
}
