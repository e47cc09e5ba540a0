-- CreateTable
CREATE TABLE "WalletOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recordId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "wrongPins" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "redeemedAt" DATETIME,
    "burntAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WalletOffer_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CompletionRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WalletAccessToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WalletAccessToken_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "WalletOffer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WalletNonce" (
    "nonceHash" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "WalletOffer_codeHash_key" ON "WalletOffer"("codeHash");

-- CreateIndex
CREATE INDEX "WalletOffer_recordId_idx" ON "WalletOffer"("recordId");

-- CreateIndex
CREATE INDEX "WalletAccessToken_offerId_idx" ON "WalletAccessToken"("offerId");
