import type { Readable } from 'node:stream'

/** A stored object read back: its bytes as a stream, and their number. */
export type StoredObject = { body: Readable; size: number }

/** One part of a multipart upload, as the storage acknowledged it. */
export type StoredPart = { partNumber: number; etag: string }

/**
 * Where uploaded files live: the local disk or an S3-compatible bucket (see
 * `object-storage.server.ts` for which one a process uses). Keys are chosen by the storage,
 * random and of one fixed shape (`isObjectKey`), so no key is guessable and none can point
 * anywhere else. Large files arrive in numbered parts (a multipart upload) and are joined
 * into one object at the end.
 */
export interface ObjectStorage {
  /** Stores the bytes (a stream needs its exact size) under a new random key and returns it. */
  put(body: Uint8Array | Readable, size?: number): Promise<string>
  /** The object as a stream, or null when the key is unknown. `end` (inclusive) reads a prefix. */
  read(key: string, range?: { end: number }): Promise<StoredObject | null>
  /** Removes the object; unknown keys are a no-op. */
  delete(key: string): Promise<void>
  /** A cheap readiness probe: throws when the storage cannot be written. */
  check(): Promise<void>

  /** Starts a multipart upload for a new random key. */
  startMultipart(): Promise<{ key: string; uploadId: string }>
  /** Stores one part (exactly `size` bytes from the stream); sending a number again replaces it. */
  putPart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable,
    size: number,
  ): Promise<string>
  /** Joins the parts, in order, into the object under `key`. */
  completeMultipart(key: string, uploadId: string, parts: StoredPart[]): Promise<void>
  /** Drops an unfinished upload and every part stored for it. */
  abortMultipart(key: string, uploadId: string): Promise<void>
}
