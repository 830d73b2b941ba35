import { roleCan, type Permission } from "@interviewlm/auth";
import { ROOM_PERMISSIONS, signRoomToken, type RoomPermission } from "@interviewlm/realtime";
import type { Db } from "@interviewlm/db";
import { verifyInviteToken } from "../candidates/portal.ts";
import type { CoreDeps, OrgActor } from "../shared/deps.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";

export interface RoomAccess {
  sessionId: string;
  roomToken: string;
}

/** The candidate's pass into their own room, from the invite link. */
export async function roomAccessForCandidate(
  deps: Pick<CoreDeps, "db" | "appSecret" | "appSecretPrevious" | "now">,
  roomTokenSecret: string,
  inviteToken: string,
): Promise<RoomAccess> {
  const candidate = await verifyInviteToken(deps, inviteToken);
  const session = await deps.db.interviewSession.findUnique({ where: { candidateId: candidate.id }, select: { id: true, status: true } });
  if (!session || session.status !== "ACTIVE") throw new DomainError("PRECONDITION_FAILED", "This interview is not in progress.");
  const roomToken = await signRoomToken(roomTokenSecret, { sid: session.id, role: "candidate", uid: candidate.id, name: candidate.name });
  return { sessionId: session.id, roomToken };
}

export interface LiveSession {
  sessionId: string;
  candidateName: string;
  candidateEmail: string;
  assessmentId: string;
  assessmentTitle: string;
  language: string;
  startedAt: Date;
  deadlineAt: Date;
  questionPosition: number;
  questionCount: number;
}

const liveSelect = {
  id: true,
  language: true,
  startedAt: true,
  deadlineAt: true,
  currentQuestionIndex: true,
  candidate: { select: { name: true, email: true } },
  assessment: { select: { id: true, title: true, questionCount: true } },
} as const;

function toLiveSession(row: {
  id: string; language: string; startedAt: Date; deadlineAt: Date; currentQuestionIndex: number;
  candidate: { name: string; email: string }; assessment: { id: string; title: string; questionCount: number };
}): LiveSession {
  return {
    sessionId: row.id,
    candidateName: row.candidate.name,
    candidateEmail: row.candidate.email,
    assessmentId: row.assessment.id,
    assessmentTitle: row.assessment.title,
    language: row.language,
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
    questionPosition: row.currentQuestionIndex,
    questionCount: row.assessment.questionCount,
  };
}

/** Interviews in progress in the caller's organisation, soonest deadline first. */
export async function listLiveSessions(db: Db, actor: OrgActor): Promise<LiveSession[]> {
  requirePermission(actor, "sessions:watch");
  const rows = await db.interviewSession.findMany({
    where: { organizationId: actor.organizationId, status: "ACTIVE" },
    select: liveSelect,
    orderBy: { deadlineAt: "asc" },
  });
  return rows.map(toLiveSession);
}

// Every room permission must be an entry of the one permission table.
const roomPermissions: readonly (RoomPermission & Permission)[] = ROOM_PERMISSIONS;

/** The room-level permissions of an organisation role, from the one permission table. */
export function roomPermissionsFor(role: OrgActor["role"]): RoomPermission[] {
  return roomPermissions.filter((permission) => roleCan(role, permission));
}

/** A reviewer's pass into a room of their organisation (read-only there). */
export async function joinLiveSession(
  db: Db,
  roomTokenSecret: string,
  actor: OrgActor & { name: string },
  sessionId: string,
): Promise<LiveSession & { roomToken: string }> {
  requirePermission(actor, "sessions:watch");
  const row = await db.interviewSession.findFirst({ where: { id: sessionId, organizationId: actor.organizationId }, select: { ...liveSelect, status: true } });
  if (!row) throw notFound("Interview session", sessionId);
  if (row.status !== "ACTIVE") throw new DomainError("PRECONDITION_FAILED", "This interview is not in progress any more.");
  // The membership's version goes into the token, so a later removal or role change can refuse it.
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId: actor.userId } },
    select: { updatedAt: true },
  });
  if (!membership) throw notFound("Interview session", sessionId);
  const roomToken = await signRoomToken(roomTokenSecret, {
    sid: row.id,
    role: "reviewer",
    uid: actor.userId,
    name: actor.name,
    perms: roomPermissionsFor(actor.role),
    mv: membership.updatedAt.getTime(),
  });
  return { ...toLiveSession(row), roomToken };
}
