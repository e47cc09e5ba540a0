-- AlterTable
ALTER TABLE "SigningKey" ADD COLUMN     "kekId" TEXT,
ADD COLUMN     "sealedPrivateKey" TEXT;
