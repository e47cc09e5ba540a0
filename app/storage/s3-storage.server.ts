import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { Readable } from 'node:stream'
import { exactLength } from './exact-length.ts'
import { isObjectKey, newObjectKey } from './object-key.ts'
import type { ObjectStorage, StoredObject, StoredPart } from './object-storage.ts'

export type S3Settings = {
  bucket: string
  endpoint?: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  forcePathStyle: boolean
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

/** Objects in an S3-compatible bucket (AWS, MinIO, Garage, s3rver in tests); the bucket stays private. */
export class S3Storage implements ObjectStorage {
  readonly client: S3Client
  private readonly bucket: string

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // With the SDK's defaults a streamed body is sent in aws-chunked framing with a trailing
      // checksum, which S3-compatible servers may store as part of the object, silently
      // (docs/decisions/019). Only when an operation requires a checksum.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  }

  async put(body: Uint8Array | Readable, size?: number): Promise<string> {
    const key = newObjectKey()
    if (!(body instanceof Uint8Array) && size === undefined)
      throw new Error('a stream needs its size')
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body instanceof Uint8Array ? body : body.pipe(exactLength(size!)),
        ContentLength: body instanceof Uint8Array ? body.byteLength : size,
      }),
    )
    return key
  }

  async read(key: string, range?: { end: number }): Promise<StoredObject | null> {
    if (!isObjectKey(key)) return null
    try {
      const result = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range ? `bytes=0-${range.end}` : undefined,
        }),
      )
      const body = result.Body
      if (!(body instanceof Readable)) throw new Error('expected a Node stream from S3')
      return { body, size: result.ContentLength ?? 0 }
    } catch (error) {
      if (isNotFound(error)) return null
      // An empty object asked for a range answers 416: it has no bytes to give.
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416)
        return { body: Readable.from([]), size: 0 }
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    if (!isObjectKey(key)) return
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }))
  }

  async startMultipart(): Promise<{ key: string; uploadId: string }> {
    const key = newObjectKey()
    const result = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key }),
    )
    if (!result.UploadId) throw new Error('S3 returned no upload id')
    return { key, uploadId: result.UploadId }
  }

  async putPart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable,
    size: number,
  ): Promise<string> {
    assertKey(key)
    const result = await this.client.send(
      new UploadPartCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: partNumber,
        Body: body.pipe(exactLength(size)),
        ContentLength: size,
      }),
    )
    if (!result.ETag) throw new Error('S3 returned no ETag for the part')
    return result.ETag
  }

  async completeMultipart(key: string, uploadId: string, parts: StoredPart[]): Promise<void> {
    assertKey(key)
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: {
          Parts: [...parts]
            .sort((a, b) => a.partNumber - b.partNumber)
            .map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
        },
      }),
    )
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    assertKey(key)
    try {
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }),
      )
    } catch (error) {
      const name = (error as { name?: string }).name
      // Already gone (aborted before, or completed): nothing left to remove.
      if (isNotFound(error) || name === 'NoSuchUpload') return
      // Servers without AbortMultipartUpload (s3rver): their parts stay until the bucket's
      // lifecycle rule for incomplete uploads removes them (docs/operations.md).
      if (name === 'MethodNotAllowed' || name === 'NotImplemented') return
      throw error
    }
  }
}

function assertKey(key: string) {
  if (!isObjectKey(key)) throw new Error('not a key of this storage')
}
