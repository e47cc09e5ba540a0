-- AlterTable
ALTER TABLE "LearningEvent" ADD COLUMN     "registration" TEXT,
ADD COLUMN     "statement" TEXT,
ADD COLUMN     "storedAt" TIMESTAMP(3),
ADD COLUMN     "verbIri" TEXT,
ADD COLUMN     "voidsId" TEXT;

-- AlterTable
ALTER TABLE "Lesson" ALTER COLUMN "codeNlHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ContentPackage" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackageFile" (
    "packageId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "objectKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,

    CONSTRAINT "PackageFile_pkey" PRIMARY KEY ("packageId","path")
);

-- CreateTable
CREATE TABLE "PackageActivity" (
    "lessonId" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "launchPath" TEXT NOT NULL,
    "launchParameters" TEXT,
    "doneWhen" TEXT NOT NULL DEFAULT 'completed',
    "minScore" INTEGER,
    "masteryScore" INTEGER,
    "moveOn" TEXT,

    CONSTRAINT "PackageActivity_pkey" PRIMARY KEY ("lessonId")
);

-- CreateTable
CREATE TABLE "PackageAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "registration" TEXT NOT NULL,
    "cmi" TEXT NOT NULL DEFAULT '{}',
    "completion" TEXT NOT NULL DEFAULT 'unknown',
    "success" TEXT NOT NULL DEFAULT 'unknown',
    "score" INTEGER,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PackageAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackageLaunch" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "contentTokenHash" TEXT NOT NULL,
    "fetchTokenHash" TEXT,
    "fetchedAt" TIMESTAMP(3),
    "xapiTokenHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackageLaunch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XapiDocument" (
    "id" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "activityId" TEXT,
    "registration" TEXT,
    "documentId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "etag" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "XapiDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LrsForwarding" (
    "organisationId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastTestedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LrsForwarding_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "LrsDelivery" (
    "organisationId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "deliveredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LrsDelivery_pkey" PRIMARY KEY ("organisationId","eventId")
);

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

-- AddForeignKey
ALTER TABLE "ContentPackage" ADD CONSTRAINT "ContentPackage_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageFile" ADD CONSTRAINT "PackageFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageActivity" ADD CONSTRAINT "PackageActivity_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageActivity" ADD CONSTRAINT "PackageActivity_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageAttempt" ADD CONSTRAINT "PackageAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageLaunch" ADD CONSTRAINT "PackageLaunch_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PackageAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "XapiDocument" ADD CONSTRAINT "XapiDocument_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LrsForwarding" ADD CONSTRAINT "LrsForwarding_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LrsDelivery" ADD CONSTRAINT "LrsDelivery_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "LrsForwarding"("organisationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LrsDelivery" ADD CONSTRAINT "LrsDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "LearningEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
