-- CreateTable
CREATE TABLE "ScimSettings" (
    "organisationId" TEXT NOT NULL,
    "brandAttribute" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimSettings_pkey" PRIMARY KEY ("organisationId")
);

-- AddForeignKey
ALTER TABLE "ScimSettings" ADD CONSTRAINT "ScimSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
