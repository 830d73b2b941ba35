-- CreateTable
CREATE TABLE "RecordingDeadLetter" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "firstSeq" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    "bodyBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retriedAt" TIMESTAMP(3),
    "retryError" TEXT,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "RecordingDeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordingDeadLetter_resolvedAt_createdAt_idx" ON "RecordingDeadLetter"("resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecordingDeadLetter_sessionId_firstSeq_lastSeq_key" ON "RecordingDeadLetter"("sessionId", "firstSeq", "lastSeq");
