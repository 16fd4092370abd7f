-- AlterTable
ALTER TABLE "user" ADD COLUMN     "guest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tour" TEXT;

-- CreateIndex
CREATE INDEX "user_guest_createdAt_idx" ON "user"("guest", "createdAt");

-- The tour is for a first visit: accounts that existed before it have had theirs.
UPDATE "user" SET "tour" = 'dismissed';
