-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LearningEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "resultScore" INTEGER,
    "resultSuccess" BOOLEAN,
    "resultStep" INTEGER,
    "courseId" TEXT,
    "lessonKey" TEXT,
    "workProcessCodes" TEXT NOT NULL DEFAULT '[]',
    "timestamp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LearningEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LearningEvent" ("courseId", "id", "lessonKey", "objectId", "objectType", "resultScore", "resultStep", "resultSuccess", "timestamp", "userId", "verb", "workProcessCodes") SELECT "courseId", "id", "lessonKey", "objectId", "objectType", "resultScore", "resultStep", "resultSuccess", "timestamp", "userId", "verb", "workProcessCodes" FROM "LearningEvent";
DROP TABLE "LearningEvent";
ALTER TABLE "new_LearningEvent" RENAME TO "LearningEvent";
CREATE INDEX "LearningEvent_userId_timestamp_idx" ON "LearningEvent"("userId", "timestamp");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Lists of codes move from comma text (C,H,R) to JSON lists (["C","H","R"]), which the app
-- reads and writes only through app/utils/json-list.ts. The codes (roles, API scopes, languages,
-- competency letters, work-process codes) hold no commas, quotes or backslashes, so quoting each
-- part is exact, and an empty text is an empty list. The same statements run on both engines.
UPDATE "Invitation" SET "roles" = CASE WHEN "roles" = '' THEN '[]' ELSE '["' || REPLACE("roles", ',', '","') || '"]' END;
UPDATE "ApiToken" SET "scopes" = CASE WHEN "scopes" = '' THEN '[]' ELSE '["' || REPLACE("scopes", ',', '","') || '"]' END;
UPDATE "CourseVersion" SET "languages" = CASE WHEN "languages" = '' THEN '[]' ELSE '["' || REPLACE("languages", ',', '","') || '"]' END;
UPDATE "CourseDraft" SET "languages" = CASE WHEN "languages" = '' THEN '[]' ELSE '["' || REPLACE("languages", ',', '","') || '"]' END;
UPDATE "Lesson" SET "competencies" = CASE WHEN "competencies" = '' THEN '[]' ELSE '["' || REPLACE("competencies", ',', '","') || '"]' END;
UPDATE "DraftLesson" SET "workProcesses" = CASE WHEN "workProcesses" = '' THEN '[]' ELSE '["' || REPLACE("workProcesses", ',', '","') || '"]' END;
UPDATE "DraftLesson" SET "competencies" = CASE WHEN "competencies" = '' THEN '[]' ELSE '["' || REPLACE("competencies", ',', '","') || '"]' END;
UPDATE "Evidence" SET "competencies" = CASE WHEN "competencies" = '' THEN '[]' ELSE '["' || REPLACE("competencies", ',', '","') || '"]' END;
UPDATE "LearningEvent" SET "workProcessCodes" = CASE WHEN "workProcessCodes" = '' THEN '[]' ELSE '["' || REPLACE("workProcessCodes", ',', '","') || '"]' END;
