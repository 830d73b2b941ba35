-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "erasureAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "erasureError" TEXT,
ADD COLUMN     "erasureNextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "erasureRequestedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "dataRetentionDays" SET DEFAULT 365;

-- CreateIndex
CREATE INDEX "Candidate_erasedAt_erasureRequestedAt_idx" ON "Candidate"("erasedAt", "erasureRequestedAt");
