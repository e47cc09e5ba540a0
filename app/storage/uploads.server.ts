import type { Readable } from 'node:stream'
import { prisma, type Tx } from '#app/db.server.ts'
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from '#app/evidence/file-type.server.ts'
import type { TextKey } from '#app/i18n/i18n.ts'
import { exactLength, LengthMismatchError } from './exact-length.ts'
import { objectStorage } from './object-storage.server.ts'

/** Largest file that may arrive in parts: a call recording. Other kinds keep the form's limit. */
export const RECORDING_MAX_BYTES = 500 * 1024 * 1024
/** Every part but the last has this size (S3 needs at least 5 MiB for all but the last). */
export const UPLOAD_PART_SIZE = 8 * 1024 * 1024
/** Unfinished uploads one person may have at a time. */
export const MAX_OPEN_UPLOADS = 3
/** An upload left open (or completed and never handed in) this long is removed. */
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000

/** A refusal with the HTTP status and the message (i18n key) the client gets. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: TextKey,
  ) {
    super(messageKey)
    this.name = 'UploadError'
  }
}

type UploadRow = { size: number; partSize: number }

export function partCount(upload: UploadRow): number {
  return Math.ceil(upload.size / upload.partSize)
}

/** The exact length of part `n` (1-based): the last one holds the rest. */
export function partLength(upload: UploadRow, n: number): number {
  return n < partCount(upload) ? upload.partSize : upload.size - (n - 1) * upload.partSize
}

const notFound = () => new UploadError(404, 'upload.notFound')

/** The owner's upload; anyone else's (or an unknown id) is simply not found. */
async function ownUpload(userId: string, uploadId: string) {
  const upload = await prisma.upload.findUnique({ where: { id: uploadId } })
  if (!upload || upload.userId !== userId) throw notFound()
  return upload
}

/**
 * Starts a large upload: a row in the database (so any instance can take the next part) and
 * a multipart upload in the storage.
 */
export async function startUpload(userId: string, file: { fileName: string; size: number }) {
  if (!Number.isInteger(file.size) || file.size < 1) throw new UploadError(400, 'upload.badSize')
  if (file.size > RECORDING_MAX_BYTES) throw new UploadError(413, 'evidence.fileTooLarge')
  const open = await prisma.upload.count({ where: { userId, status: 'open' } })
  if (open >= MAX_OPEN_UPLOADS) throw new UploadError(429, 'upload.tooManyOpen')
  const { key, uploadId } = await objectStorage().startMultipart()
  const upload = await prisma.upload.create({
    data: {
      userId,
      fileName: file.fileName.slice(0, 200),
      size: file.size,
      partSize: UPLOAD_PART_SIZE,
      objectKey: key,
      storageUploadId: uploadId,
    },
  })
  return describe(upload, [])
}

function describe(
  upload: { id: string; size: number; partSize: number; status: string; fileType: string | null },
  parts: number[],
) {
  return {
    id: upload.id,
    size: upload.size,
    partSize: upload.partSize,
    partCount: partCount(upload),
    status: upload.status,
    fileType: upload.fileType,
    /** Part numbers stored so far: a resuming client sends only the others. */
    parts,
  }
}
export type UploadState = ReturnType<typeof describe>

/** Where an upload stands, for its owner only. */
export async function uploadState(userId: string, uploadId: string): Promise<UploadState> {
  const upload = await ownUpload(userId, uploadId)
  const parts = await prisma.uploadPart.findMany({
    where: { uploadId },
    select: { partNumber: true },
    orderBy: { partNumber: 'asc' },
  })
  return describe(
    upload,
    parts.map((p) => p.partNumber),
  )
}

/**
 * Streams one part into the storage and records its ETag. The declared length must be the
 * part's exact length (the storage also fails a body that runs longer or ends short); sending
 * a part again replaces it.
 */
export async function storeUploadPart(
  userId: string,
  uploadId: string,
  partNumber: number,
  declaredLength: number,
  body: Readable,
) {
  const upload = await ownUpload(userId, uploadId)
  if (upload.status !== 'open') throw new UploadError(409, 'upload.notOpen')
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > partCount(upload))
    throw new UploadError(400, 'upload.badPart')
  const size = partLength(upload, partNumber)
  if (declaredLength !== size) throw new UploadError(400, 'upload.badLength')
  // Checked here as well as in the storage, so a body of the wrong length is told apart from
  // a storage failure, whichever way the storage's client reports it.
  let wrongLength = false
  const checked = body.pipe(exactLength(size)).once('error', (error) => {
    wrongLength = error instanceof LengthMismatchError
    body.destroy()
  })
  let etag: string
  try {
    etag = await objectStorage().putPart(
      upload.objectKey,
      upload.storageUploadId,
      partNumber,
      checked,
      size,
    )
  } catch (error) {
    if (wrongLength) throw new UploadError(400, 'upload.badLength')
    throw error
  }
  await prisma.uploadPart.upsert({
    where: { uploadId_partNumber: { uploadId, partNumber } },
    create: { uploadId, partNumber, size, etag },
    update: { size, etag, storedAt: new Date() },
  })
  return { partNumber, size }
}

