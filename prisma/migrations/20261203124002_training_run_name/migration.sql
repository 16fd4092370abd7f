-- AlterTable
ALTER TABLE "training_run" ADD COLUMN     "name" TEXT;
