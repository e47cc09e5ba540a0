import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { prisma } from '#app/db.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { launchByContentToken, type PackageLaunchRef } from './launches.server.ts'

/**
 * The files of a launched package, found by the launch's content token (decision 031). A
 * file is looked up by its exact normalised path in PackageFile, never on a file system, so
 * no path can climb out of its package.
 */

/** A requested path as PackageFile stores it, or null when it cannot be one. */
export function normalisePackagePath(raw: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (decoded.length === 0 || decoded.length > 1000 || decoded.includes('\0')) return null
  const parts = decoded.replaceAll('\\', '/').split('/')
  if (parts.some((p) => p === '..' || p === '.')) return null
  const clean = parts.filter((p) => p !== '').join('/')
  return clean || null
}

export type LaunchedPackage = {
  launch: PackageLaunchRef
  packageId: string
  standard: string
  activity: { masteryScore: number | null; launchParameters: string | null }
}

/** The live launch of a token with its package, or null (unknown, expired, or no package). */
export async function launchedPackage(token: string): Promise<LaunchedPackage | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null
  const launch = await launchByContentToken(token)
  if (!launch) return null
  const activity = await prisma.packageActivity.findUnique({
    where: { lessonId: launch.attempt.lessonId },
    select: {
      masteryScore: true,
      launchParameters: true,
      package: { select: { id: true, standard: true } },
    },
  })
  if (!activity) return null
  return {
    launch,
    packageId: activity.package.id,
    standard: activity.package.standard,
    activity: { masteryScore: activity.masteryScore, launchParameters: activity.launchParameters },
  }
}

const ORIGIN = /^https?:\/\/[\w.-]+(:\d{1,5})?$/

/**
 * The origins of the learning platforms the learner is in right now (live embedded LTI
 * sessions, docs/decisions/030-lti-tool.md): a package page must allow them as frame
 * ancestors, because there our player page is itself framed by the platform.
 */
export async function platformsEmbedding(userId: string): Promise<string[]> {
  const sessions = await prisma.session.findMany({
    where: { userId, embedded: true, expiresAt: { gt: new Date() } },
    select: { frameAncestors: true },
  })
  const origins = sessions.flatMap((s) => s.frameAncestors.split(/\s+/))
  return [...new Set(origins.filter((o) => ORIGIN.test(o)))]
}

export async function packageFile(packageId: string, filePath: string) {
  return prisma.packageFile.findUnique({
    where: { packageId_path: { packageId, path: filePath } },
    select: { objectKey: true, size: true, contentType: true },
  })
}

/** Pages we rewrite to add the runtime are read whole; bigger HTML files are refused. */
export const MAX_HTML_BYTES = 5 * 1024 * 1024

export async function readObject(objectKey: string) {
  return objectStorage().read(objectKey)
}

export async function readWholeObject(objectKey: string, limit: number): Promise<Buffer | null> {
  const object = await objectStorage().read(objectKey)
  if (!object) return null
  if (object.size > limit) {
    object.body.destroy()
    return null
  }
  const chunks: Buffer[] = []
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

const require = createRequire(import.meta.url)
const RUNTIME_SCRIPTS = {
  'scorm12.js': 'scorm-again/scorm12/min',
  'scorm2004.js': 'scorm-again/scorm2004/min',
} as const
const scriptCache = new Map<string, string>()

/** scorm-again's browser build (node_modules/scorm-again/dist), read once per process. */
export async function runtimeScript(name: string): Promise<string | null> {
  if (!(name in RUNTIME_SCRIPTS)) return null
  const cached = scriptCache.get(name)
  if (cached) return cached
  const file = require.resolve(RUNTIME_SCRIPTS[name as keyof typeof RUNTIME_SCRIPTS])
  const text = await fs.readFile(file, 'utf8')
  // The source map comment would make the browser ask for a file we do not serve.
  const script = text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
  scriptCache.set(name, script)
  return script
}

export const isHtml = (contentType: string, filePath: string) =>
  /^text\/html\b/i.test(contentType) || /\.html?$/i.test(path.extname(filePath))