/**
 * Joins the parts into one object and judges its type by the first bytes: a file that is not
 * evidence (or too large for its kind) is deleted again and refused. A completed upload is
 * not evidence yet: the evidence form attaches it (attachUpload).
 */
export async function completeUpload(userId: string, uploadId: string): Promise<UploadState> {
  const upload = await ownUpload(userId, uploadId)
  if (upload.status === 'completed') return uploadState(userId, uploadId)
  if (upload.status !== 'open') throw new UploadError(409, 'upload.notOpen')
  const parts = await prisma.uploadPart.findMany({
    where: { uploadId },
    orderBy: { partNumber: 'asc' },
  })
  const expected = partCount(upload)
  const complete =
    parts.length === expected &&
    parts.every((p, i) => p.partNumber === i + 1 && p.size === partLength(upload, i + 1))
  if (!complete) throw new UploadError(409, 'upload.partsMissing')

  // Claimed first, so two requests (or instances) never join the same parts twice.
  const claim = await prisma.upload.updateMany({
    where: { id: uploadId, status: 'open' },
    data: { status: 'completing' },
  })
  if (claim.count !== 1) throw new UploadError(409, 'upload.notOpen')
  const storage = objectStorage()
  try {
    await storage.completeMultipart(
      upload.objectKey,
      upload.storageUploadId,
      parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })),
    )
  } catch (error) {
    await prisma.upload.update({ where: { id: uploadId }, data: { status: 'open' } })
    throw error
  }
  const type = sniffEvidenceType(await readHead(upload.objectKey))
  const refusal: TextKey | null = !type
    ? 'evidence.fileType'
    : type.kind !== 'audio' && upload.size > EVIDENCE_MAX_BYTES
      ? 'upload.tooLargeForKind'
      : null
  if (refusal) {
    await storage.delete(upload.objectKey)
    await prisma.$transaction([
      prisma.upload.update({ where: { id: uploadId }, data: { status: 'rejected' } }),
      prisma.uploadPart.deleteMany({ where: { uploadId } }),
    ])
    throw new UploadError(400, refusal)
  }
  await prisma.$transaction([
    prisma.upload.updateMany({
      where: { id: uploadId, status: 'completing' },
      data: { status: 'completed', fileType: type!.mime, completedAt: new Date() },
    }),
    prisma.uploadPart.deleteMany({ where: { uploadId } }),
  ])
  return uploadState(userId, uploadId)
}

/** The first bytes of an object, enough to judge its type; never the whole file. */
async function readHead(key: string): Promise<Uint8Array> {
  const object = await objectStorage().read(key, { end: 15 })
  if (!object) return new Uint8Array(0)
  const chunks: Buffer[] = []
  for await (const chunk of object.body) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks).subarray(0, 16))
}

/** A completed upload of this user that may still become evidence, or null. */
export async function completedUpload(userId: string, uploadId: string) {
  const upload = await prisma.upload.findFirst({
    where: { id: uploadId, userId, status: 'completed' },
    select: { id: true, objectKey: true, fileName: true, fileType: true, size: true },
  })
  return upload?.fileType ? { ...upload, fileType: upload.fileType } : null
}

/**
 * Marks a completed upload as part of evidence, inside the transaction that creates the
 * evidence. Only one transaction can win: a second attach (or one after the upload was
 * aborted) finds no completed upload and fails, rolling its evidence back.
 */
export async function attachUpload(tx: Tx, userId: string, uploadId: string, evidenceId: string) {
  const { count } = await tx.upload.updateMany({
    where: { id: uploadId, userId, status: 'completed' },
    data: { status: 'attached', evidenceId },
  })
  if (count !== 1) throw new UploadError(409, 'upload.notAttachable')
}

/**
 * Removes what was left behind: uploads still open, or completed but never handed in, 24
 * hours after they were last moved on. Their parts and objects are deleted, the rows stay as
 * 'aborted'. Run daily by the job queue; returns how many were removed.
 */
export async function abortStaleUploads(now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - STALE_UPLOAD_MS)
  const stale = await prisma.upload.findMany({
    where: {
      OR: [
        { status: { in: ['open', 'completing'] }, createdAt: { lt: before } },
        { status: 'completed', completedAt: { lt: before } },
      ],
    },
    select: { id: true, status: true, objectKey: true, storageUploadId: true },
  })
  const storage = objectStorage()
  let removed = 0
  for (const upload of stale) {
    // Claimed first: an upload attached (or completed) meanwhile is left alone.
    const { count } = await prisma.upload.updateMany({
      where: { id: upload.id, status: upload.status },
      data: { status: 'aborted' },
    })
    if (count !== 1) continue
    if (upload.status !== 'completed')
      await storage.abortMultipart(upload.objectKey, upload.storageUploadId)
    // A completing upload may have been joined already before its instance stopped.
    if (upload.status !== 'open') await storage.delete(upload.objectKey)
    await prisma.uploadPart.deleteMany({ where: { uploadId: upload.id } })
    removed++
  }
  return removed
}
