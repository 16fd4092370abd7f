-- CreateTable
CREATE TABLE "dataset_version_blob" (
    "versionId" TEXT NOT NULL,
    "blobHash" TEXT NOT NULL,

    CONSTRAINT "dataset_version_blob_pkey" PRIMARY KEY ("versionId","blobHash")
);

-- CreateIndex
CREATE INDEX "dataset_version_blob_blobHash_idx" ON "dataset_version_blob"("blobHash");

-- AddForeignKey
ALTER TABLE "dataset_version_blob" ADD CONSTRAINT "dataset_version_blob_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "dataset_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_version_blob" ADD CONSTRAINT "dataset_version_blob_blobHash_fkey" FOREIGN KEY ("blobHash") REFERENCES "blob"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;
