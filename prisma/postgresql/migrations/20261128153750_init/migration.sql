-- CreateTable
CREATE TABLE "Competency" (
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionNl" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,

    CONSTRAINT "Competency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" TEXT NOT NULL,
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
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "confidence" TEXT NOT NULL,
    "sourceNoteNl" TEXT NOT NULL,
    "sourceNoteEn" TEXT NOT NULL,
    "summaryNl" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoreTask" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionNl" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,

    CONSTRAINT "CoreTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkProcess" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WorkProcess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkProcessCompetency" (
    "workProcessId" TEXT NOT NULL,
    "competencyCode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "WorkProcessCompetency_pkey" PRIMARY KEY ("workProcessId","competencyCode")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "workProcessId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "textNl" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CoreTask" ADD CONSTRAINT "CoreTask_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkProcess" ADD CONSTRAINT "WorkProcess_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkProcess" ADD CONSTRAINT "WorkProcess_coreTaskId_fkey" FOREIGN KEY ("coreTaskId") REFERENCES "CoreTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkProcessCompetency" ADD CONSTRAINT "WorkProcessCompetency_workProcessId_fkey" FOREIGN KEY ("workProcessId") REFERENCES "WorkProcess"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkProcessCompetency" ADD CONSTRAINT "WorkProcessCompetency_competencyCode_fkey" FOREIGN KEY ("competencyCode") REFERENCES "Competency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_workProcessId_fkey" FOREIGN KEY ("workProcessId") REFERENCES "WorkProcess"("id") ON DELETE CASCADE ON UPDATE CASCADE;
