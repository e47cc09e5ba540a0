-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clientId" TEXT,
    "channels" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScorecardVersion" (
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "scorecardVersionId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "calibrationSessionId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "externalId" TEXT,
    "contactAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "durationSeconds" INTEGER,
    "clientBrand" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "criticalFailed" BOOLEAN NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "fileKey" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'open',
    "acknowledgedAt" TIMESTAMP(3),
    "disputeReason" TEXT,
    "disputedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolutionNote" TEXT,
    "importId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationItemScore" (
    "evaluationId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "value" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "EvaluationItemScore_pkey" PRIMARY KEY ("evaluationId","itemKey")
);

-- CreateTable
CREATE TABLE "EvaluationWorkProcess" (
    "evaluationId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "contactAt" TIMESTAMP(3) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "passed" BOOLEAN NOT NULL,

    CONSTRAINT "EvaluationWorkProcess_pkey" PRIMARY KEY ("evaluationId","dossierSlug","workProcessCode")
);

-- CreateTable
CREATE TABLE "CalibrationSession" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "scorecardVersionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "externalId" TEXT,
    "contactAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "referenceEvaluatorId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "CalibrationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationEvaluator" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "CalibrationEvaluator_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "CoachingSession" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "coachId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "discussed" TEXT NOT NULL,
    "agreements" TEXT NOT NULL,
    "followUpAt" TIMESTAMP(3),
    "followUpRemindedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "evidenceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoachingSessionEvaluation" (
    "coachingSessionId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,

    CONSTRAINT "CoachingSessionEvaluation_pkey" PRIMARY KEY ("coachingSessionId","evaluationId")
);

-- CreateTable
CREATE TABLE "CoachingSessionWorkProcess" (
    "coachingSessionId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,

    CONSTRAINT "CoachingSessionWorkProcess_pkey" PRIMARY KEY ("coachingSessionId","dossierSlug","workProcessCode")
);

-- CreateTable
CREATE TABLE "QualityRule" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityRuleFiring" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "assignmentId" TEXT,
    "evidenceId" TEXT,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityRuleFiring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiWeek" (
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weekStart" TEXT NOT NULL,
    "ahtSeconds" INTEGER,
    "fcrPercent" DOUBLE PRECISION,
    "csat" DOUBLE PRECISION,
    "nps" DOUBLE PRECISION,
    "adherencePercent" DOUBLE PRECISION,
    "importId" TEXT NOT NULL,

    CONSTRAINT "KpiWeek_pkey" PRIMARY KEY ("organisationId","userId","weekStart")
);

-- CreateTable
CREATE TABLE "QualityImport" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdCount" INTEGER NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_organisationId_name_key" ON "Scorecard"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ScorecardVersion_scorecardId_version_key" ON "ScorecardVersion"("scorecardId", "version");

-- CreateIndex
CREATE INDEX "Evaluation_organisationId_contactAt_idx" ON "Evaluation"("organisationId", "contactAt");

-- CreateIndex
CREATE INDEX "Evaluation_agentId_contactAt_idx" ON "Evaluation"("agentId", "contactAt");

-- CreateIndex
CREATE INDEX "Evaluation_evaluatorId_idx" ON "Evaluation"("evaluatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_organisationId_source_externalId_key" ON "Evaluation"("organisationId", "source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_calibrationSessionId_evaluatorId_key" ON "Evaluation"("calibrationSessionId", "evaluatorId");

-- CreateIndex
CREATE INDEX "EvaluationWorkProcess_agentId_dossierSlug_workProcessCode_c_idx" ON "EvaluationWorkProcess"("agentId", "dossierSlug", "workProcessCode", "contactAt");

-- CreateIndex
CREATE INDEX "CalibrationSession_organisationId_createdAt_idx" ON "CalibrationSession"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "CoachingSession_organisationId_heldAt_idx" ON "CoachingSession"("organisationId", "heldAt");

-- CreateIndex
CREATE INDEX "CoachingSession_agentId_heldAt_idx" ON "CoachingSession"("agentId", "heldAt");

-- CreateIndex
CREATE INDEX "CoachingSession_coachId_heldAt_idx" ON "CoachingSession"("coachId", "heldAt");

-- CreateIndex
CREATE INDEX "QualityRule_organisationId_idx" ON "QualityRule"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "QualityRuleFiring_ruleId_agentId_key_key" ON "QualityRuleFiring"("ruleId", "agentId", "key");

-- CreateIndex
CREATE INDEX "KpiWeek_userId_weekStart_idx" ON "KpiWeek"("userId", "weekStart");

-- CreateIndex
CREATE INDEX "QualityImport_organisationId_createdAt_idx" ON "QualityImport"("organisationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ClientOrganisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardVersion" ADD CONSTRAINT "ScorecardVersion_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_scorecardVersionId_fkey" FOREIGN KEY ("scorecardVersionId") REFERENCES "ScorecardVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_calibrationSessionId_fkey" FOREIGN KEY ("calibrationSessionId") REFERENCES "CalibrationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationItemScore" ADD CONSTRAINT "EvaluationItemScore_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationWorkProcess" ADD CONSTRAINT "EvaluationWorkProcess_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationSession" ADD CONSTRAINT "CalibrationSession_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationEvaluator" ADD CONSTRAINT "CalibrationEvaluator_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSessionEvaluation" ADD CONSTRAINT "CoachingSessionEvaluation_coachingSessionId_fkey" FOREIGN KEY ("coachingSessionId") REFERENCES "CoachingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSessionEvaluation" ADD CONSTRAINT "CoachingSessionEvaluation_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSessionWorkProcess" ADD CONSTRAINT "CoachingSessionWorkProcess_coachingSessionId_fkey" FOREIGN KEY ("coachingSessionId") REFERENCES "CoachingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityRule" ADD CONSTRAINT "QualityRule_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityRuleFiring" ADD CONSTRAINT "QualityRuleFiring_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "QualityRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiWeek" ADD CONSTRAINT "KpiWeek_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiWeek" ADD CONSTRAINT "KpiWeek_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiWeek" ADD CONSTRAINT "KpiWeek_importId_fkey" FOREIGN KEY ("importId") REFERENCES "QualityImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityImport" ADD CONSTRAINT "QualityImport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
