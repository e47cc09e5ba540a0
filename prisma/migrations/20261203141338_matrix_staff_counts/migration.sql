-- CreateTable
CREATE TABLE "StaffStepCount" (
    "organisationId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("organisationId", "dossierSlug", "workProcessCode", "step"),
    CONSTRAINT "StaffStepCount_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamStepCount" (
    "teamId" TEXT NOT NULL,
    "dossierSlug" TEXT NOT NULL,
    "workProcessCode" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("teamId", "dossierSlug", "workProcessCode", "step"),
    CONSTRAINT "TeamStepCount_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Fill the counts from what is stored now (the same queries as rebuildStaffCounts in
-- app/employer/staff-counts.server.ts), so existing sites show correct totals at once.
INSERT INTO "StaffStepCount" ("organisationId", "dossierSlug", "workProcessCode", "step", "count")
SELECT m."organisationId", '', '', 0, COUNT(*) FROM "Membership" m
WHERE m."deactivatedAt" IS NULL AND EXISTS (SELECT 1 FROM "MembershipRole" r
  WHERE r."membershipId" = m."id" AND r."role" IN ('learner', 'team_leader'))
GROUP BY m."organisationId";

INSERT INTO "StaffStepCount" ("organisationId", "dossierSlug", "workProcessCode", "step", "count")
SELECT m."organisationId", s."dossierSlug", s."workProcessCode", s."step", COUNT(*)
FROM "Membership" m JOIN "WorkProcessStatus" s ON s."userId" = m."userId" AND s."step" > 0
WHERE m."deactivatedAt" IS NULL AND EXISTS (SELECT 1 FROM "MembershipRole" r
  WHERE r."membershipId" = m."id" AND r."role" IN ('learner', 'team_leader'))
GROUP BY m."organisationId", s."dossierSlug", s."workProcessCode", s."step";

INSERT INTO "TeamStepCount" ("teamId", "dossierSlug", "workProcessCode", "step", "count")
SELECT tm."teamId", '', '', 0, COUNT(*)
FROM "TeamMember" tm JOIN "Membership" m ON m."id" = tm."membershipId"
WHERE m."deactivatedAt" IS NULL AND EXISTS (SELECT 1 FROM "MembershipRole" r
  WHERE r."membershipId" = m."id" AND r."role" IN ('learner', 'team_leader'))
GROUP BY tm."teamId";

INSERT INTO "TeamStepCount" ("teamId", "dossierSlug", "workProcessCode", "step", "count")
SELECT tm."teamId", s."dossierSlug", s."workProcessCode", s."step", COUNT(*)
FROM "TeamMember" tm JOIN "Membership" m ON m."id" = tm."membershipId"
JOIN "WorkProcessStatus" s ON s."userId" = m."userId" AND s."step" > 0
WHERE m."deactivatedAt" IS NULL AND EXISTS (SELECT 1 FROM "MembershipRole" r
  WHERE r."membershipId" = m."id" AND r."role" IN ('learner', 'team_leader'))
GROUP BY tm."teamId", s."dossierSlug", s."workProcessCode", s."step";
