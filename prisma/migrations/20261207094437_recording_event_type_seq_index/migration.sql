-- DropIndex
DROP INDEX "RecordingEvent_sessionId_type_idx";

-- CreateIndex
CREATE INDEX "RecordingEvent_sessionId_type_seq_idx" ON "RecordingEvent"("sessionId", "type", "seq");
