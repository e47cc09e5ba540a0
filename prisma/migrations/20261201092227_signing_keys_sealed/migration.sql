-- AlterTable
ALTER TABLE "SigningKey" ADD COLUMN "kekId" TEXT;
ALTER TABLE "SigningKey" ADD COLUMN "sealedPrivateKey" TEXT;
