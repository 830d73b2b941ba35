// The terminal of a probe workspace ("Probe from here"): the reviewer who opened the probe may
// type in it. The browser cannot reach the sandbox service, so the web server bridges a
// WebSocket to the workspace's PTY (apps/web/server/probe-terminal-route.ts). The upgrade
// carries no tRPC context, so permission and ownership are checked here, by the procedure that
// hands out a one-minute ticket naming the workspace; the bridge only verifies the ticket.
// A probe workspace is only ever one the caller's own `replay.probed` audit row names: never
// the candidate's workspace, never another reviewer's or another organisation's probe.
import { signToken, TokenError, verifyToken, type KeyInput } from "@interviewlm/tokens";
import { z } from "zod";
import type { OrgActor } from "../shared/deps.ts";
import type { Db } from "@interviewlm/db";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { requireReplaySession } from "./read.ts";

export const PROBE_TERMINAL_PURPOSE = "probe-terminal";

/** Tickets are signed with the app secret (the purpose in the signature keeps them apart from invite links). */
export function probeTerminalKeys(deps: { appSecret: string; appSecretPrevious?: string }): KeyInput {
  return { current: deps.appSecret, previous: deps.appSecretPrevious ? [deps.appSecretPrevious] : [] };
}
/** Long enough to open the socket; the open terminal is not bound by it. */
const TICKET_TTL_SECONDS = 60;

const TicketClaimsSchema = z.object({ workspaceId: z.string().min(1).max(128), userId: z.string().min(1).max(64) });
export type ProbeTerminalClaims = z.infer<typeof TicketClaimsSchema>;

export const ProbeTerminalInput = z.object({
  sessionId: z.string().trim().min(1, "Missing session id.").max(64),
  workspaceId: z.string().trim().min(1, "Missing probe workspace id.").max(128),
});

export async function probeTerminalTicket(deps: { db: Db; keys: KeyInput }, actor: OrgActor, input: z.infer<typeof ProbeTerminalInput>): Promise<{ ticket: string; expiresInSeconds: number }> {
  requirePermission(actor, "evaluations:override");
  const session = await requireReplaySession(deps.db, actor, input.sessionId);
  const probe = await deps.db.auditLog.findFirst({
    where: {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "replay.probed",
      targetType: "InterviewSession",
      targetId: session.id,
      metadata: { path: ["workspaceId"], equals: input.workspaceId },
    },
    select: { id: true },
  });
  // Someone else's probe, the candidate's workspace or a made-up id: all the same answer.
  if (!probe) throw notFound("Probe workspace", input.workspaceId);
  const claims: ProbeTerminalClaims = { workspaceId: input.workspaceId, userId: actor.userId };
  return { ticket: await signToken(deps.keys, PROBE_TERMINAL_PURPOSE, claims, { ttlSeconds: TICKET_TTL_SECONDS }), expiresInSeconds: TICKET_TTL_SECONDS };
}

/** The workspace a ticket opens, or null with the reason when it is not valid (expired, forged, another purpose's). */
export async function verifyProbeTerminalTicket(keys: KeyInput, ticket: string): Promise<{ claims: ProbeTerminalClaims } | { problem: string }> {
  try {
    const verified = await verifyToken(keys, PROBE_TERMINAL_PURPOSE, ticket, TicketClaimsSchema);
    return { claims: verified.claims };
  } catch (error) {
    if (error instanceof TokenError) return { problem: error.problem };
    throw error;
  }
}
