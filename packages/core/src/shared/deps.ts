import type { PrismaClient } from "@interviewlm/db";
import type { BillingDeps } from "../billing/config.ts";

/** What every domain service needs from the outside world, passed explicitly. */
export interface CoreDeps {
  db: PrismaClient;
  /** Public base URL of the web app, used to build links in emails (no trailing slash). */
  appUrl: string;
  /** Server secret (≥ 32 chars) for signing links such as candidate invitations. */
  appSecret: string;
  /** The secret before a rotation of appSecret: links it signed keep working. */
  appSecretPrevious?: string;
  /**
   * The live rooms, told when a member's access changes (removal, role change) so their open
   * sockets close at once. Absent: nobody is told, tokens lapse at their expiry (10 minutes).
   */
  rooms?: RoomAccessPort;
  /** Sender of the mail services queue (EMAIL_FROM); the emails package's default when unset. */
  emailFrom?: string;
  /**
   * Stripe billing (STRIPE_SECRET_KEY set). Absent: billing is off, inviting needs no credits
   * and nothing offers to take money (docs/decisions/0090).
   */
  billing?: BillingDeps;
  /** Injected so tests can move time; defaults to the wall clock. */
  now?: () => Date;
}

export const nowOf = (deps: Pick<CoreDeps, "now">): Date => (deps.now ? deps.now() : new Date());

/** The caller of an organisation-scoped operation, already authenticated and authorised. */
export interface OrgActor {
  userId: string;
  organizationId: string;
  role: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
  ipAddress?: string | null;
}

/** What core needs from the rooms (packages/realtime createRoomAdminClient implements it). */
export interface RoomAccessPort {
  revokeAccess(sessionIds: readonly string[], request: { userId: string; before: number }): Promise<{ failed: string[] }>;
  /**
   * Deletes everything a room stored for the session (docs/decisions/0170); throws when the room
   * cannot confirm it. Optional for doubles that only revoke; erasure waits (and says so) without it.
   */
  eraseRoom?(sessionId: string, request: { reason: "candidate_erased" | "retention" | "organization_deleted" }): Promise<unknown>;
}
