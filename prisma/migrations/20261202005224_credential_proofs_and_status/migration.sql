-- CreateTable
CREATE TABLE "StatusList" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RecordSuspension" (
    "recordId" TEXT NOT NULL PRIMARY KEY,
    "suspendedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "suspendedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "RecordSuspension_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CompletionRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CompletionRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "organisationId" TEXT,
    "level" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "dossierVersion" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "credential" TEXT NOT NULL,
    "jwt" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "validUntil" DATETIME,
    "dataIntegrity" TEXT,
    "statusListId" TEXT,
    "statusListIndex" INTEGER,
    CONSTRAINT "CompletionRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CompletionRecord_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CompletionRecord_statusListId_fkey" FOREIGN KEY ("statusListId") REFERENCES "StatusList" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CompletionRecord" ("code", "credential", "dossierSlug", "dossierVersion", "id", "issuedAt", "jwt", "kid", "level", "name", "organisationId", "recipientName", "userId", "validUntil") SELECT "code", "credential", "dossierSlug", "dossierVersion", "id", "issuedAt", "jwt", "kid", "level", "name", "organisationId", "recipientName", "userId", "validUntil" FROM "CompletionRecord";
DROP TABLE "CompletionRecord";
ALTER TABLE "new_CompletionRecord" RENAME TO "CompletionRecord";
CREATE INDEX "CompletionRecord_userId_dossierSlug_code_idx" ON "CompletionRecord"("userId", "dossierSlug", "code");
CREATE UNIQUE INDEX "CompletionRecord_statusListId_statusListIndex_key" ON "CompletionRecord"("statusListId", "statusListIndex");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
