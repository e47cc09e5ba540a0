-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clientId" TEXT,
    "channels" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Scorecard_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scorecard_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ClientOrganisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScorecardVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scorecardId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScorecardVersion_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "scorecardVersionId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "calibrationSessionId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "externalId" TEXT,
    "contactAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "durationSeconds" INTEGER,
    "clientBrand" TEXT,
    "score" REAL NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "criticalFailed" BOOLEAN NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "fileKey" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'open',
    "acknowledgedAt" DATETIME,
    "disputeReason" TEXT,
    "disputedAt" DATETIME,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "resolutionNote" TEXT,
    "importId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evaluation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_scorecardVersionId_fkey" FOREIGN KEY ("scorecardVersionId") REFERENCES "ScorecardVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_calibrationSessionId_fkey" FOREIGN KEY ("calibrationSessionId") REFERENCES "CalibrationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationItemScore" (
    "evaluationId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "value" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("evaluationId", "itemKey"),
    CONSTRAINT "EvaluationItemScore_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationWorkProcess" (
    "evaluationId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "contactAt" DATETIME NOT NULL,
    "score" REAL NOT NULL,
    "passed" BOOLEAN NOT NULL,

    PRIMARY KEY ("evaluationId", "dossierSlug", "workProcessCode"),
    CONSTRAINT "EvaluationWorkProcess_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalibrationSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "scorecardVersionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "externalId" TEXT,
    "contactAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "referenceEvaluatorId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "CalibrationSession_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalibrationEvaluator" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("sessionId", "userId"),
    CONSTRAINT "CalibrationEvaluator_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoachingSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "coachId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "heldAt" DATETIME NOT NULL,
    "discussed" TEXT NOT NULL,
    "agreements" TEXT NOT NULL,
    "followUpAt" DATETIME,
    "followUpRemindedAt" DATETIME,
    "confirmedAt" DATETIME,
    "evidenceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoachingSession_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoachingSession_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoachingSession_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoachingSessionEvaluation" (
    "coachingSessionId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,

    PRIMARY KEY ("coachingSessionId", "evaluationId"),
    CONSTRAINT "CoachingSessionEvaluation_coachingSessionId_fkey" FOREIGN KEY ("coachingSessionId") REFERENCES "CoachingSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoachingSessionEvaluation_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoachingSessionWorkProcess" (
    "coachingSessionId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,

    PRIMARY KEY ("coachingSessionId", "dossierSlug", "workProcessCode"),
    CONSTRAINT "CoachingSessionWorkProcess_coachingSessionId_fkey" FOREIGN KEY ("coachingSessionId") REFERENCES "CoachingSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QualityRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QualityRule_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QualityRuleFiring" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "assignmentId" TEXT,
    "evidenceId" TEXT,
    "firedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QualityRuleFiring_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "QualityRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KpiWeek" (
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weekStart" TEXT NOT NULL,
    "ahtSeconds" INTEGER,
    "fcrPercent" REAL,
    "csat" REAL,
    "nps" REAL,
    "adherencePercent" REAL,
    "importId" TEXT NOT NULL,

    PRIMARY KEY ("organisationId", "userId", "weekStart"),
    CONSTRAINT "KpiWeek_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KpiWeek_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KpiWeek_importId_fkey" FOREIGN KEY ("importId") REFERENCES "QualityImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QualityImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdCount" INTEGER NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QualityImport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
CREATE INDEX "EvaluationWorkProcess_agentId_dossierSlug_workProcessCode_contactAt_idx" ON "EvaluationWorkProcess"("agentId", "dossierSlug", "workProcessCode", "contactAt");

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
