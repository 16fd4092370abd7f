-- AlterTable
ALTER TABLE "version_weights" ADD COLUMN "layerNodes" JSONB,
ADD COLUMN "plan" JSONB;
