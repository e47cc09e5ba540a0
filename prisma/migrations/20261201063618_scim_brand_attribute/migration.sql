-- CreateTable
CREATE TABLE "ScimSettings" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "brandAttribute" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScimSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
