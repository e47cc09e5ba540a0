import { ErrorList } from '#app/components/forms.tsx'
import { ROLES, type Role } from '#app/auth/roles.ts'
import { ROLE_LABEL } from '#app/i18n/labels.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/** The roles someone gets in the organisation, as inviting and editing a member both ask them. */
export function RolesFieldset({
  checked,
  meta,
}: {
  checked: (role: Role) => boolean
  meta?: { errorId: string; errors?: string[] }
}) {
  const { t } = useTranslation()
  return (
    <fieldset>
      <legend>{t('org.roles')}</legend>
      {ROLES.map((role) => (
        <label key={role} className="check">
          <input type="checkbox" name="roles" value={role} defaultChecked={checked(role)} />{' '}
          {t(ROLE_LABEL[role])}
        </label>
      ))}
      <ErrorList id={meta?.errorId} errors={meta?.errors} />
    </fieldset>
  )
}
