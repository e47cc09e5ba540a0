-- CreateTable
CREATE TABLE "AssessmentCriteria" (
    "organisationId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "criteria" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentCriteria_pkey" PRIMARY KEY ("organisationId","dossierSlug","workProcessCode","version")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "narrative" TEXT NOT NULL,
    "competencies" TEXT NOT NULL,
    "coreTaskCode" TEXT,
    "fileKey" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceWorkProcess" (
    "evidenceId" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,

    CONSTRAINT "EvidenceWorkProcess_pkey" PRIMARY KEY ("evidenceId","workProcessCode")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "criteriaVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionScore" (
    "assessmentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "criterionNl" TEXT NOT NULL,
    "criterionEn" TEXT NOT NULL,
    "requiredLevel" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "comment" TEXT NOT NULL,

    CONSTRAINT "CriterionScore_pkey" PRIMARY KEY ("assessmentId","position")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "organisationId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "CompletionRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "organisationId" TEXT,
    "level" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "dossierVersion" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "credential" TEXT NOT NULL,
    "jwt" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3),

    CONSTRAINT "CompletionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordRevocation" (
    "recordId" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "RecordRevocation_pkey" PRIMARY KEY ("recordId")
);

-- CreateIndex
CREATE INDEX "Evidence_organisationId_submittedAt_idx" ON "Evidence"("organisationId", "submittedAt");

-- CreateIndex
CREATE INDEX "Evidence_userId_idx" ON "Evidence"("userId");

-- CreateIndex
CREATE INDEX "EvidenceWorkProcess_workProcessCode_idx" ON "EvidenceWorkProcess"("workProcessCode");

-- CreateIndex
CREATE INDEX "Assessment_assessorId_idx" ON "Assessment"("assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_evidenceId_workProcessCode_assessorId_key" ON "Assessment"("evidenceId", "workProcessCode", "assessorId");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_createdAt_idx" ON "AuditEvent"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "CompletionRecord_userId_dossierSlug_code_idx" ON "CompletionRecord"("userId", "dossierSlug", "code");

-- AddForeignKey
ALTER TABLE "AssessmentCriteria" ADD CONSTRAINT "AssessmentCriteria_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceWorkProcess" ADD CONSTRAINT "EvidenceWorkProcess_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionScore" ADD CONSTRAINT "CriterionScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionRecord" ADD CONSTRAINT "CompletionRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionRecord" ADD CONSTRAINT "CompletionRecord_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRevocation" ADD CONSTRAINT "RecordRevocation_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CompletionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;
