import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl'
import {
  IGNORED,
  NOT_A_ZIP,
  entryProblem,
  inflateEntry,
  mib,
  refusedByYauzl,
} from '#app/authoring/course-files-export.server.ts'

/**
 * A package zip, read with the hardened rules of course uploads (yauzl in strict mode; no
 * absolute paths, `..`, backslashes, links, encryption or odd compression; the listing is
 * checked before anything is inflated, and inflated bytes are counted), with larger limits:
 * bought packages carry video and many small files.
 */
export const PACKAGE_MAX_ENTRIES = 5000
export const PACKAGE_MAX_BYTES = 200 * 1024 * 1024

export type PackageZip = {
  /** The files (no folders, no __MACOSX or .DS_Store) by their path in the zip. */
  entries: Map<string, Entry>
  totalBytes: number
  /** The bytes of one file, or null when it cannot be unpacked within the limits. */
  read(name: string): Promise<Uint8Array | null>
  close(): void
}

export async function openPackageZip(
  bytes: Uint8Array,
): Promise<{ ok: true; zip: PackageZip } | { ok: false; message: string }> {
  let zip: ZipFile
  try {
    zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      strictFileNames: true,
      validateEntrySizes: true,
    })
  } catch {
    return { ok: false, message: NOT_A_ZIP }
  }
  const fail = (message: string) => {
    zip.close()
    return { ok: false as const, message }
  }
  // The count comes from the end record: checked before a single entry is listed.
  if (zip.entryCount > PACKAGE_MAX_ENTRIES) {
    return fail(`the zip holds ${zip.entryCount} entries; at most ${PACKAGE_MAX_ENTRIES}`)
  }
  const entries = new Map<string, Entry>()
  try {
    for await (const entry of zip.eachEntry()) {
      const problem = entryProblem(entry)
      if (problem) return fail(problem)
      if (entry.fileName.endsWith('/') || IGNORED(entry.fileName)) continue
      if (entries.has(entry.fileName)) return fail(`the zip holds "${entry.fileName}" twice`)
      entries.set(entry.fileName, entry)
    }
  } catch (error) {
    return fail(refusedByYauzl(error instanceof Error ? error.message : '') ?? NOT_A_ZIP)
  }
  const totalBytes = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (totalBytes > PACKAGE_MAX_BYTES) {
    return fail(`the zip unpacks to ${mib(totalBytes)} MiB; at most ${mib(PACKAGE_MAX_BYTES)} MiB`)
  }
  return {
    ok: true,
    zip: {
      entries,
      totalBytes,
      // Each entry is held to its declared size, so together they stay within the total.
      read: (name) => {
        const entry = entries.get(name)
        return entry ? inflateEntry(zip, entry, PACKAGE_MAX_BYTES) : Promise.resolve(null)
      },
      close: () => zip.close(),
    },
  }
}
