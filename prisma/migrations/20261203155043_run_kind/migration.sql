-- AlterTable
ALTER TABLE "training_run" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'network';
