-- AlterTable
ALTER TABLE "LearningEvent" ADD COLUMN "registration" TEXT;
ALTER TABLE "LearningEvent" ADD COLUMN "statement" TEXT;
ALTER TABLE "LearningEvent" ADD COLUMN "storedAt" DATETIME;
ALTER TABLE "LearningEvent" ADD COLUMN "verbIri" TEXT;
ALTER TABLE "LearningEvent" ADD COLUMN "voidsId" TEXT;

-- CreateTable
CREATE TABLE "ContentPackage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "organisationId" TEXT,
    "courseVersionId" TEXT,
    "standard" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "manifest" TEXT NOT NULL,
    "zipHash" TEXT NOT NULL,
    "fileCount" INTEGER NOT NULL,
    "totalBytes" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContentPackage_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PackageFile" (
    "packageId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "objectKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,

    PRIMARY KEY ("packageId", "path"),
    CONSTRAINT "PackageFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PackageActivity" (
    "lessonId" TEXT NOT NULL PRIMARY KEY,
    "packageId" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "launchPath" TEXT NOT NULL,
    "launchParameters" TEXT,
    "doneWhen" TEXT NOT NULL DEFAULT 'completed',
    "minScore" INTEGER,
    "masteryScore" INTEGER,
    "moveOn" TEXT,
    CONSTRAINT "PackageActivity_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PackageActivity_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PackageAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "registration" TEXT NOT NULL,
    "cmi" TEXT NOT NULL DEFAULT '{}',
    "completion" TEXT NOT NULL DEFAULT 'unknown',
    "success" TEXT NOT NULL DEFAULT 'unknown',
    "score" INTEGER,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PackageAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PackageLaunch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "contentTokenHash" TEXT NOT NULL,
    "fetchTokenHash" TEXT,
    "fetchedAt" DATETIME,
    "xapiTokenHash" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PackageLaunch_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PackageAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "XapiDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scopeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "activityId" TEXT,
    "registration" TEXT,
    "documentId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "etag" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "XapiDocument_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LrsForwarding" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "endpoint" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastTestedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LrsForwarding_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LrsDelivery" (
    "organisationId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "deliveredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("organisationId", "eventId"),
    CONSTRAINT "LrsDelivery_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "LrsForwarding" ("organisationId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LrsDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "LearningEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "codeNlHash" TEXT,
    "codeEnHash" TEXT,
    "quizKey" TEXT,
    "sourceFile" TEXT NOT NULL,
    "bodyNl" TEXT,
    "bodyEn" TEXT,
    CONSTRAINT "Lesson_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Lesson" ("bodyEn", "bodyNl", "codeEnHash", "codeNlHash", "competencies", "courseVersionId", "duration", "id", "lessonKey", "moduleKey", "modulePosition", "moduleTitleEn", "moduleTitleNl", "position", "quizKey", "sourceFile", "titleEn", "titleNl", "type") SELECT "bodyEn", "bodyNl", "codeEnHash", "codeNlHash", "competencies", "courseVersionId", "duration", "id", "lessonKey", "moduleKey", "modulePosition", "moduleTitleEn", "moduleTitleNl", "position", "quizKey", "sourceFile", "titleEn", "titleNl", "type" FROM "Lesson";
DROP TABLE "Lesson";
ALTER TABLE "new_Lesson" RENAME TO "Lesson";
CREATE INDEX "Lesson_lessonKey_idx" ON "Lesson"("lessonKey");
CREATE UNIQUE INDEX "Lesson_courseVersionId_lessonKey_key" ON "Lesson"("courseVersionId", "lessonKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ContentPackage_courseVersionId_key" ON "ContentPackage"("courseVersionId");

-- CreateIndex
CREATE INDEX "ContentPackage_courseId_idx" ON "ContentPackage"("courseId");

-- CreateIndex
CREATE INDEX "PackageActivity_packageId_idx" ON "PackageActivity"("packageId");

-- CreateIndex
CREATE UNIQUE INDEX "PackageAttempt_registration_key" ON "PackageAttempt"("registration");

-- CreateIndex
CREATE INDEX "PackageAttempt_userId_lessonKey_idx" ON "PackageAttempt"("userId", "lessonKey");

-- CreateIndex
CREATE UNIQUE INDEX "PackageLaunch_contentTokenHash_key" ON "PackageLaunch"("contentTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "PackageLaunch_fetchTokenHash_key" ON "PackageLaunch"("fetchTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "PackageLaunch_xapiTokenHash_key" ON "PackageLaunch"("xapiTokenHash");

-- CreateIndex
CREATE INDEX "PackageLaunch_attemptId_idx" ON "PackageLaunch"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "XapiDocument_scopeKey_key" ON "XapiDocument"("scopeKey");

-- CreateIndex
CREATE INDEX "XapiDocument_kind_userId_activityId_idx" ON "XapiDocument"("kind", "userId", "activityId");

-- CreateIndex
CREATE INDEX "LrsDelivery_eventId_idx" ON "LrsDelivery"("eventId");

-- CreateIndex
CREATE INDEX "LearningEvent_registration_idx" ON "LearningEvent"("registration");

-- CreateIndex
CREATE INDEX "LearningEvent_objectId_idx" ON "LearningEvent"("objectId");

-- CreateIndex
CREATE INDEX "LearningEvent_voidsId_idx" ON "LearningEvent"("voidsId");
