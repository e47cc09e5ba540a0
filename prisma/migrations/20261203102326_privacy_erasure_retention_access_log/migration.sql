-- AlterTable
ALTER TABLE "User" ADD COLUMN "erasedAt" DATETIME;

-- CreateTable
CREATE TABLE "ErasureRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "waitingFor" TEXT NOT NULL DEFAULT '',
    "notBefore" DATETIME,
    "carriedOutAt" DATETIME
);

-- CreateTable
CREATE TABLE "RetentionPolicy" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "examEvidenceMonths" INTEGER NOT NULL,
    "learningEventMonths" INTEGER NOT NULL,
    "evaluationMonths" INTEGER NOT NULL,
    "kpiMonths" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RetentionPolicy_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "placedById" TEXT NOT NULL,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedById" TEXT,
    "liftedAt" DATETIME,
    CONSTRAINT "LegalHold_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccessLogEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "viewedById" TEXT,
    "organisationId" TEXT,
    "via" TEXT NOT NULL DEFAULT 'web',
    "kind" TEXT NOT NULL,
    "objectId" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ErasureRequest_organisationId_status_idx" ON "ErasureRequest"("organisationId", "status");

-- CreateIndex
CREATE INDEX "ErasureRequest_userId_idx" ON "ErasureRequest"("userId");

-- CreateIndex
CREATE INDEX "LegalHold_organisationId_userId_idx" ON "LegalHold"("organisationId", "userId");

-- CreateIndex
CREATE INDEX "AccessLogEntry_userId_createdAt_idx" ON "AccessLogEntry"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessLogEntry_organisationId_createdAt_idx" ON "AccessLogEntry"("organisationId", "createdAt");
