-- AlterTable
ALTER TABLE "CompletionRecord" ADD COLUMN     "dataIntegrity" TEXT,
ADD COLUMN     "statusListId" TEXT,
ADD COLUMN     "statusListIndex" INTEGER;

-- CreateTable
CREATE TABLE "StatusList" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordSuspension" (
    "recordId" TEXT NOT NULL,
    "suspendedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "suspendedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "RecordSuspension_pkey" PRIMARY KEY ("recordId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompletionRecord_statusListId_statusListIndex_key" ON "CompletionRecord"("statusListId", "statusListIndex");

-- AddForeignKey
ALTER TABLE "CompletionRecord" ADD CONSTRAINT "CompletionRecord_statusListId_fkey" FOREIGN KEY ("statusListId") REFERENCES "StatusList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordSuspension" ADD CONSTRAINT "RecordSuspension_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CompletionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;
