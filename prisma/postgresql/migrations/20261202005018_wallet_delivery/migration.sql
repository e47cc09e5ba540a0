-- CreateTable
CREATE TABLE "WalletOffer" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "wrongPins" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "redeemedAt" TIMESTAMP(3),
    "burntAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WalletOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WalletAccessToken" (
    "tokenHash" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WalletAccessToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "WalletNonce" (
    "nonceHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WalletNonce_pkey" PRIMARY KEY ("nonceHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "WalletOffer_codeHash_key" ON "WalletOffer"("codeHash");

-- CreateIndex
CREATE INDEX "WalletOffer_recordId_idx" ON "WalletOffer"("recordId");

-- CreateIndex
CREATE INDEX "WalletAccessToken_offerId_idx" ON "WalletAccessToken"("offerId");

-- AddForeignKey
ALTER TABLE "WalletOffer" ADD CONSTRAINT "WalletOffer_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CompletionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WalletAccessToken" ADD CONSTRAINT "WalletAccessToken_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "WalletOffer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
