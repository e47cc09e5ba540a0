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
    CONSTRAINT "CompletionRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CompletionRecord_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- The achievement's name, until now only inside the signed credential (the bare name, without
-- its code), is copied from there for every record already issued.
INSERT INTO "new_CompletionRecord" ("code", "name", "credential", "dossierSlug", "dossierVersion", "id", "issuedAt", "jwt", "kid", "level", "organisationId", "recipientName", "userId", "validUntil") SELECT "code", COALESCE(json_extract("credential", '$.credentialSubject.achievement.name'), ''), "credential", "dossierSlug", "dossierVersion", "id", "issuedAt", "jwt", "kid", "level", "organisationId", "recipientName", "userId", "validUntil" FROM "CompletionRecord";
DROP TABLE "CompletionRecord";
ALTER TABLE "new_CompletionRecord" RENAME TO "CompletionRecord";
CREATE INDEX "CompletionRecord_userId_dossierSlug_code_idx" ON "CompletionRecord"("userId", "dossierSlug", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
