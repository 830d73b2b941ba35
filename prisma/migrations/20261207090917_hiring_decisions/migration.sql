-- CreateEnum
CREATE TYPE "HiringDecisionOutcome" AS ENUM ('ADVANCE', 'HOLD', 'REJECT');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "recommendationWeights" JSONB;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "ownerNotifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "HiringDecision" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "outcome" "HiringDecisionOutcome" NOT NULL,
    "reason" TEXT NOT NULL,
    "recommendation" TEXT,
    "decidedById" TEXT,
    "decidedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HiringDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HiringDecision_organizationId_candidateId_createdAt_idx" ON "HiringDecision"("organizationId", "candidateId", "createdAt");

-- CreateIndex
CREATE INDEX "HiringDecision_sessionId_createdAt_idx" ON "HiringDecision"("sessionId", "createdAt");

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
