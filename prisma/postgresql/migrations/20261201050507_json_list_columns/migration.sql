-- AlterTable
ALTER TABLE "LearningEvent" ALTER COLUMN "workProcessCodes" SET DEFAULT '[]';

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
