-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "projectId" TEXT,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'all';

-- CreateTable
CREATE TABLE "version_weights" (
    "versionId" TEXT NOT NULL,
    "blobHash" TEXT NOT NULL,
    "weightSpecs" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "version_weights_pkey" PRIMARY KEY ("versionId")
);

-- CreateIndex
CREATE INDEX "version_weights_blobHash_idx" ON "version_weights"("blobHash");

-- CreateIndex
CREATE INDEX "api_token_projectId_idx" ON "api_token"("projectId");

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_weights" ADD CONSTRAINT "version_weights_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_weights" ADD CONSTRAINT "version_weights_blobHash_fkey" FOREIGN KEY ("blobHash") REFERENCES "blob"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;
