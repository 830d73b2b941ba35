-- CreateTable
CREATE TABLE "ReplayKeyframe" (
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "doc" BYTEA NOT NULL,
    "terminal" BYTEA NOT NULL,
    "state" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplayKeyframe_pkey" PRIMARY KEY ("sessionId","seq")
);

-- CreateIndex
CREATE INDEX "ReplayKeyframe_sessionId_at_idx" ON "ReplayKeyframe"("sessionId", "at");

-- AddForeignKey
ALTER TABLE "ReplayKeyframe" ADD CONSTRAINT "ReplayKeyframe_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
