-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN "note" TEXT;
ALTER TABLE "CourseVersion" ADD COLUMN "publishedById" TEXT;

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN "bodyEn" TEXT;
ALTER TABLE "Lesson" ADD COLUMN "bodyNl" TEXT;

-- CreateTable
CREATE TABLE "CourseDraft" (
    "courseId" TEXT NOT NULL PRIMARY KEY,
    "dossierSlug" TEXT NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryNl" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "audienceNl" TEXT NOT NULL,
    "audienceEn" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "selfEnrol" BOOLEAN NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "CourseDraft_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftModule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "moduleKey" TEXT NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "DraftModule_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "CourseDraft" ("courseId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftLesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "duration" INTEGER NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT,
    "workProcesses" TEXT NOT NULL,
    "competencies" TEXT NOT NULL,
    "bodyNl" TEXT NOT NULL,
    "bodyEn" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "DraftLesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "CourseDraft" ("courseId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftLesson_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "DraftModule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL DEFAULT 'repository',
    "organisationId" TEXT,
    "currentVersionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Course_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "CourseVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Course_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Course" ("createdAt", "currentVersionId", "id", "organisationId", "source") SELECT "createdAt", "currentVersionId", "id", "organisationId", "source" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE UNIQUE INDEX "Course_currentVersionId_key" ON "Course"("currentVersionId");
CREATE INDEX "Course_organisationId_idx" ON "Course"("organisationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "DraftModule_courseId_moduleKey_key" ON "DraftModule"("courseId", "moduleKey");

-- CreateIndex
CREATE UNIQUE INDEX "DraftLesson_lessonKey_key" ON "DraftLesson"("lessonKey");

-- CreateIndex
CREATE INDEX "DraftLesson_courseId_idx" ON "DraftLesson"("courseId");

-- CreateIndex
CREATE INDEX "DraftLesson_moduleId_idx" ON "DraftLesson"("moduleId");
