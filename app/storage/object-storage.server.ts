import { env } from '#app/env.server.ts'
import { LocalDiskStorage } from './local-disk-storage.server.ts'
import type { ObjectStorage } from './object-storage.ts'
import { S3Storage } from './s3-storage.server.ts'
import { storageSettings } from './storage-settings.server.ts'

let instance: ObjectStorage | undefined

/** The storage of this process, as the environment configures it (storage-settings.server.ts). */
export function objectStorage(): ObjectStorage {
  if (!instance) {
    const settings = storageSettings(env)
    instance =
      settings.kind === 's3' ? new S3Storage(settings) : new LocalDiskStorage(settings.directory)
  }
  return instance
}

/**
 * Put another storage in place for this process, e.g. a test's own bucket on s3rver;
 * undefined goes back to the configured one.
 */
export function useObjectStorage(storage: ObjectStorage | undefined) {
  instance = storage
}

/** Readiness: resolves when the storage can be reached (and, on disk, written); throws otherwise. */
export async function checkStorage(): Promise<void> {
  await objectStorage().check()
}
