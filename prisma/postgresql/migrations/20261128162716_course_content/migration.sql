-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'repository',
    "organisationId" TEXT,
    "currentVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseVersion" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryNl" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "audienceNl" TEXT NOT NULL,
    "audienceEn" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "selfEnrol" BOOLEAN NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL,
    "courseVersionId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "moduleKey" TEXT NOT NULL,
    "moduleTitleNl" TEXT NOT NULL,
    "moduleTitleEn" TEXT NOT NULL,
    "modulePosition" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "duration" INTEGER NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT,
    "competencies" TEXT NOT NULL,
    "codeNlHash" TEXT NOT NULL,
    "codeEnHash" TEXT,
    "quizKey" TEXT,
    "sourceFile" TEXT NOT NULL,

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonWorkProcess" (
    "lessonId" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,

    CONSTRAINT "LessonWorkProcess_pkey" PRIMARY KEY ("lessonId","workProcessCode")
);

-- CreateTable
CREATE TABLE "CompiledMdx" (
    "hash" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "analysis" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompiledMdx_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "reflectionKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Course_currentVersionId_key" ON "Course"("currentVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseVersion_courseId_version_key" ON "CourseVersion"("courseId", "version");

-- CreateIndex
CREATE INDEX "Lesson_lessonKey_idx" ON "Lesson"("lessonKey");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_courseVersionId_lessonKey_key" ON "Lesson"("courseVersionId", "lessonKey");

-- CreateIndex
CREATE INDEX "LessonWorkProcess_workProcessCode_idx" ON "LessonWorkProcess"("workProcessCode");

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_userId_lessonKey_reflectionKey_key" ON "Reflection"("userId", "lessonKey", "reflectionKey");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "CourseVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseVersion" ADD CONSTRAINT "CourseVersion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonWorkProcess" ADD CONSTRAINT "LessonWorkProcess_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
