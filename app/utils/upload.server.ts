/**
 * Refuse a request body over a size before reading it: `request.formData()` buffers the whole
 * body, so the limit must be checked on the declared length (and a body without one refused).
 */
export function assertBodyWithin(request: Request, maxBytes: number) {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (!Number.isFinite(declared) || declared > maxBytes) {
    throw new Response('Request body too large', { status: 413 })
  }
}

/** A form's file field, or null when none was chosen (browsers send an empty file then). */
export function fileField(form: FormData, name: string): File | null {
  const value = form.get(name)
  return value instanceof File && value.size > 0 ? value : null
}

/** The declared body length of a request, or null when it has none (or a malformed one). */
export function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length')
  if (header === null || !/^\d{1,15}$/.test(header)) return null
  return Number(header)
}
