// The session a replay shows, as every replay procedure answers it: who, what, and the span
// of its timeline. Built from the session row and its first and last recorded event, however
// they were read (read.ts reads them alone; a frame reads them with everything else, frame-read.ts).

export interface ReplaySession {
  id: string;
  status: string;
  candidateId: string;
  candidateName: string;
  assessmentId: string;
  assessmentTitle: string;
  /** Epoch ms of t = 0: the session's start or its first event, whichever came first. */
  originAt: number;
  durationMs: number;
  inProgress: boolean;
}

export interface ReplaySessionRow {
  id: string;
  status: string;
  /** Epoch ms. */
  startedAt: number;
  completedAt: number | null;
  candidateId: string;
  candidateName: string;
  assessmentId: string;
  assessmentTitle: string;
  /** Epoch ms of the session's first and last recorded event (by seq), null without events. */
  firstEventAt: number | null;
  lastEventAt: number | null;
}

export function replaySessionFrom(row: ReplaySessionRow): ReplaySession {
  const originAt = Math.min(row.startedAt, row.firstEventAt ?? Infinity);
  const endAt = Math.max(row.completedAt ?? 0, row.lastEventAt ?? originAt);
  return {
    id: row.id,
    status: row.status,
    candidateId: row.candidateId,
    candidateName: row.candidateName,
    assessmentId: row.assessmentId,
    assessmentTitle: row.assessmentTitle,
    originAt,
    durationMs: Math.max(0, endAt - originAt),
    inProgress: row.status !== "COMPLETED",
  };
}
