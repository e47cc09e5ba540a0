-- AlterTable
-- The achievement's name, until now only inside the signed credential (the bare name, without
-- its code), is copied from there for every record already issued.
ALTER TABLE "CompletionRecord" ADD COLUMN     "name" TEXT;
UPDATE "CompletionRecord" SET "name" = COALESCE("credential"::jsonb #>> '{credentialSubject,achievement,name}', '');
ALTER TABLE "CompletionRecord" ALTER COLUMN "name" SET NOT NULL;
