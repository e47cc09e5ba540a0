import type { Env } from '#app/env.server.ts'
import type { S3Settings } from './s3-storage.server.ts'

export type StorageSettings = ({ kind: 's3' } & S3Settings) | { kind: 'disk'; directory: string }

type StorageEnv = Pick<
  Env,
  | 'EVIDENCE_DIR'
  | 'STORAGE_URL'
  | 'S3_BUCKET'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
>

/**
 * Which storage the configuration asks for: S3 when STORAGE_URL or S3_BUCKET names a bucket
 * (single S3_* variables win over the URL's parts), otherwise the local disk in EVIDENCE_DIR
 * (default data/evidence, which git ignores).
 */
export function storageSettings(env: StorageEnv): StorageSettings {
  const url = env.STORAGE_URL ? new URL(env.STORAGE_URL) : null
  const query = url?.searchParams
  const bucket = env.S3_BUCKET ?? url?.hostname
  if (!bucket) return { kind: 'disk', directory: env.EVIDENCE_DIR || 'data/evidence' }
  const pathStyle = env.S3_FORCE_PATH_STYLE ?? query?.get('forcePathStyle') ?? 'true'
  return {
    kind: 's3',
    bucket,
    endpoint: env.S3_ENDPOINT ?? query?.get('endpoint') ?? undefined,
    region: env.S3_REGION ?? query?.get('region') ?? 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: pathStyle !== 'false',
  }
}
