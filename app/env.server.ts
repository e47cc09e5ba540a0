import { z } from 'zod'

/** The default embedded database: a file under the gitignored data folder. */
export const DEFAULT_DATABASE_URL = 'file:./data/leerplein.db'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: or postgresql://')
    .default(DEFAULT_DATABASE_URL),
  /** Connections per instance to PostgreSQL (see docs/operations.md for sizing). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** e.g. smtp://user:pass@mail.example.nl:587; unset: e-mail stays in the database outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Leerplein Contactcenter <noreply@leerplein.test>'),
  /** The public address of the site, for links in e-mails; unset: where the server listens. */
  PUBLIC_URL: z.string().url().optional(),
  /** Where server.mjs listens; read here only to derive the default PUBLIC_URL. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().optional(),
  /** The organisation that issues completion records (the issuer profile in every credential). */
  ISSUER_NAME: z.string().min(1).default('Leerplein Contactcenter'),
  ISSUER_EMAIL: z.string().email().optional(),
  /** Load the demo organisations and accounts on start (README lists them). */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Anyone may create an account (without an organisation); otherwise by invitation only. */
  OPEN_SIGNUP: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  // --- Object storage: uploaded evidence and call recordings (docs/decisions/019) ---------
  // Local disk unless a bucket is named, by STORAGE_URL and/or S3_BUCKET; the single S3_*
  // variables override what STORAGE_URL says. Without S3 keys the SDK's own chain is used
  // (AWS_* variables, instance role).
  /** Folder for files on the local disk (the default storage). */
  EVIDENCE_DIR: z.string().optional(),
  /** e.g. s3://evidence?endpoint=http://127.0.0.1:9000&region=eu-west-1&forcePathStyle=true */
  STORAGE_URL: z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\?.*)?$/, 'must look like s3://bucket?…')
    .optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  /** For S3-compatible servers (MinIO, Garage); unset: AWS itself. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** true (the default): bucket in the path, as most S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  // --- end of object storage -------------------------------------------------------------

  // --- Background jobs (app/jobs/, docs/decisions/020-job-queue.md) -----------------------
  /** off: this process enqueues jobs but runs no workers and no daily schedule. */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** A running job whose worker is silent this long (killed, crashed) is run again. */
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /** PostgreSQL: how often an instance looks for expired jobs (pg-boss maintenance). */
  JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** How often an idle worker looks for a due job. */
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Completed jobs and idempotency keys are kept this many days. */
  JOB_KEEP_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Tests only: a file holding an ISO time that the app's clock reads as "now". */
  LEERPLEIN_CLOCK_FILE: z.string().optional(),
  // --- end of background jobs ---------------------------------------------------------------
})

export type Env = Omit<z.infer<typeof EnvSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string }

/**
 * The address the server actually answers on, for links when PUBLIC_URL is not set: a
 * share link or e-mail pointing at port 3000 while the server runs on 3100 leads nowhere.
 * A wildcard HOST (all interfaces, the default) is reached as localhost.
 */
export function defaultPublicUrl(port: number, host: string | undefined) {
  const wildcard = !host || host === '0.0.0.0' || host === '::' || host === '[::]'
  const name = wildcard
    ? 'localhost'
    : host.includes(':') && !host.startsWith('[')
      ? `[${host}]`
      : host
  return `http://${name}:${port}`
}

/** Parse an environment (process.env at boot); a bad value throws with every problem listed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const { PUBLIC_URL, ...rest } = parsed.data
  return { ...rest, PUBLIC_URL: PUBLIC_URL ?? defaultPublicUrl(rest.PORT, rest.HOST) }
}

/** Read and validate the environment once; a bad value stops the process with a clear message. */
function readEnv(): Env {
  return parseEnv(process.env)
}

export const env = readEnv()
