import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { prisma } from '#app/db.server.ts'
import { objectStorage } from '#app/storage/object-storage.server.ts'
import { toJsonList } from '#app/utils/json-list.ts'

/**
 * A published course whose one lesson (type "package") plays a content package, written
 * straight into the database and the object storage, as the package importer will leave it
 * (#21): Course + published CourseVersion, Lesson (codeNlHash null) + LessonWorkProcess,
 * ContentPackage, PackageFile rows over stored objects, PackageActivity. Used by the player's
 * tests until they can import a real zip.
 */
export type PackageCourseOptions = {
  standard: 'scorm12' | 'scorm2004' | 'cmi5'
  /** Path inside the package → content. */
  files: Record<string, string | Uint8Array>
  launchPath: string
  dossierSlug: string
  workProcessCode: string
  organisationId?: string | null
  doneWhen?: 'completed' | 'passed' | 'score'
  minScore?: number | null
  masteryScore?: number | null
  title?: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}
const typeOf = (file: string) =>
  TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'

export async function createPackageCourse(options: PackageCourseOptions) {
  const courseId = `pakket-${randomUUID().slice(0, 8)}`
  const lessonKey = `${courseId}-sco-1`
  const stored = await Promise.all(
    Object.entries(options.files).map(async ([filePath, content]) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
      const objectKey = await objectStorage().put(bytes, bytes.byteLength)
      return { path: filePath, objectKey, size: bytes.byteLength, contentType: typeOf(filePath) }
    }),
  )
  const title = options.title ?? `Pakket ${courseId}`
  return prisma.$transaction(async (tx) => {
    await tx.course.create({
      data: { id: courseId, source: 'browser', organisationId: options.organisationId ?? null },
    })
    const version = await tx.courseVersion.create({
      data: {
        courseId,
        version: 1,
        contentHash: courseId,
        dossierSlug: options.dossierSlug,
        titleNl: title,
        titleEn: title,
        summaryNl: 'Een lespakket om te testen.',
        summaryEn: 'A content package for tests.',
        audienceNl: 'Iedereen',
        audienceEn: 'Everyone',
        languages: toJsonList(['nl']),
        selfEnrol: true,
      },
      select: { id: true },
    })
    const lesson = await tx.lesson.create({
      data: {
        courseVersionId: version.id,
        lessonKey,
        moduleKey: 'pakket',
        moduleTitleNl: 'Pakket',
        moduleTitleEn: 'Package',
        modulePosition: 1,
        position: 1,
        type: 'package',
        duration: 10,
        titleNl: `${title}: gesprek`,
        competencies: toJsonList([]),
        codeNlHash: null,
        sourceFile: `${courseId}/imsmanifest.xml`,
        workProcesses: { create: [{ workProcessCode: options.workProcessCode }] },
      },
      select: { id: true },
    })
    const contentPackage = await tx.contentPackage.create({
      data: {
        courseId,
        organisationId: options.organisationId ?? null,
        courseVersionId: version.id,
        standard: options.standard,
        title,
        manifest: '[]',
        zipHash: courseId,
        fileCount: stored.length,
        totalBytes: stored.reduce((sum, f) => sum + f.size, 0),
        files: { create: stored },
      },
      select: { id: true },
    })
    await tx.packageActivity.create({
      data: {
        lessonId: lesson.id,
        packageId: contentPackage.id,
        identifier: 'sco-1',
        launchPath: options.launchPath,
        doneWhen: options.doneWhen ?? 'completed',
        minScore: options.minScore ?? null,
        masteryScore: options.masteryScore ?? null,
      },
    })
    await tx.course.update({ where: { id: courseId }, data: { currentVersionId: version.id } })
    return { courseId, lessonKey, lessonId: lesson.id, packageId: contentPackage.id }
  })
}

/** A package folder of tests/packages (e.g. hostile, player-scorm12) as files by path. */
export function packageFolder(name: string): Record<string, Uint8Array> {
  const root = path.join(import.meta.dirname, name)
  const files: Record<string, Uint8Array> = {}
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full)
  }
  return files
}
