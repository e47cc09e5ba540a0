/**
 * The browser side of a large upload in parts (docs/decisions/019): starts or resumes an
 * upload on /resources/uploads, sends only the parts the server does not have yet, retries
 * after a dropped connection, and completes it. The upload's id is remembered per file (name,
 * size, last change) in localStorage, so choosing the same file again after a reload resumes.
 */
type UploadState = {
  id: string
  partSize: number
  partCount: number
  status: string
  parts: number[]
}

/** Refused by the server: its message is for the reader; retrying will not help. */
export class UploadRefused extends Error {}

/** Larger files, and every recording, go in parts; the others through the form as before. */
export function needsUploadInParts(file: File, formMaxBytes: number): boolean {
  return file.size > formMaxBytes || file.type.startsWith('audio/')
}

function memoryKey(file: File) {
  return `upload:${file.name}:${file.size}:${file.lastModified}`
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { message?: string }
  if (!response.ok) {
    const message = body.message ?? `HTTP ${response.status}`
    // 5xx may pass; a refusal (4xx) will not.
    if (response.status < 500) throw new UploadRefused(message)
    throw new Error(message)
  }
  return body as T
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs a step again after a network error or a server error, with a growing pause. */
async function withRetries<T>(step: () => Promise<T>, onRetry: () => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step()
    } catch (error) {
      if (error instanceof UploadRefused || attempt >= 6) throw error
      onRetry()
      await wait(Math.min(30_000, 1000 * 2 ** attempt))
    }
  }
}

async function resumeOrStart(file: File): Promise<UploadState> {
  const remembered = localStorage.getItem(memoryKey(file))
  if (remembered) {
    const response = await fetch(`/resources/uploads/${encodeURIComponent(remembered)}`)
    if (response.ok) {
      const state = (await response.json()) as UploadState
      if (state.status === 'open' || state.status === 'completed') return state
    }
  }
  const state = await answer<UploadState>(
    await fetch('/resources/uploads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: file.name, size: file.size }),
    }),
  )
  localStorage.setItem(memoryKey(file), state.id)
  return state
}

/** Uploads the file in parts and returns the completed upload's id for the evidence form. */
export async function uploadInParts(
  file: File,
  onProgress: (fraction: number) => void,
  onRetry: () => void,
): Promise<string> {
  const state = await withRetries(() => resumeOrStart(file), onRetry)
  if (state.status === 'completed') {
    onProgress(1)
    return state.id
  }
  const stored = new Set(state.parts)
  onProgress(stored.size / state.partCount)
  for (let n = 1; n <= state.partCount; n++) {
    if (stored.has(n)) continue
    const part = file.slice((n - 1) * state.partSize, n * state.partSize)
    await withRetries(
      async () =>
        answer(
          await fetch(`/resources/uploads/${state.id}/parts/${n}`, { method: 'PUT', body: part }),
        ),
      onRetry,
    )
    stored.add(n)
    onProgress(stored.size / state.partCount)
  }
  await withRetries(
    async () => answer(await fetch(`/resources/uploads/${state.id}/complete`, { method: 'POST' })),
    onRetry,
  ).catch((error: unknown) => {
    // Refused (wrong type): the server deleted it, so the next choice starts afresh.
    if (error instanceof UploadRefused) localStorage.removeItem(memoryKey(file))
    throw error
  })
  return state.id
}
