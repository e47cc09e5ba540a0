import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export interface EvidenceStorage {
  /** Stores the bytes under a new random key and returns it. */
  put(bytes: Uint8Array): Promise<string>
  /** The stored bytes, or null when the key is unknown. */
  get(key: string): Promise<Uint8Array | null>
  delete(key: string): Promise<void>
}

// Keys reach us from URLs and form fields: only this exact shape may become a file name,
// so no key can point outside the storage directory.
const KEY = /^[0-9a-f]{32}$/

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}

/** Evidence files on the local disk, as `<directory>/<first 2 key chars>/<key>`. */
export class LocalDiskStorage implements EvidenceStorage {
  private readonly directory: string

  constructor(directory: string) {
    // Resolved once, so a later change of working directory cannot move the store.
    this.directory = path.resolve(directory)
  }

  // Two-level fan-out: 256 subfolders keep any one folder from holding millions of files.
  private pathOf(key: string): string {
    return path.join(this.directory, key.slice(0, 2), key)
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = randomBytes(16).toString('hex')
    const file = this.pathOf(key)
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    // Write then rename: a reader never sees a half-written file, and a crash leaves only
    // a .tmp file, never a truncated file under a valid key.
    const temporary = `${file}.tmp-${randomBytes(8).toString('hex')}`
    try {
      const handle = await fs.open(temporary, 'wx', 0o600)
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(temporary, file)
    } catch (error) {
      await fs.rm(temporary, { force: true })
      throw error
    }
    return key
  }

  async get(key: string): Promise<Uint8Array | null> {
    if (!KEY.test(key)) return null
    try {
      const buffer = await fs.readFile(this.pathOf(key))
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    if (!KEY.test(key)) return
    await fs.rm(this.pathOf(key), { force: true })
  }
}

let instance: EvidenceStorage | undefined

/** The storage of this process, in EVIDENCE_DIR (default data/evidence, which git ignores). */
export function evidenceStorage(): EvidenceStorage {
  instance ??= new LocalDiskStorage(process.env.EVIDENCE_DIR || 'data/evidence')
  return instance
}
