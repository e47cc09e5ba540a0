import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { exactLength } from './exact-length.ts'
import { isObjectKey, newObjectKey } from './object-key.ts'
import type { ObjectStorage, StoredObject, StoredPart } from './object-storage.ts'

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}

/** Flushed to the disk before it is renamed into place. */
async function syncFile(file: string) {
  const handle = await fs.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

const MAX_PART_NUMBER = 10_000

/**
 * Objects on the local disk, as `<directory>/<first 2 key chars>/<key>`; the parts of an
 * unfinished multipart upload as `<directory>/uploads/<upload id>/<part number>`.
 */
export class LocalDiskStorage implements ObjectStorage {
  private readonly directory: string

  constructor(directory: string) {
    // Resolved once, so a later change of working directory cannot move the store.
    this.directory = path.resolve(directory)
  }

  // Two-level fan-out: 256 subfolders keep any one folder from holding millions of files.
  private pathOf(key: string): string {
    return path.join(this.directory, key.slice(0, 2), key)
  }

  private partsOf(uploadId: string): string {
    return path.join(this.directory, 'uploads', uploadId)
  }

  private static temporaryName(file: string): string {
    return `${file}.tmp-${randomBytes(8).toString('hex')}`
  }

  /**
   * Write then rename: a reader never sees a half-written file, and a crash leaves only a
   * .tmp file, never a truncated file under a valid name.
   */
  private async writeAtomically(file: string, write: (temporary: string) => Promise<void>) {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    const temporary = LocalDiskStorage.temporaryName(file)
    try {
      await write(temporary)
      await fs.rename(temporary, file)
    } catch (error) {
      await fs.rm(temporary, { force: true })
      throw error
    }
  }

  private static async writeStream(file: string, source: Readable, ...stages: Transform[]) {
    await pipeline([source, ...stages, createWriteStream(file, { flags: 'wx', mode: 0o600 })])
    await syncFile(file)
  }

  async put(body: Uint8Array | Readable, size?: number): Promise<string> {
    const key = newObjectKey()
    await this.writeAtomically(this.pathOf(key), async (temporary) => {
      if (body instanceof Uint8Array) {
        const handle = await fs.open(temporary, 'wx', 0o600)
        try {
          await handle.writeFile(body)
          await handle.sync()
        } finally {
          await handle.close()
        }
      } else {
        if (size === undefined) throw new Error('a stream needs its size')
        await LocalDiskStorage.writeStream(temporary, body, exactLength(size))
      }
    })
    return key
  }

  async read(key: string, range?: { end: number }): Promise<StoredObject | null> {
    if (!isObjectKey(key)) return null
    const file = this.pathOf(key)
    let handle
    try {
      handle = await fs.open(file, 'r')
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return null
      throw error
    }
    const { size } = await handle.stat()
    const end = range ? Math.min(range.end, size - 1) : size - 1
    const body = handle.createReadStream({ start: 0, end: Math.max(end, 0), autoClose: true })
    // An empty file (or range) still needs a stream that ends at once.
    if (end < 0) {
      body.destroy()
      await handle.close().catch(() => {})
      return { body: Readable.from([]), size: 0 }
    }
    return { body, size: end + 1 }
  }

  async delete(key: string): Promise<void> {
    if (!isObjectKey(key)) return
    await fs.rm(this.pathOf(key), { force: true })
  }

  async check(): Promise<void> {
    await fs.mkdir(this.directory, { recursive: true, mode: 0o700 })
    const probe = path.join(this.directory, `.probe-${randomBytes(8).toString('hex')}`)
    try {
      await fs.writeFile(probe, 'ok', { mode: 0o600, flag: 'wx' })
    } finally {
      await fs.rm(probe, { force: true })
    }
  }

  async startMultipart(): Promise<{ key: string; uploadId: string }> {
    const uploadId = newObjectKey()
    await fs.mkdir(this.partsOf(uploadId), { recursive: true, mode: 0o700 })
    return { key: newObjectKey(), uploadId }
  }

  async putPart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable,
    size: number,
  ): Promise<string> {
    assertUpload(key, uploadId)
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER)
      throw new Error(`part number out of range: ${partNumber}`)
    const folder = this.partsOf(uploadId)
    await fs.access(folder) // an aborted or unknown upload takes no parts
    const hash = createHash('md5')
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk)
        callback(null, chunk)
      },
    })
    // Renamed over an earlier copy of the same part: sending a part again replaces it.
    await this.writeAtomically(path.join(folder, String(partNumber)), (temporary) =>
      LocalDiskStorage.writeStream(temporary, body, exactLength(size), hashing),
    )
    return `"${hash.digest('hex')}"`
  }

  async completeMultipart(key: string, uploadId: string, parts: StoredPart[]): Promise<void> {
    assertUpload(key, uploadId)
    const folder = this.partsOf(uploadId)
    const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber)
    // Streamed part after part into one temporary file, then renamed: never in memory whole.
    await this.writeAtomically(this.pathOf(key), async (temporary) => {
      const out = createWriteStream(temporary, { flags: 'wx', mode: 0o600 })
      try {
        for (const part of ordered) {
          await pipeline(createReadStream(path.join(folder, String(part.partNumber))), out, {
            end: false,
          })
        }
      } finally {
        out.end()
        await finished(out)
      }
      await syncFile(temporary)
    })
    await fs.rm(folder, { recursive: true, force: true })
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    assertUpload(key, uploadId)
    await fs.rm(this.partsOf(uploadId), { recursive: true, force: true })
  }
}

function assertUpload(key: string, uploadId: string) {
  if (!isObjectKey(key) || !isObjectKey(uploadId)) throw new Error('not an upload of this storage')
}
