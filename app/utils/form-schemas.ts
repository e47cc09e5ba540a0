import { z } from 'zod'

/**
 * Field schemas shared by the forms. Error messages are i18n message keys; the form
 * components translate them, so the same schema serves the server and the browser.
 */
export const EmailSchema = z
  .string({ required_error: 'form.required' })
  .trim()
  .max(254, 'form.tooLong')
  .email('form.email.invalid')

export const PasswordSchema = z
  .string({ required_error: 'form.required' })
  .min(10, 'form.password.tooShort')
  .max(200, 'form.tooLong')

export const ConfirmPasswordSchema = z
  .string({ required_error: 'form.required' })
  .max(200, 'form.tooLong')

/** `.refine(...passwordsMatch)` on a form with password + confirmPassword. */
export const passwordsMatch: [
  (v: { password: string; confirmPassword: string }) => boolean,
  { path: string[]; message: string },
] = [
  (v) => v.password === v.confirmPassword,
  { path: ['confirmPassword'], message: 'form.password.mismatch' },
]

export const NameSchema = z
  .string({ required_error: 'form.required' })
  .trim()
  .min(2, 'form.name.tooShort')
  .max(100, 'form.tooLong')

/** Same-site paths only: a crafted link must not send people to another site after login. */
export function safeRedirect(to: unknown, fallback = '/dashboard'): string {
  if (
    typeof to !== 'string' ||
    !to.startsWith('/') ||
    to.startsWith('//') ||
    to.startsWith('/\\')
  ) {
    return fallback
  }
  return to
}
