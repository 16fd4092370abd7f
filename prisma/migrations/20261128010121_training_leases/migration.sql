-- AlterTable
ALTER TABLE "sweep" ADD COLUMN     "base" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "builtinDataset" TEXT,
ADD COLUMN     "datasetVersionId" TEXT;

-- AlterTable
ALTER TABLE "training_run" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "initialRunId" TEXT,
ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "label" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "resumedFromEpoch" INTEGER;

-- CreateIndex
CREATE INDEX "training_run_status_leaseExpiresAt_idx" ON "training_run"("status", "leaseExpiresAt");
