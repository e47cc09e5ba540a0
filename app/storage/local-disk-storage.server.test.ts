import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { LocalDiskStorage } from './local-disk-storage.server.ts'
import type { ObjectStorage } from './object-storage.ts'

/** The stored bytes, or null: read back through the stream the storage hands out. */
async function bytesOf(storage: ObjectStorage, key: string): Promise<Uint8Array | null> {
  const object = await storage.read(key)
  if (!object) return null
  const chunks: Buffer[] = []
  for await (const chunk of object.body) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

let directory: string

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'evidence-'))
})
afterEach(async () => {
  await fs.rm(directory, { recursive: true, force: true })
})

/** Every file below `dir`, as paths relative to it. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

const PDF = new TextEncoder().encode('%PDF-1.7\nevidence')

describe('LocalDiskStorage', () => {
  test('returns the stored bytes for the key put returned', async () => {
    const storage = new LocalDiskStorage(directory)
    const key = await storage.put(PDF)
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    expect(await bytesOf(storage, key)).toEqual(PDF)
  })

  test('gives every put its own key', async () => {
    const storage = new LocalDiskStorage(directory)
    const [a, b] = await Promise.all([storage.put(PDF), storage.put(new Uint8Array([1, 2, 3]))])
    expect(a).not.toBe(b)
    expect(await bytesOf(storage, a!)).toEqual(PDF)
    expect(await bytesOf(storage, b!)).toEqual(new Uint8Array([1, 2, 3]))
  })

  test('stores an empty file', async () => {
    const storage = new LocalDiskStorage(directory)
    const key = await storage.put(new Uint8Array(0))
    expect(await bytesOf(storage, key)).toEqual(new Uint8Array(0))
  })

  test('fans files out over subfolders named after the key, leaving no .tmp files', async () => {
    const storage = new LocalDiskStorage(directory)
    const keys = await Promise.all([1, 2, 3].map(() => storage.put(PDF)))
    const expected = keys.map((k) => path.join(k.slice(0, 2), k))
    expect((await filesIn(directory)).sort()).toEqual(expected.sort())
  })

  test('creates a missing directory on the first put', async () => {
    const nested = path.join(directory, 'not', 'yet')
    const key = await new LocalDiskStorage(nested).put(PDF)
    expect(await filesIn(nested)).toEqual([path.join(key.slice(0, 2), key)])
  })

  test.skipIf(process.platform === 'win32')(
    'makes files readable by the owner only (0600, folders 0700)',
    async () => {
      const storage = new LocalDiskStorage(path.join(directory, 'store'))
      const key = await storage.put(PDF)
      const file = path.join(directory, 'store', key.slice(0, 2), key)
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
      expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700)
      expect((await fs.stat(path.join(directory, 'store'))).mode & 0o777).toBe(0o700)
    },
  )

  test('returns null for an unknown key', async () => {
    const storage = new LocalDiskStorage(directory)
    expect(await bytesOf(storage, '0123456789abcdef0123456789abcdef')).toBeNull()
  })

  test('deletes a file; get then returns null and a second delete is a no-op', async () => {
    const storage = new LocalDiskStorage(directory)
    const key = await storage.put(PDF)
    const other = await storage.put(PDF)
    await storage.delete(key)
    expect(await bytesOf(storage, key)).toBeNull()
    await storage.delete(key)
    expect(await bytesOf(storage, other)).toEqual(PDF)
  })

  describe('with a key that is not one of its own', () => {
    const outside = 'outside-secret'
    // Only paths to files this test planted: a broken check must never reach a real system
    // file (tests may run as root).
    const keys = [
      // Would resolve to <directory>/store/ab/ab/../../../outside-secret, the planted file.
      'ab/../../../outside-secret',
      '../outside-secret',
      '../../outside-secret',
      '..',
      '',
      '0123456789ABCDEF0123456789ABCDEF',
      '0123456789abcdef0123456789abcdef/../../outside-secret',
      '0123456789abcdef0123456789abcdef\n',
      '0123456789abcdef0123456789abcdef.tmp-0011223344556677',
    ]

    test.each(keys)('read(%j) returns null', async (key) => {
      await fs.writeFile(path.join(directory, outside), 'secret')
      const storage = new LocalDiskStorage(path.join(directory, 'store'))
      await storage.put(PDF)
      expect(await bytesOf(storage, key)).toBeNull()
    })

    test.each(keys)('delete(%j) removes nothing', async (key) => {
      await fs.writeFile(path.join(directory, outside), 'secret')
      const storage = new LocalDiskStorage(path.join(directory, 'store'))
      const stored = await storage.put(PDF)
      const before = await filesIn(directory)
      await storage.delete(key)
      expect(await filesIn(directory)).toEqual(before)
      expect(await bytesOf(storage, stored)).toEqual(PDF)
    })
  })
})

describe('objectStorage', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  test('is one instance per process, stored in EVIDENCE_DIR', async () => {
    vi.stubEnv('EVIDENCE_DIR', directory)
    vi.resetModules()
    const { objectStorage } = await import('./object-storage.server.ts')
    expect(objectStorage()).toBe(objectStorage())
    const key = await objectStorage().put(PDF)
    expect(await filesIn(directory)).toEqual([path.join(key.slice(0, 2), key)])
  })

  test('defaults to data/evidence under the working directory', async () => {
    vi.stubEnv('EVIDENCE_DIR', undefined)
    vi.spyOn(process, 'cwd').mockReturnValue(directory)
    vi.resetModules()
    const { objectStorage } = await import('./object-storage.server.ts')
    const key = await objectStorage().put(PDF)
    expect(await filesIn(path.join(directory, 'data', 'evidence'))).toEqual([
      path.join(key.slice(0, 2), key),
    ])
  })
})
