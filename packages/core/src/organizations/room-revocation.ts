// After a member is removed or their role changes, the rooms of the organisation's live
// interviews are told at once: they close that person's sockets and refuse tokens minted for
// the older membership (packages/realtime room-admin.ts). Runs after the membership change
// has committed; a room that cannot be told is reported by the port (the web app logs it),
// and its tokens still lapse at their 10-minute expiry.
import type { CoreDeps } from "../shared/deps.ts";

export async function revokeRoomAccess(deps: Pick<CoreDeps, "db" | "rooms">, organizationId: string, userId: string, before: number): Promise<void> {
  if (!deps.rooms) return;
  const live = await deps.db.interviewSession.findMany({ where: { organizationId, status: { in: ["STARTING", "ACTIVE"] } }, select: { id: true } });
  if (live.length === 0) return;
  const ids = live.map((session) => session.id);
  await deps.rooms.revokeAccess(ids, { userId, before }).catch(() => ({ failed: ids }));
}

/**
 * The membership's next version: its updatedAt, moved strictly past the previous one so that
 * tokens minted for the old membership (`mv` = old updatedAt) are always below it.
 */
export function nextMembershipVersion(previous: Date): Date {
  return new Date(Math.max(Date.now(), previous.getTime() + 1));
}
