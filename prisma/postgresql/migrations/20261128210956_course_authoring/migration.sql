-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN     "note" TEXT,
ADD COLUMN     "publishedById" TEXT;

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "bodyEn" TEXT,
ADD COLUMN     "bodyNl" TEXT;

-- CreateTable
CREATE TABLE "CourseDraft" (
    "courseId" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "CourseDraft_pkey" PRIMARY KEY ("courseId")
);

-- CreateTable
CREATE TABLE "DraftModule" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "moduleKey" TEXT NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DraftModule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftLesson" (
    "id" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "DraftLesson_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DraftModule_courseId_moduleKey_key" ON "DraftModule"("courseId", "moduleKey");

-- CreateIndex
CREATE UNIQUE INDEX "DraftLesson_lessonKey_key" ON "DraftLesson"("lessonKey");

-- CreateIndex
CREATE INDEX "DraftLesson_courseId_idx" ON "DraftLesson"("courseId");

-- CreateIndex
CREATE INDEX "DraftLesson_moduleId_idx" ON "DraftLesson"("moduleId");

-- CreateIndex
CREATE INDEX "Course_organisationId_idx" ON "Course"("organisationId");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseDraft" ADD CONSTRAINT "CourseDraft_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftModule" ADD CONSTRAINT "DraftModule_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "CourseDraft"("courseId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftLesson" ADD CONSTRAINT "DraftLesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "CourseDraft"("courseId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftLesson" ADD CONSTRAINT "DraftLesson_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "DraftModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
