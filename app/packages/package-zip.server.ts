import type { Entry } from 'yauzl'
import { inflateEntry, openUploadZip } from '#app/authoring/course-files-export.server.ts'

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
  const opened = await openUploadZip(bytes, {
    maxEntries: PACKAGE_MAX_ENTRIES,
    maxBytes: PACKAGE_MAX_BYTES,
  })
  if (!opened.ok) return opened
  const { zip, entries, totalBytes } = opened
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
