-- CreateTable
CREATE TABLE "Competency" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionNl" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "codePrefix" TEXT NOT NULL,
    "qualificationCrebo" TEXT NOT NULL,
    "qualificationNl" TEXT NOT NULL,
    "qualificationEn" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "crebo" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "validFrom" DATETIME,
    "validTo" DATETIME,
    "confidence" TEXT NOT NULL,
    "sourceNoteNl" TEXT NOT NULL,
    "sourceNoteEn" TEXT NOT NULL,
    "summaryNl" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CoreTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionNl" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    CONSTRAINT "CoreTask_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkProcess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "coreTaskId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionNl" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "resultNl" TEXT NOT NULL,
    "resultEn" TEXT NOT NULL,
    CONSTRAINT "WorkProcess_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkProcess_coreTaskId_fkey" FOREIGN KEY ("coreTaskId") REFERENCES "CoreTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkProcessCompetency" (
    "workProcessId" TEXT NOT NULL,
    "competencyCode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("workProcessId", "competencyCode"),
    CONSTRAINT "WorkProcessCompetency_workProcessId_fkey" FOREIGN KEY ("workProcessId") REFERENCES "WorkProcess" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkProcessCompetency_competencyCode_fkey" FOREIGN KEY ("competencyCode") REFERENCES "Competency" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workProcessId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "textNl" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    CONSTRAINT "Indicator_workProcessId_fkey" FOREIGN KEY ("workProcessId") REFERENCES "WorkProcess" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_slug_version_key" ON "Dossier"("slug", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CoreTask_dossierId_code_key" ON "CoreTask"("dossierId", "code");

-- CreateIndex
CREATE INDEX "WorkProcess_coreTaskId_idx" ON "WorkProcess"("coreTaskId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkProcess_dossierId_code_key" ON "WorkProcess"("dossierId", "code");

-- CreateIndex
CREATE INDEX "WorkProcessCompetency_competencyCode_idx" ON "WorkProcessCompetency"("competencyCode");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_workProcessId_position_key" ON "Indicator"("workProcessId", "position");
