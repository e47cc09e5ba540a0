import { objectStorage } from '#app/storage/object-storage.server.ts'
import { isObjectKey } from '#app/storage/object-key.ts'
import { sealedBox } from '#app/utils/sealed-box.server.ts'
import { readTabularFile, TABULAR_LIMITS, TabularFileRefused } from './tabular-file.server.ts'

/**
 * An import file kept between the steps of an import (mapping, dry run, import) without
 * asking the browser to send it again and without trusting what the browser sends back: the
 * bytes go to object storage under a random key, and the page carries a sealed ticket (AES-GCM,
 * bound to the organisation and the person) naming that key. A forged or foreign ticket does
 * not open, so nobody can point an import at someone else's file. The object is deleted once
 * the import is written; tickets expire after a day.
 */
const box = sealedBox({ envVar: 'IMPORT_TICKET_KEY', defaultFileName: 'import-ticket.key' })
const TICKET_HOURS = 24

export type HeldUpload = { key: string; fileName: string; size: number }

const binding = (organisationId: string, userId: string) => `${organisationId}|${userId}`

export async function holdUpload(
  organisationId: string,
  userId: string,
  file: { bytes: Uint8Array; name: string },
) {
  const key = await objectStorage().put(file.bytes)
  const held: HeldUpload = { key, fileName: file.name.slice(0, 200), size: file.bytes.length }
  const ticket = box.seal(
    JSON.stringify({ ...held, exp: Date.now() + TICKET_HOURS * 3600_000 }),
    binding(organisationId, userId),
  )
  return { ticket, held }
}

/** The upload a ticket names, or null when it does not open, expired or the file is gone. */
export async function openUpload(organisationId: string, userId: string, ticket: string) {
  let held: HeldUpload & { exp: number }
  try {
    held = JSON.parse(box.open(ticket, binding(organisationId, userId))) as typeof held
  } catch {
    return null
  }
  if (!isObjectKey(held.key) || held.exp < Date.now()) return null
  const stored = await objectStorage().read(held.key)
  if (!stored) return null
  const chunks: Buffer[] = []
  for await (const chunk of stored.body) chunks.push(chunk as Buffer)
  return { ...held, bytes: new Uint8Array(Buffer.concat(chunks)) }
}

export async function releaseUpload(key: string) {
  await objectStorage().delete(key)
}

/**
 * The first step of both imports: the form's file checked (there, not too large, a readable
 * CSV or XLSX), then held for the next steps. Returns the ticket and the header row, or the
 * message key (and values) of why the file cannot be used.
 */
export async function receiveImportFile(
  organisationId: string,
  userId: string,
  upload: File | null,
): Promise<
  | { ok: true; ticket: string; fileName: string; headers: string[] }
  | { ok: false; messageKey: string; values?: Record<string, string | number> }
> {
  if (!upload) return { ok: false, messageKey: 'imports.file.required' }
  if (upload.size > TABULAR_LIMITS.bytes) return { ok: false, messageKey: 'imports.file.tooLarge' }
  const bytes = new Uint8Array(await upload.arrayBuffer())
  let headers: string[]
  try {
    headers = (await readTabularFile(bytes)).headers
  } catch (error) {
    if (!(error instanceof TabularFileRefused)) throw error
    return { ok: false, messageKey: error.messageKey, values: error.values }
  }
  const { ticket } = await holdUpload(organisationId, userId, { bytes, name: upload.name })
  return { ok: true, ticket, fileName: upload.name.slice(0, 200), headers }
}
