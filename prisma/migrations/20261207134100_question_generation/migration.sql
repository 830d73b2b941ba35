-- CreateEnum
CREATE TYPE "QuestionGenerationStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" TEXT;

-- CreateTable
CREATE TABLE "QuestionGeneration" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "requestedById" TEXT,
    "spec" JSONB NOT NULL,
    "status" "QuestionGenerationStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "progress" JSONB NOT NULL DEFAULT '[]',
    "report" JSONB,
    "model" TEXT,
    "promptVersion" TEXT,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costMicroUsd" INTEGER,
    "variantOfId" TEXT,
    "questionId" TEXT,
    "cancelRequestedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuestionGeneration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuestionGeneration_status_nextAttemptAt_idx" ON "QuestionGeneration"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "QuestionGeneration_organizationId_createdAt_idx" ON "QuestionGeneration"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "QuestionGeneration" ADD CONSTRAINT "QuestionGeneration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionGeneration" ADD CONSTRAINT "QuestionGeneration_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionGeneration" ADD CONSTRAINT "QuestionGeneration_variantOfId_fkey" FOREIGN KEY ("variantOfId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;
